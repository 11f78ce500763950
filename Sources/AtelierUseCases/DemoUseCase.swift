import AtelierCore
import AtelierGrading
import AtelierReport
import Foundation

/// Run the whole flow on a folder of examples: check them, lay out each project sheet and
/// questionnaire, read the survey exports beside them, merge the sites of a network, make a
/// grading sheet and grade the filled one. Every file goes into one output folder.
public struct DemoRequest: Sendable {
    /// The examples: mockups, with `surveys/`, `sites/<mockup>/` and `grading/` beside them.
    public let examples: String
    public let output: String
    public let language: Language

    public init(examples: String, output: String, language: Language) {
        self.examples = examples
        self.output = output
        self.language = language
    }
}

public struct DemoOutcome: Sendable {
    public let check: CheckOutcome
    /// Every file in the output folder, sorted (its README aside).
    public let written: [String]
    /// What the jobs had to say on the way: texts cut to fit a cell, sheets not ready, grading problems.
    public let notices: [Localized]
}

public struct DemoUseCase {
    let request: DemoRequest
    let toolkit: Toolkit
    /// The built-in rules, loaded once for every check, sheet and group of the run.
    let checker: Checker
    private var notices: [Localized] = []

    public static func run(_ request: DemoRequest, toolkit: Toolkit) throws -> DemoOutcome {
        var demo = try DemoUseCase(request: request, toolkit: toolkit)
        return try demo.run()
    }

    private init(request: DemoRequest, toolkit: Toolkit) throws {
        self.request = request
        self.toolkit = toolkit
        self.checker = try Checker(toolkit: toolkit)
    }

    private mutating func run() throws -> DemoOutcome {
        let language = request.language
        let mockups = try SourceDocument.mockups([request.examples])
        let paths = mockups.map(\.path)
        let check = CheckOutcome(files: mockups.map { checker.check($0, language: language) })
        do {
            try FileManager.default.createDirectory(atPath: request.output, withIntermediateDirectories: true)
        } catch {
            throw UserError(ReportMessage.cliCannotWrite, ["path": request.output, "reason": error.localizedDescription])
        }
        let checklists = try toolkit.checklists([])
        try write([
            ("check.txt", .text(TextReporter(language: language, colour: false).render(check.files))),
            ("check.json", .text(JSONReporter.render(check.files, language: language))),
            ("check.md", .text(MarkdownReporter(language: language).render(check.files))),
            ("checklist.md", .text(ChecklistDocument(language: language).markdown(checklists))),
            ("checklist.html", .text(ChecklistDocument(language: language).html(checklists))),
        ], inputs: paths)
        let folder = URL(fileURLWithPath: request.examples)
        for mockup in mockups {
            try sheets(of: mockup)
            try impact(of: mockup, surveys: folder.appendingPathComponent("surveys"))
            try network(of: mockup, sites: folder.appendingPathComponent("sites").appendingPathComponent(stem(mockup.path)))
        }
        try grading(of: mockups, sheet: folder.appendingPathComponent("grading/grille-remplie.xlsx").path)
        let written = (FileManager.default.subpaths(atPath: request.output) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: outputPath(name), isDirectory: &isFolder) && !isFolder.boolValue && name != "README.md"
        }.sorted().map(outputPath)
        return DemoOutcome(check: check, written: written, notices: notices)
    }

    /// The project sheet (`fiche-<mockup>.html`) and the questionnaire: the XLSForm, the paper
    /// form in plain language and the data-entry workbook.
    private mutating func sheets(of mockup: SourceDocument) throws {
        let language = request.language
        let name = stem(mockup.path)
        let render = try checker.render(mockup, language: language)
        if let warning = render.notReady { notices.append(Localized(verbatim: warning)) }
        let survey = try SurveyUseCase.run(SurveyRequest(document: mockup, language: language), toolkit: toolkit)
        try write([("fiche-\(name).html", .text(render.html)), ("formulaire-\(name).xlsx", survey.xlsform),
                   ("questionnaire-\(name).html", survey.paper(easy: true)), ("saisie-\(name).xlsx", survey.entrySheet)], inputs: [mockup.path])
    }

    /// The indicators of a mockup with survey exports (`surveys/<mockup>-<tool>.csv|xlsx|ods`)
    /// as JSON, workbook and HTML report: `impact-<mockup>.json|xlsx|html`.
    private mutating func impact(of mockup: SourceDocument, surveys: URL) throws {
        let name = stem(mockup.path)
        let exports = tables(in: surveys).filter { $0.hasPrefix(name + "-") }.map { surveys.appendingPathComponent($0).path }
        guard !exports.isEmpty else { return }
        let outcome = try ImpactUseCase.run(ImpactRequest(mockup: mockup, responses: exports, language: request.language), toolkit: toolkit)
        try write([("impact-\(name).json", .text(outcome.reports.json)), ("impact-\(name).xlsx", outcome.reports.workbook),
                   ("impact-\(name).html", .text(outcome.reports.html))], inputs: exports + [mockup.path])
    }

    /// For a mockup run by several sites (`sites/<mockup>/<site>.csv|xlsx|ods`): what each site
    /// shares (`agregats-<mockup>-<site>.json`: sums, no answer) and the network's indicators
    /// merged from them (`reseau-<mockup>.json|xlsx|html`), as `atelier merge` gives them.
    private mutating func network(of mockup: SourceDocument, sites: URL) throws {
        let name = stem(mockup.path)
        let exports = tables(in: sites).map { sites.appendingPathComponent($0).path }
        guard !exports.isEmpty else { return }
        var aggregates: [SourceDocument] = []
        for export in exports {
            let outcome = try ImpactUseCase.run(ImpactRequest(mockup: mockup, responses: [export], language: request.language), toolkit: toolkit)
            let file = "agregats-\(name)-\(stem(export)).json"
            let encoded = try outcome.aggregateFile.encoded()
            try write([(file, .text(String(decoding: encoded, as: UTF8.self)))], inputs: [export, mockup.path])
            aggregates.append(SourceDocument(path: outputPath(file), bytes: Array(encoded)))
        }
        let network = try MergeUseCase.run(MergeRequest(aggregates: aggregates, language: request.language), toolkit: toolkit)
        try write([("reseau-\(name).json", .text(network.json)), ("reseau-\(name).xlsx", network.workbook),
                   ("reseau-\(name).html", .text(network.html))], inputs: aggregates.map(\.path))
    }

    /// A blank grading sheet for the example groups (`grille-vierge.xlsx`) and, when the examples
    /// hold a filled one, the marks (`notes.json`, `notes.xlsx`, with WebPA individual marks
    /// from `pairs.csv`) and one feedback file per group (`retours/`).
    private mutating func grading(of mockups: [SourceDocument], sheet: String) throws {
        let language = request.language
        let rubric = try toolkit.rubric("presentation-atelier")
        let groups = try checker.groups(of: mockups, language: language)
        let paths = mockups.map(\.path)
        if let blank = GradeSheetUseCase.run(GradeSheetRequest(rubric: rubric, groups: groups, graders: ["Camille", "Karim"], language: language)) {
            try write([("grille-vierge.xlsx", blank.workbook)], inputs: paths)
        }
        guard FileManager.default.fileExists(atPath: sheet) else { return }
        let peers = URL(fileURLWithPath: sheet).deletingLastPathComponent().appendingPathComponent("pairs.csv").path
        let peerFile = FileManager.default.fileExists(atPath: peers) ? peers : nil
        let outcome = try GradeUseCase.run(GradeRequest(rubric: rubric, scoreFiles: [sheet], groups: groups, peerFile: peerFile))
        notices += outcome.problems.map { problem in
            Localized(fr: "\(problem.place.fr) : \(problem.message.fr)", en: "\(problem.place.en): \(problem.message.en)")
        }
        guard !outcome.hasErrors else { return }
        let documents = GradeDocuments(outcome, rubric: rubric, disagreementShare: 0.15, language: language)
        let inputs = [sheet] + paths + (peerFile.map { [$0] } ?? [])
        try write([("notes.json", .text(documents.json)), ("notes.xlsx", documents.workbook)], inputs: inputs)
        try documents.writeFeedback(to: outputPath("retours"), inputs: inputs, sharePeerScores: false)
    }

    private mutating func write(_ artefacts: [(name: String, artefact: Artefact)], inputs: [String]) throws {
        for (name, artefact) in artefacts {
            if let notice = try artefact.write(to: outputPath(name), inputs: inputs) { notices.append(notice) }
        }
    }

    /// The survey exports in `folder` (the formats `impact` reads), sorted.
    private func tables(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ["csv", "tsv", "txt", "xlsx", "ods"].contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }

    private func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// `name` inside the output folder.
    private func outputPath(_ name: String) -> String {
        (request.output as NSString).appendingPathComponent(name)
    }
}

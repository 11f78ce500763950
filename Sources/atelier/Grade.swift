import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierMockup
import AtelierReport
import Foundation

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade group presentations with a rubric / Noter les présentations avec une grille.",
        discussion: """
        Examples:
          atelier grade sheet --rubric presentation-atelier Examples/*.yaml --graders Camille,Karim --xlsx grille.xlsx
          atelier grade --rubric presentation-atelier --scores grille.xlsx Examples/*.yaml --xlsx notes.xlsx --feedback retours/
          atelier grade rubric --rubric presentation-atelier --canvas grille-canvas.csv
          atelier grade rubric --rubric export-canvas.csv --yaml Templates/rubrics/ma-grille.yaml
        """,
        subcommands: [GradeCompute.self, GradeSheet.self, GradeRubric.self],
        defaultSubcommand: GradeCompute.self
    )
}

/// Options both grading commands take.
struct RubricOptions: ParsableArguments {
    @Option(help: "The rubric: a built-in name (presentation-atelier, maquette-seule), a YAML file, or a Canvas rubric CSV.")
    var rubric: String

    func load(_ library: TemplateLibrary) throws -> Rubric {
        let folder = library.folder.appendingPathComponent("rubrics")
        let candidates = [URL(fileURLWithPath: rubric), folder.appendingPathComponent("\(rubric).yaml")]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
              let data = FileManager.default.contents(atPath: url.path) else {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw UserError(.gradeUnknownRubric, ["value": rubric, "names": names.joined(separator: ", ")])
        }
        if url.pathExtension.lowercased() == "csv" { return try CanvasRubric.read(url.path) }
        return try RubricLoader.load([UInt8](data), file: url.path == rubric ? rubric : url.relativePath)
    }
}

/// The groups of a grading: given by name, or the titles of the mockups named.
struct GroupSources {
    let mockups: [(path: String, decoded: DecodedMockup, source: String)]

    init(_ paths: [String], decoder: MockupDecoder) throws {
        mockups = try InputFiles.expand(paths).map { path in
            let bytes = try InputFiles.read(path)
            return (path, decoder.decode(bytes), String(decoding: bytes, as: UTF8.self))
        }
    }

    var titles: [String] {
        mockups.map { $0.decoded.mockup?.title ?? URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
    }
}

struct GradeSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write the .xlsx grading sheet to fill during the presentations.",
        discussion: "One sheet per grader, a row per group, a drop-down list of levels per criterion and a comment column; the layout is protected."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "The groups, separated by commas (or name mockups: their titles are used).")
    var groups: String?

    @Argument(help: "Mockups whose titles name the groups.")
    var mockups: [String] = []

    @Option(help: "The graders, separated by commas.")
    var graders: String = "Correcteur 1,Correcteur 2"

    @Option(help: "The grading sheet to write.")
    var xlsx: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let library = try common.templateLibrary()
        let rubric = try rubricOptions.load(library)
        let names = try groups.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? GroupSources(mockups, decoder: MockupDecoder(builtinScales: library.scaleNames)).titles
        let graderNames = graders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw UserError(.gradeNoGroups) }
        try OutputFile.produce(xlsx, inputs: mockups) { temporary in
            try GradingSheet(rubric: rubric, language: common.language).write(groups: names, graders: graderNames, to: temporary)
        }
        Console.print(Catalogue.text(.gradeSheetWritten, ["path": xlsx, "groups": "\(names.count)", "graders": "\(graderNames.count)",
                                                           "rubric": rubricOptions.rubric])[common.language] + "\n")
    }
}

struct GradeRubric: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Show a rubric; convert it to Canvas's rubric CSV or from it to YAML.",
        discussion: "Canvas has no weights: exporting multiplies each level's points by its criterion's weight; importing gives every criterion weight 1."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "Write the rubric in Canvas's rubric CSV layout.")
    var canvas: String?

    @Option(help: "Write the rubric as an Atelier YAML rubric.")
    var yaml: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let rubric = try rubricOptions.load(try common.templateLibrary())
        var output = Catalogue.text(.gradeRubricSummary, ["title": rubric.title[language], "criteria": "\(rubric.criteria.count)",
                                                           "outOf": language.number(rubric.outOf), "rounding": language.number(rubric.rounding)])[language] + "\n"
        for criterion in rubric.criteria {
            let kind: MessageKey? = criterion.feedbackOnly ? .gradeRubricFeedbackOnly : criterion.source == .graders ? nil : .gradeRubricAuto
            output += Catalogue.text(.gradeRubricCriterion, [
                "id": criterion.id, "label": criterion.label[language], "weight": language.number(criterion.weight),
                "levels": "\(criterion.levels.count)", "points": language.number(criterion.maximum),
                "kind": kind.map { Catalogue.text($0)[language] } ?? "",
            ])[language] + "\n"
        }
        Console.print(output)
        for (path, text) in [(canvas, CanvasRubric.csv(rubric, language: language)), (yaml, RubricYAML.text(rubric))] {
            guard let path else { continue }
            try OutputFile.write(text, to: path, inputs: [rubricOptions.rubric])
            Console.print(Catalogue.text(.gradeRubricWritten, ["path": path])[language] + "\n")
        }
    }
}

struct GradeCompute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Combine the graders' sheets into marks, disagreements, agreement and feedback."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .customLong("scores"), help: "Filled grading sheets (.xlsx from `grade sheet`) or CSV in long format (group, grader, criterion, level, comment); repeatable.")
    var scores: [String] = []

    @Argument(help: "The groups' mockups (for automatic criteria and feedback).")
    var mockups: [String] = []

    @Option(help: "Write the grades as JSON ('-' for standard output).")
    var json: String?

    @Option(help: "Write the gradebook (.xlsx): marks, graders side by side with disagreements highlighted, agreement.")
    var xlsx: String?

    @Option(help: "Write one Markdown feedback file per group into this folder.")
    var feedback: String?

    @Option(help: "Peer ratings inside groups (CSV/xlsx/ods: group, giver, receiver, mark) for WebPA individual marks.")
    var peer: String?

    @Option(name: .customLong("peer-weighting"), help: "The share of the mark the peer ratings move (WebPA p, 0 to 1).")
    var peerWeighting: Double = 0.5

    @Option(name: .customLong("disagreement-share"), help: "Graders' totals further apart than this share of the scale flag a group.")
    var disagreementShare: Double = 0.15

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let library = try common.templateLibrary()
        let rubric = try rubricOptions.load(library)
        guard !scores.isEmpty else { throw UserError(.gradeNoScores) }
        try OutputFile.preflight([json, xlsx], inputs: scores + mockups + (peer.map { [$0] } ?? []))
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let sources = try GroupSources(mockups, decoder: decoder)
        let engine = ChecklistEngine(rules: try common.checklists([], in: library).rules)
        var checks: [String: CheckResult] = [:]
        for (title, mockup) in zip(sources.titles, sources.mockups) {
            checks[title] = engine.check(mockup.decoded, source: mockup.source, language: language)
        }
        var all: [Score] = [], problems: [ScoreProblem] = []
        for path in scores {
            guard FileManager.default.fileExists(atPath: path) else { throw UserError(.cliNoSuchFile, ["path": path]) }
            let (found, issues) = try ScoreReader(rubric: rubric).read(path)
            all += found
            problems += issues
        }
        var groups = sources.titles
        if groups.isEmpty {
            for score in all where !groups.contains(score.group) { groups.append(score.group) }
        }
        for score in all where !groups.contains(score.group) {
            problems.append(ScoreProblem(severity: .error, place: score.place,
                                         message: Catalogue.text(.gradeUnknownGroup, ["value": score.group, "groups": groups.joined(separator: ", ")])))
        }
        let grading = Grading(rubric: rubric, disagreementShare: disagreementShare)
        let grades = grading.grade(groups: groups, scores: all, readiness: checks.mapValues(\.readiness))
        let agreement = grading.agreement(grades)
        var peers: [PeerAssessment] = []
        if let peer {
            guard FileManager.default.fileExists(atPath: peer) else { throw UserError(.cliNoSuchFile, ["path": peer]) }
            let (ratings, issues) = try PeerReader.read(peer)
            problems += issues
            for rating in ratings where !groups.contains(rating.group) {
                problems.append(ScoreProblem(severity: .warning, place: rating.place, message: Catalogue.text(.peerUnknownGroup, ["value": rating.group])))
            }
            let marks = Dictionary(grades.compactMap { grade in grade.mark.map { (grade.group, $0) } }, uniquingKeysWith: { first, _ in first })
            peers = grading.peerAssessment(ratings.filter { groups.contains($0.group) }, marks: marks, weighting: peerWeighting)
        }
        for problem in problems {
            Console.error("\(problem.place) : \(problem.severity.word(in: language)) : \(problem.message[language])")
        }
        if let json {
            let text = GradeJSON.document(grades, agreement: agreement, peers: peers, rubric: rubric).rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: scores + mockups) }
        }
        if let xlsx {
            try OutputFile.produce(xlsx, inputs: scores + mockups) { temporary in
                try GradeWorkbook(rubric: rubric, language: language, totalsThreshold: disagreementShare * rubric.outOf)
                    .write(grades, agreement: agreement, peers: peers, to: temporary)
            }
        }
        if let feedback {
            try writeFeedback(grades, rubric: rubric, checks: checks, peers: peers, folder: feedback)
        }
        if json != "-" { Console.print(summary(grades, agreement: agreement, peers: peers, rubric: rubric)) }
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    private func writeFeedback(_ grades: [GroupGrade], rubric: Rubric, checks: [String: CheckResult], peers: [PeerAssessment], folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw UserError(.cliCannotWrite, ["path": folder, "reason": error.localizedDescription])
        }
        let writer = Feedback(rubric: rubric, language: common.language)
        var used = Set<String>()
        for grade in grades {
            let stem = String(grade.group.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().lowercased().prefix(60))
            // Two groups whose names differ only by case or punctuation get two files, never one.
            var name = stem, copy = 1
            while !used.insert(name).inserted {
                copy += 1
                name = "\(stem)-\(copy)"
            }
            let path = (folder as NSString).appendingPathComponent("\(name).md")
            let markdown = writer.markdown(grade, findings: checks[grade.group]?.findings ?? [], peer: peers.first { $0.group == grade.group })
            try OutputFile.write(markdown, to: path, inputs: scores + mockups)
        }
    }

    private func summary(_ grades: [GroupGrade], agreement: AgreementReport?, peers: [PeerAssessment], rubric: Rubric) -> String {
        let language = common.language
        var output = ""
        for grade in grades {
            let disagreeing = grade.criteria.filter(\.disagreement).map(\.criterion.id)
            let flag = disagreeing.isEmpty ? "" : Catalogue.text(.gradeDisagreementFlag, ["criteria": disagreeing.joined(separator: ", ")])[language]
            output += Catalogue.text(.gradeSummary, ["group": grade.group, "mark": grade.mark.map { language.number($0) } ?? "—",
                                                     "outOf": language.number(rubric.outOf), "flag": flag])[language] + "\n"
            if let peer = peers.first(where: { $0.group == grade.group }) {
                let marks = peer.members.map { "\($0.name) \($0.mark.map { language.number($0) } ?? "—")" }.joined(separator: ", ")
                output += Catalogue.text(.peerSummary, ["submitted": "\(peer.submitted)", "members": "\(peer.members.count)", "marks": marks])[language] + "\n"
            }
        }
        if let agreement, let icc = agreement.icc {
            output += "\n" + Catalogue.text(.gradeAgreementLine, [
                "graders": "\(agreement.graders)", "groups": "\(agreement.groups)", "leftOut": "\(agreement.leftOut)",
                "iccAbsolute": icc.iccA1.map { language.number($0) } ?? "—", "iccGuide": ReadingGuide.icc(icc.iccA1)[language],
                "iccConsistency": icc.iccC1.map { language.number($0) } ?? "—", "iccAverage": icc.iccAk.map { language.number($0) } ?? "—",
            ])[language] + "\n"
        }
        for criterion in agreement?.criteria ?? [] {
            guard let alpha = criterion.krippendorffOrdinal else { continue }
            output += Catalogue.text(.gradeCriterionAgreement, ["id": criterion.id, "alpha": language.number(alpha),
                                                                 "guide": ReadingGuide.krippendorff(alpha)[language]])[language] + "\n"
        }
        return output
    }
}

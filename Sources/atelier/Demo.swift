import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole flow on the examples / Démonstration sur les exemples.",
        discussion: """
        Checks every mockup of Examples/ and writes the reports (text, JSON, Markdown) and the printable
        grid of the built-in checklist (Markdown, HTML), each example's project sheet (HTML) and questionnaire (XLSForm,
        paper HTML, data-entry workbook) into the output folder; then computes the impact
        indicators of each example that has survey exports (Examples/surveys/<mockup>-<tool>.csv), as JSON
        as an Excel workbook and as an HTML report; then writes a blank grading sheet for the examples and grades the
        filled one (Examples/grading/grille-remplie.xlsx) into marks, agreement and feedback.
        Example:
          atelier demo --output Exports
        """
    )

    @Option(help: "Folder for the results.")
    var output: String = "Exports"

    @Option(help: "Folder of the example mockups (default: Examples next to the templates).")
    var examples: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let library = try common.templateLibrary()
        let folder = examples ?? library.examplesFolder.path
        let paths = try InputFiles.expand([folder])
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let checklists = try common.checklists([], in: library)
        let engine = ChecklistEngine(rules: checklists.rules)
        let checked = try InputFiles.check(paths, with: decoder, engine: engine, language: language)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw UserError(.cliCannotWrite, ["path": output, "reason": error.localizedDescription])
        }
        let outputs: [(String, String)] = [
            ("check.txt", TextReporter(language: language, colour: false).render(checked)),
            ("check.json", JSONReporter.render(checked, language: language)),
            ("check.md", MarkdownReporter(language: language).render(checked)),
            ("checklist.md", ChecklistDocument(language: language).markdown(checklists)),
            ("checklist.html", ChecklistDocument(language: language).html(checklists)),
        ]
        for (name, text) in outputs {
            try OutputFile.write(text, to: (output as NSString).appendingPathComponent(name), inputs: paths)
        }
        Console.print(TextReporter(language: language, colour: Console.usesColour).render(checked))
        try sheets(of: paths)
        try impacts(of: paths, surveys: URL(fileURLWithPath: folder).appendingPathComponent("surveys"), library: library, decoder: decoder)
        try grading(of: paths, sheet: URL(fileURLWithPath: folder).appendingPathComponent("grading/grille-remplie.xlsx").path)
        let written = (FileManager.default.subpaths(atPath: output) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent(name), isDirectory: &isFolder) && !isFolder.boolValue
                && name != "README.md"
        }.sorted()
        Console.print("\n" + Catalogue.text(.cliDemoDone, ["path": output, "count": "\(written.count)"])[language] + "\n"
            + written.map { "  \((output as NSString).appendingPathComponent($0))\n" }.joined())
        if CheckSummary(checked).errors > 0 {
            throw ExitCode(1)
        }
    }

    /// For each example mockup with survey exports (`surveys/<mockup>-<tool>.csv|xlsx|ods`), the
    /// indicators as JSON, as a workbook and as an HTML report: `impact-<mockup>.json|xlsx|html`.
    private func impacts(of mockups: [String], surveys: URL, library: TemplateLibrary, decoder: MockupDecoder) throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: surveys.path)) ?? [])
            .filter { ["csv", "tsv", "txt", "xlsx", "ods"].contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
        for mockup in mockups {
            let stem = URL(fileURLWithPath: mockup).deletingPathExtension().lastPathComponent
            let exports = files.filter { $0.hasPrefix(stem + "-") }.map { surveys.appendingPathComponent($0).path }
            guard !exports.isEmpty else { continue }
            let impact = try Impact.parse([mockup] + exports.flatMap { ["--responses", $0] } + [
                "--json", (output as NSString).appendingPathComponent("impact-\(stem).json"),
                "--xlsx", (output as NSString).appendingPathComponent("impact-\(stem).xlsx"),
                "--html", (output as NSString).appendingPathComponent("impact-\(stem).html"),
                "--lang", common.language.rawValue,
            ] + (common.templates.map { ["--templates", $0] } ?? []))
            try impact.run()
        }
    }

    /// For every example, its project sheet (`fiche-<mockup>.html`) and its questionnaire: the
    /// XLSForm, the paper form in plain language and the data-entry workbook
    /// (`formulaire-<mockup>.xlsx`, `questionnaire-<mockup>.html`, `saisie-<mockup>.xlsx`).
    private func sheets(of mockups: [String]) throws {
        let shared = ["--lang", common.language.rawValue] + (common.templates.map { ["--templates", $0] } ?? [])
        let path = { (name: String) in (output as NSString).appendingPathComponent(name) }
        for mockup in mockups {
            let stem = URL(fileURLWithPath: mockup).deletingPathExtension().lastPathComponent
            try Render.parse([mockup, "--html", path("fiche-\(stem).html")] + shared).run()
            try Survey.parse([mockup, "--xlsform", path("formulaire-\(stem).xlsx"), "--html", path("questionnaire-\(stem).html"), "--easy",
                              "--sheet", path("saisie-\(stem).xlsx")] + shared).run()
        }
    }

    /// A blank grading sheet for the example groups (`grille-vierge.xlsx`) and, when the examples
    /// hold a filled one, the marks (`notes.json`, `notes.xlsx`, with WebPA individual marks from `pairs.csv`) and one feedback file per group (`retours/`).
    private func grading(of mockups: [String], sheet: String) throws {
        let path = { (name: String) in (output as NSString).appendingPathComponent(name) }
        let shared = ["--rubric", "presentation-atelier", "--lang", common.language.rawValue] + (common.templates.map { ["--templates", $0] } ?? [])
        try GradeSheet.parse(shared + ["--graders", "Camille,Karim", "--xlsx", path("grille-vierge.xlsx")] + mockups).run()
        guard FileManager.default.fileExists(atPath: sheet) else { return }
        let peers = URL(fileURLWithPath: sheet).deletingLastPathComponent().appendingPathComponent("pairs.csv").path
        let peerOptions = FileManager.default.fileExists(atPath: peers) ? ["--peer", peers] : []
        try GradeCompute.parse(shared + peerOptions + ["--scores", sheet, "--json", path("notes.json"), "--xlsx", path("notes.xlsx"), "--feedback", path("retours")] + mockups).run()
    }
}

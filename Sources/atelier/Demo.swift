import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.demoAbstract),
        discussion: CLI.discussion(.demoDiscussion, examples: ["atelier demo --output Exports"])
    )

    @Option(help: ArgumentHelp(CLI.say(.demoOutputHelp)), completion: .directory)
    var output: String = "Exports"

    @Option(help: ArgumentHelp(CLI.say(.demoExamplesHelp)), completion: .directory)
    var examples: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let library = try common.templateLibrary()
        let folder = examples ?? library.examplesFolder.path
        let paths = try InputFiles.expand([folder])
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let checklists = try common.checklists([], in: library)
        let engine = ChecklistEngine(rules: checklists.rules, templateSentences: library.templateSentences)
        let checked = try InputFiles.check(paths, with: decoder, engine: engine, language: language)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw UserError(ReportMessage.cliCannotWrite, ["path": output, "reason": error.localizedDescription])
        }
        let outputs: [(String, String)] = [
            ("check.txt", TextReporter(language: language, colour: false).render(checked)),
            ("check.json", JSONReporter.render(checked, language: language)),
            ("check.md", MarkdownReporter(language: language).render(checked)),
            ("checklist.md", ChecklistDocument(language: language).markdown(checklists)),
            ("checklist.html", ChecklistDocument(language: language).html(checklists)),
        ]
        for (name, text) in outputs {
            try OutputFile.write(text, to: outputPath(name), inputs: paths)
        }
        Console.print(TextReporter(language: language, colour: Console.usesColour).render(checked))
        try sheets(of: paths)
        try impacts(of: paths, surveys: URL(fileURLWithPath: folder).appendingPathComponent("surveys"))
        try network(of: paths, sites: URL(fileURLWithPath: folder).appendingPathComponent("sites"))
        try grading(of: paths, sheet: URL(fileURLWithPath: folder).appendingPathComponent("grading/grille-remplie.xlsx").path)
        let written = (FileManager.default.subpaths(atPath: output) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: outputPath(name), isDirectory: &isFolder) && !isFolder.boolValue
                && name != "README.md"
        }.sorted()
        Console.print("\n" + Words.text(.cliDemoDone, ["path": output, "count": "\(written.count)"])[language] + "\n"
            + written.map { "  \(outputPath($0))\n" }.joined())
        if CheckSummary(checked).errors > 0 {
            throw ExitCode(1)
        }
    }

    /// For each example mockup with survey exports (`surveys/<mockup>-<tool>.csv|xlsx|ods`), the
    /// indicators as JSON, as a workbook and as an HTML report: `impact-<mockup>.json|xlsx|html`.
    private func impacts(of mockups: [String], surveys: URL) throws {
        let files = tables(in: surveys)
        for mockup in mockups {
            let stem = URL(fileURLWithPath: mockup).deletingPathExtension().lastPathComponent
            let exports = files.filter { $0.hasPrefix(stem + "-") }.map { surveys.appendingPathComponent($0).path }
            guard !exports.isEmpty else { continue }
            let impact = try Impact.parse([mockup] + exports.flatMap { ["--responses", $0] } + [
                "--json", outputPath("impact-\(stem).json"),
                "--xlsx", outputPath("impact-\(stem).xlsx"),
                "--html", outputPath("impact-\(stem).html"),
            ] + sharedOptions)
            try impact.run()
        }
    }

    /// For each example run by several sites (`sites/<mockup>/<site>.csv|xlsx|ods`): what each site
    /// shares, its aggregates (`agregats-<mockup>-<site>.json`: sums, no answer), and the network's
    /// indicators merged from them (`reseau-<mockup>.json|xlsx|html`), as `atelier merge` gives them.
    private func network(of mockups: [String], sites: URL) throws {
        for mockup in mockups {
            let stem = URL(fileURLWithPath: mockup).deletingPathExtension().lastPathComponent
            let folder = sites.appendingPathComponent(stem)
            let exports = tables(in: folder)
            guard !exports.isEmpty else { continue }
            let aggregates = exports.map { outputPath("agregats-\(stem)-\(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent).json") }
            for (export, aggregate) in zip(exports, aggregates) {
                try Impact.parse([mockup, "--responses", folder.appendingPathComponent(export).path, "--aggregate", aggregate] + sharedOptions).run()
            }
            try Merge.parse(aggregates + ["--json", outputPath("reseau-\(stem).json"), "--xlsx", outputPath("reseau-\(stem).xlsx"),
                                          "--html", outputPath("reseau-\(stem).html")] + sharedOptions).run()
        }
    }

    /// The survey exports in `folder` (the formats `impact` reads), sorted.
    private func tables(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ["csv", "tsv", "txt", "xlsx", "ods"].contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }

    /// For every example, its project sheet (`fiche-<mockup>.html`) and its questionnaire: the
    /// XLSForm, the paper form in plain language and the data-entry workbook
    /// (`formulaire-<mockup>.xlsx`, `questionnaire-<mockup>.html`, `saisie-<mockup>.xlsx`).
    private func sheets(of mockups: [String]) throws {
        for mockup in mockups {
            let stem = URL(fileURLWithPath: mockup).deletingPathExtension().lastPathComponent
            try Render.parse([mockup, "--html", outputPath("fiche-\(stem).html")] + sharedOptions).run()
            try Survey.parse([mockup, "--xlsform", outputPath("formulaire-\(stem).xlsx"), "--html", outputPath("questionnaire-\(stem).html"), "--easy",
                              "--sheet", outputPath("saisie-\(stem).xlsx")] + sharedOptions).run()
        }
    }

    /// A blank grading sheet for the example groups (`grille-vierge.xlsx`) and, when the examples
    /// hold a filled one, the marks (`notes.json`, `notes.xlsx`, with WebPA individual marks from `pairs.csv`) and one feedback file per group (`retours/`).
    private func grading(of mockups: [String], sheet: String) throws {
        let shared = ["--rubric", "presentation-atelier"] + sharedOptions
        try GradeSheet.parse(shared + ["--graders", "Camille,Karim", "--xlsx", outputPath("grille-vierge.xlsx")] + mockups).run()
        guard FileManager.default.fileExists(atPath: sheet) else { return }
        let peers = URL(fileURLWithPath: sheet).deletingLastPathComponent().appendingPathComponent("pairs.csv").path
        let peerOptions = FileManager.default.fileExists(atPath: peers) ? ["--peer", peers] : []
        try GradeCompute.parse(shared + peerOptions + ["--scores", sheet, "--json", outputPath("notes.json"), "--xlsx", outputPath("notes.xlsx"), "--feedback", outputPath("retours")] + mockups).run()
    }

    /// `name` inside the output folder.
    private func outputPath(_ name: String) -> String {
        (output as NSString).appendingPathComponent(name)
    }

    /// The options every command the demo runs takes from it: language and templates.
    private var sharedOptions: [String] {
        ["--lang", common.language.rawValue] + (common.templates.map { ["--templates", $0] } ?? [])
    }
}

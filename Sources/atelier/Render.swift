import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lay a mockup out as a project sheet to project or print / Fiche projet.",
        discussion: """
        One self-contained HTML page (no script, no network; prints on A4, reads on a phone): audiences,
        objectives with their Bloom level, a timeline of the activities, the alignment matrix with its gaps,
        the evaluation plan, the readiness and the checklist's findings.
        Examples:
          atelier render Examples/voix-du-quartier.yaml --html fiche.html
          atelier render ma-maquette.yaml --html fiche.html --markdown fiche.md --lang en
        """
    )

    @Argument(help: "The mockup.")
    var mockup: String

    @Option(help: "Write the project sheet as HTML.")
    var html: String?

    @Option(help: "Write the project sheet as Markdown.")
    var markdown: String?

    @Option(name: .customLong("checklist"), help: ArgumentHelp("A checklist to apply, by name or path (repeatable).", valueName: "name|path"))
    var checklists: [String] = []

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        try OutputFile.preflight([html, markdown], inputs: [mockup])
        let library = try common.templateLibrary()
        let bytes = try InputFiles.read(mockup)
        let source = String(decoding: bytes, as: UTF8.self)
        let decoded = MockupDecoder(builtinScales: library.scaleNames).decode(bytes)
        guard let typed = decoded.mockup else { throw UserError(.projectUnreadable, ["file": mockup]) }
        let result = ChecklistEngine(rules: try common.checklists(checklists, in: library).rules).check(decoded, source: source, language: language)
        let sheet = ProjectSheet(language: language)
        let file = URL(fileURLWithPath: mockup).lastPathComponent
        let outputs = [(html, { sheet.html(typed, result: result, file: file) }), (markdown, { sheet.markdown(typed, result: result, file: file) })]
        for case let (path?, make) in outputs {
            try OutputFile.write(make(), to: path, inputs: [mockup])
            Console.print(Catalogue.text(.projectWritten, ["path": path])[language] + "\n")
        }
        if html == nil && markdown == nil { Console.print(sheet.markdown(typed, result: result, file: file)) }
    }
}

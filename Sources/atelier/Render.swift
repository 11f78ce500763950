import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.renderAbstract),
        discussion: CLI.discussion(.renderDiscussion, examples: [
            "atelier render Examples/voix-du-quartier.yaml --html fiche.html",
            "atelier render Examples/vr-abbaye.yaml --html fiche.html --markdown fiche.md --lang en",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.renderMockupHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockup: String

    @Option(help: ArgumentHelp(CLI.say(.renderHTMLHelp)))
    var html: String?

    @Option(help: ArgumentHelp(CLI.say(.renderMarkdownHelp)))
    var markdown: String?

    @Option(name: .customLong("checklist"), help: ArgumentHelp(CLI.say(.renderChecklistHelp, ["checklists": CLI.checklistNames.joined(separator: ", ")]), valueName: "name|path"), completion: .list(CLI.checklistNames))
    var checklists: [String] = []

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        try OutputFile.preflight([html, markdown], inputs: [mockup])
        let library = try common.templateLibrary()
        let bytes = try InputFiles.read(mockup)
        let source = String(decoding: bytes, as: UTF8.self)
        let decoded = MockupDecoder(builtinScales: library.scaleNames).decode(bytes)
        guard let typed = decoded.mockup else { throw UserError(Words.projectUnreadable, ["file": mockup]) }
        let result = try common.checklistEngine(checklists, in: library).check(decoded, source: source, language: language)
        let sheet = ProjectSheet(language: language)
        let file = URL(fileURLWithPath: mockup).lastPathComponent
        let outputs = [(html, { sheet.html(typed, result: result, file: file) }), (markdown, { sheet.markdown(typed, result: result, file: file) })]
        for case let (path?, make) in outputs {
            try OutputFile.write(make(), to: path, inputs: [mockup])
            Console.print(Words.text(.projectWritten, ["path": path])[language] + "\n")
        }
        if html == nil && markdown == nil { Console.print(sheet.markdown(typed, result: result, file: file)) }
        if let warning = sheet.notReady(result, file: mockup) { Console.error(warning) }
    }
}

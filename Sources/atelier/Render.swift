import ArgumentParser
import AtelierCore
import AtelierReport
import AtelierUseCases

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
        let outcome = try RenderUseCase.run(RenderRequest(document: try SourceDocument.read(mockup), checklists: checklists, language: language),
                                            toolkit: try common.toolkit())
        let outputs = [(html, { outcome.html }), (markdown, { outcome.markdown })]
        for case let (path?, make) in outputs {
            try Console.write(.text(make()), to: path, inputs: [mockup])
            Console.print(Words.text(.projectWritten, ["path": path])[language] + "\n")
        }
        if html == nil && markdown == nil { Console.print(outcome.markdown) }
        if let warning = outcome.notReady { Console.error(warning) }
    }
}

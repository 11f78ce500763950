import ArgumentParser
import AtelierCore
import AtelierMockup
import AtelierReport

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.schemaAbstract),
        discussion: CLI.discussion(.schemaDiscussion, examples: ["atelier schema", "atelier schema --output mockup.schema.json"])
    )

    @Option(help: ArgumentHelp(CLI.say(.schemaOutputHelp)))
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let text = JSONSchemaWriter.text()
        guard let output, output != "-" else {
            Console.print(text)
            return
        }
        try OutputFile.write(text, to: output)
    }
}

import ArgumentParser
import AtelierCore
import AtelierMockup
import AtelierReport

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the mockup format / Le schéma JSON des maquettes.",
        discussion: """
        Editors use it to complete keys and explain them (VS Code with the YAML extension).
        Examples:
          atelier schema
          atelier schema --output mockup.schema.json
        """
    )

    @Option(help: "Write the schema to this file instead of standard output ('-' for standard output).")
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

import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierMockup
import AtelierReport

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.schemaAbstract),
        discussion: CLI.discussion(.schemaDiscussion, examples: ["atelier schema", "atelier schema --output mockup.schema.json",
                                                                 "atelier schema --for checklist --output checklist.schema.json",
                                                                 "atelier schema --for rubric --output rubric.schema.json"])
    )

    @Option(help: ArgumentHelp(CLI.say(.schemaOutputHelp)))
    var output: String?

    @Option(name: .customLong("for"), help: ArgumentHelp(CLI.say(.schemaForHelp)))
    var format: SchemaFormat = .mockup

    @OptionGroup var common: CommonOptions

    func run() throws {
        let text = JSONSchemaWriter.text(format.document)
        guard let output, output != "-" else {
            Console.print(text)
            return
        }
        try OutputFile.write(text, to: output)
    }
}

/// The formats whose JSON Schema `schema` writes.
enum SchemaFormat: String, ExpressibleByArgument, CaseIterable {
    case mockup, checklist, rubric

    var document: SchemaDocument {
        switch self {
        case .mockup: .mockup
        case .checklist: ChecklistSchema.document
        case .rubric: RubricSchema.document
        }
    }
}

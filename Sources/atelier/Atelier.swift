// The `atelier` command: parses arguments, reads and writes files, prints, and maps
// outcomes to exit codes (0 done, 1 findings at the failure level, 2 could not do the job).
// Everything else is in the library modules.

import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierUseCases
import Foundation

struct Atelier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: CLI.say(.rootAbstract),
        discussion: CLI.discussion(nil, examples: [
            "atelier new ma-maquette.yaml --template podcast",
            "atelier check ma-maquette.yaml",
            "atelier check Examples/ --format json",
            "atelier check ma-maquette.yaml --checklist Examples/checklists/reseau-mediatheques.yaml",
            "atelier checklist doc > grille.md",
            "atelier schema --output mockup.schema.json",
            "atelier demo",
        ]),
        version: "0.1.0",
        subcommands: [New.self, Check.self, Render.self, Survey.self, ChecklistCommand.self, Impact.self, Merge.self, Compare.self, Grade.self, Schema.self, Demo.self,
                      Serve.self, Manual.self]
    )
}

@main
enum Main {
    static func main() async {
        Interruption.removePendingOutputOnSignals()
        do {
            var command = try Atelier.parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as UserError {
            Console.fail(error)
        } catch let error as DefinitionError {
            Console.fail(error)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // Help, version and completion scripts end the parse "successfully"; completion
            // scripts are code, left as the parser wrote them.
            guard Atelier.exitCode(for: error) != .success else {
                let text = Atelier.fullMessage(for: error)
                let isScript = CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") }
                Console.print((isScript ? text : ParserMessages.help(text, in: CLI.language)) + "\n")
                Foundation.exit(0)
            }
            let commands = Atelier.configuration.subcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
            Console.error(ParserMessages.error(Atelier.fullMessage(for: error), in: CLI.language, commands: commands))
            Foundation.exit(2)
        }
    }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CLI.say(.langHelp)))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp(CLI.say(.templatesHelp), valueName: "dir"), completion: .directory)
    var templates: String?

    var language: Language {
        lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func templateLibrary() throws -> TemplateLibrary {
        try TemplateSearch.locate(option: templates, environment: ProcessInfo.processInfo.environment,
                                  executable: URL(fileURLWithPath: CommandLine.arguments[0]))
    }

    /// What every job reads from the template library.
    func toolkit() throws -> Toolkit {
        Toolkit(library: try templateLibrary())
    }
}

extension Language: ExpressibleByArgument {}



// The `atelier` command: parses arguments, reads and writes files, prints, and maps
// outcomes to exit codes (0 done, 1 findings at the failure level, 2 could not do the job).
// Everything else is in the library modules.

import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import Foundation

struct Atelier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "Design, check and evaluate cultural-mediation projects / Concevoir, vérifier et évaluer des projets de médiation.",
        discussion: """
        Examples / exemples :
          atelier new ma-maquette.yaml --template podcast
          atelier check ma-maquette.yaml
          atelier check Examples/ --format json
          atelier check ma-maquette.yaml --checklist ma-structure.yaml
          atelier checklist doc > grille.md
          atelier schema --output mockup.schema.json
          atelier demo
        """,
        version: "0.1.0",
        subcommands: [New.self, Check.self, Render.self, Survey.self, ChecklistCommand.self, Impact.self, Merge.self, Grade.self, Schema.self, Demo.self]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try Atelier.parseAsRoot()
            try command.run()
        } catch let error as UserError {
            Console.fail(error)
        } catch let error as DefinitionError {
            Console.fail(error)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = Atelier.exitCode(for: error)
            if code == .success {
                Atelier.exit(withError: error)
            }
            Console.error(Atelier.fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Language of messages: fr or en (default: from LC_ALL, LC_MESSAGES, LANG).")
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp("Folder of the built-in templates (default: ATELIER_TEMPLATES, then next to the binary, then the source tree).", valueName: "dir"))
    var templates: String?

    var language: Language {
        lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func templateLibrary() throws -> TemplateLibrary {
        try TemplateLibrary.locate(option: templates, environment: ProcessInfo.processInfo.environment,
                                   executable: URL(fileURLWithPath: CommandLine.arguments[0]))
    }

    /// The rules in effect: the built-in checklist, and those named with `--checklist`.
    func checklists(_ requested: [String], in library: TemplateLibrary) throws -> ChecklistSet {
        try ChecklistSet.load(requested, folder: library.checklistsFolder)
    }
}

extension Language: ExpressibleByArgument {}



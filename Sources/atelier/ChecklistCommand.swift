import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: CLI.say(.checklistAbstract),
        discussion: CLI.discussion(nil, examples: [
            "atelier checklist list",
            "atelier checklist show mediation-essentials",
            "atelier checklist test Examples/checklists/reseau-mediatheques.yaml",
            "atelier checklist doc --format html > grille.html",
            "atelier checklist verbs \"Sensibiliser les familles au patrimoine\" transcrire",
        ]),
        subcommands: [List.self, Show.self, Test.self, Doc.self, Verbs.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLI.say(.checklistListAbstract))
        @OptionGroup var common: CommonOptions

        func run() throws {
            let library = try common.templateLibrary()
            for name in ChecklistSet.builtinNames(in: library.checklistsFolder) {
                let set = try ChecklistSet.loadFile(name, folder: library.checklistsFolder)
                let title = set.checklists.first?.title[common.language] ?? ""
                Console.print("\(name)\t\(title)\t" + Words.text(.cliRuleCount, ["count": "\(set.rules.count)"])[common.language] + "\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLI.say(.checklistShowAbstract))
        @Argument(help: ArgumentHelp(CLI.say(.checklistNameHelp, ["checklists": CLI.checklistNames.joined(separator: ", ")])), completion: .list(CLI.checklistNames)) var checklist: String = ChecklistSet.defaultChecklist
        @OptionGroup var common: CommonOptions

        func run() throws {
            let library = try common.templateLibrary()
            let set = try ChecklistSet.loadFile(checklist, folder: library.checklistsFolder)
            let language = common.language
            for rule in set.rules {
                let severity = rule.severity?.word(in: language) ?? ReportMessage.text(.docOff)[language]
                Console.print("\(rule.id)\t\(rule.section.title[language])\t\(severity)\t\(rule.message[language])\n")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLI.say(.checklistTestAbstract))
        @Argument(help: ArgumentHelp(CLI.say(.checklistFilesHelp)), completion: .list(CLI.checklistNames)) var checklists: [String] = []
        @OptionGroup var common: CommonOptions

        func run() throws {
            let library = try common.templateLibrary()
            let language = common.language
            let names = checklists.isEmpty ? ChecklistSet.builtinNames(in: library.checklistsFolder) : checklists
            let base = try String(contentsOf: library.exampleBase, encoding: .utf8)
            let runner = ExampleRunner(base: base, decoder: MockupDecoder(builtinScales: library.scaleNames), templates: library.templateTexts)
            var failed = false
            for name in names {
                let set = try ChecklistSet.loadFile(name, folder: library.checklistsFolder)
                let origins = Dictionary(set.checklists.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
                let own = set.rules.filter { rule in set.checklists.contains { $0.id == rule.origin } }
                let report = runner.run(own) { origins[$0.origin] ?? name }
                for failure in report.failures {
                    Console.print(failure.sentence(in: language) + "\n")
                }
                failed = failed || !report.failures.isEmpty
                Console.print(Words.text(.cliChecklistTested, [
                    "name": name, "rules": "\(report.rules)", "examples": "\(report.examples)", "failures": "\(report.failures.count)",
                ])[language] + "\n")
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLI.say(.checklistDocAbstract))
        @Argument(help: ArgumentHelp(CLI.say(.checklistNameHelp, ["checklists": CLI.checklistNames.joined(separator: ", ")])), completion: .list(CLI.checklistNames)) var checklist: String = ChecklistSet.defaultChecklist
        @Option(help: ArgumentHelp(CLI.say(.checklistDocFormatHelp))) var format: DocFormat = .markdown
        @OptionGroup var common: CommonOptions

        enum DocFormat: String, ExpressibleByArgument { case markdown, html }

        func run() throws {
            let library = try common.templateLibrary()
            let set = try ChecklistSet.loadFile(checklist, folder: library.checklistsFolder)
            let document = ChecklistDocument(language: common.language)
            Console.print(format == .html ? document.html(set) : document.markdown(set))
        }
    }

    struct Verbs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLI.say(.checklistVerbsAbstract))
        @Argument(help: ArgumentHelp(CLI.say(.checklistVerbsSentenceHelp))) var sentences: [String] = []
        @OptionGroup var common: CommonOptions

        func run() throws {
            let language = common.language
            let lines = sentences.isEmpty
                ? BloomVerbs.entries(language).map { $0.line(in: language) }
                : sentences.flatMap { BloomVerbs.explain($0, language: language) }
            Console.print(lines.map { $0 + "\n" }.joined())
        }
    }
}

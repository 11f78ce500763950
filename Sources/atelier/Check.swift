import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

enum FailureLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    func isReached(by worst: Severity?) -> Bool {
        guard let worst else { return false }
        switch self {
        case .error: return worst >= .error
        case .warning: return worst >= .warning
        case .never: return false
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check mockups and explain every finding / Vérifier des maquettes.",
        discussion: """
        Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the check could not run.
        Examples:
          atelier check ma-maquette.yaml
          atelier check Examples/ --format markdown > rapport.md
          atelier check a.yaml b.yaml --format json --fail-on warning
          atelier check Examples/ --checklist ma-structure.yaml
        A comment « # atelier: ignore RULE-ID — reason » on a finding's line or the line above silences it.
        """
    )

    @Argument(help: "Mockup files, or folders whose .yaml/.yml files are checked.")
    var files: [String]

    @Option(name: .customLong("checklist"), help: ArgumentHelp("A checklist to apply, by name or path (repeatable). One that extends mediation-essentials replaces it; one that does not adds to it.", valueName: "name|path"))
    var checklists: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or never.")
    var failOn: FailureLevel = .error

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let library = try common.templateLibrary()
        let paths = try InputFiles.expand(files)
        let engine = ChecklistEngine(rules: try common.checklists(checklists, in: library).rules)
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let checked = try InputFiles.check(paths, with: decoder, engine: engine, language: language)
        switch format {
        case .text: Console.print(TextReporter(language: language, colour: Console.usesColour).render(checked))
        case .json: Console.print(JSONReporter.render(checked, language: language))
        case .markdown: Console.print(MarkdownReporter(language: language).render(checked))
        }
        if failOn.isReached(by: CheckSummary(checked).worst) {
            throw ExitCode(1)
        }
    }
}

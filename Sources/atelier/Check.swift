import ArgumentParser
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
        """
    )

    @Argument(help: "Mockup files, or folders whose .yaml/.yml files are checked.")
    var files: [String]

    @Option(help: "Output format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or never.")
    var failOn: FailureLevel = .error

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let paths = try InputFiles.expand(files)
        let decoder = MockupDecoder(builtinScales: try common.templateLibrary().scaleNames)
        let checked = try InputFiles.check(paths, with: decoder)
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

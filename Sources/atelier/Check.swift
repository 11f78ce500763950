import ArgumentParser
import AtelierCore
import AtelierReport
import AtelierUseCases

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
        abstract: CLI.say(.checkAbstract),
        discussion: CLI.discussion(.checkDiscussion, examples: [
            "atelier check Examples/voix-du-quartier.yaml",
            "atelier check Examples/ --format markdown > rapport.md",
            "atelier check Examples/voix-du-quartier.yaml Examples/vr-abbaye.yaml --format json --fail-on warning",
            "atelier check Examples/ --checklist Examples/checklists/reseau-mediatheques.yaml",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.checkFilesHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @Option(name: .customLong("checklist"), help: ArgumentHelp(CLI.say(.checkChecklistHelp, ["checklists": CLI.checklistNames.joined(separator: ", ")]), valueName: "name|path"), completion: .list(CLI.checklistNames))
    var checklists: [String] = []

    @Option(help: ArgumentHelp(CLI.say(.checkFormatHelp)))
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(CLI.say(.checkFailOnHelp)))
    var failOn: FailureLevel = .error

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let toolkit = try common.toolkit()
        let outcome = try CheckUseCase.run(CheckRequest(documents: try SourceDocument.mockups(files), checklists: checklists, language: language),
                                           toolkit: toolkit)
        switch format {
        case .text: Console.print(TextReporter(language: language, colour: Console.usesColour).render(outcome.files))
        case .json: Console.print(JSONReporter.render(outcome.files, language: language))
        case .markdown: Console.print(MarkdownReporter(language: language).render(outcome.files))
        }
        if failOn.isReached(by: outcome.summary.worst) {
            throw ExitCode(1)
        }
    }
}

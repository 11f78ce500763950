import ArgumentParser
import AtelierReport
import AtelierUseCases

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.demoAbstract),
        discussion: CLI.discussion(.demoDiscussion, examples: ["atelier demo --output Exports"])
    )

    @Option(help: ArgumentHelp(CLI.say(.demoOutputHelp)), completion: .directory)
    var output: String = "Exports"

    @Option(help: ArgumentHelp(CLI.say(.demoExamplesHelp)), completion: .directory)
    var examples: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let toolkit = try common.toolkit()
        let outcome = try DemoUseCase.run(DemoRequest(examples: examples ?? toolkit.library.examplesFolder.path, output: output, language: language),
                                          toolkit: toolkit)
        Console.print(TextReporter(language: language, colour: Console.usesColour).render(outcome.check.files))
        for notice in outcome.notices { Console.error(notice[language]) }
        Console.print("\n" + UseCaseMessage.text(.demoDone, ["path": output, "count": "\(outcome.written.count)"])[language] + "\n"
            + outcome.written.map { "  \($0)\n" }.joined())
        if outcome.check.summary.errors > 0 {
            throw ExitCode(1)
        }
    }
}

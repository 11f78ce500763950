import ArgumentParser
import AtelierReport
import AtelierUseCases

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.mergeAbstract),
        discussion: CLI.discussion(.mergeDiscussion, examples: [
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/sites/voix-du-quartier/mediatheque.csv --aggregate mediatheque.json",
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/sites/voix-du-quartier/centre-social.csv --aggregate centre-social.json",
            "atelier merge mediatheque.json centre-social.json --json reseau.json --xlsx reseau.xlsx --html reseau.html",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.mergeAggregatesHelp)), completion: .file(extensions: ["json"]))
    var aggregates: [String]

    @Option(help: ArgumentHelp(CLI.say(.mergeMockupHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockup: String?

    @OptionGroup var outputs: ImpactOutputs

    @OptionGroup var common: CommonOptions

    func run() throws {
        try OutputFile.preflight([outputs.json, outputs.xlsx, outputs.html], inputs: aggregates + (mockup.map { [$0] } ?? []))
        let request = MergeRequest(aggregates: try aggregates.map { try SourceDocument.read($0) },
                                   referee: try mockup.map(SourceDocument.read), language: common.language)
        try outputs.write(try MergeUseCase.run(request, toolkit: try common.toolkit()), inputs: aggregates)
    }
}

import ArgumentParser
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import Foundation

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
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let files = try aggregates.map { path in
            (path, try AggregateFile.decode(Data(try InputFiles.read(try InputFiles.expand([path]).first!)), file: path))
        }
        let referee = try mockup.map { path -> (String, Mockup) in
            guard let model = decoder.decode(try InputFiles.read(path)).mockup else { throw UserError(Words.impactNoPlan, ["file": path]) }
            return (path, model)
        }
        let result = try AggregateMerge.merge(files, decoder: decoder, scales: scales, referee: referee)
        try outputs.write(language: common.language, inputs: aggregates, IndicatorEngine(plan: result.plan), result.merged,
                          sources: aggregates.map { ($0, Localized(fr: "agrégats", en: "aggregates")) }, sites: result.sites)
    }
}

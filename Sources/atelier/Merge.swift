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

    @OptionGroup var outputs: ImpactOutputs

    @OptionGroup var common: CommonOptions

    func run() throws {
        try OutputFile.preflight([outputs.json, outputs.xlsx, outputs.html], inputs: aggregates)
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        var merged: SurveyAggregate?
        var firstPlan: (file: String, plan: SurveyPlan)?
        var read: [(path: String, file: AggregateFile)] = []
        for path in aggregates {
            let bytes = try InputFiles.read(try InputFiles.expand([path]).first!)
            let file = try AggregateFile.decode(Data(bytes), file: path)
            if let twin = read.first(where: { $0.file.isSame(as: file) }) {
                throw UserError(.mergeSameAggregate, ["first": twin.path, "second": path])
            }
            read.append((path, file))
            guard let mockup = decoder.decode(Array(file.mockup.utf8)).mockup else { throw UserError(.mergeNotAnAggregate, ["file": path]) }
            let plan = SurveyPlan(mockup: mockup, builtinScales: scales)
            if let first = firstPlan {
                if let difference = AggregateFile.difference(first.plan, plan) ?? (file.aggregate.plan != merged?.plan ? "fingerprint" : nil) {
                    throw UserError(.mergeDifferentPlans, ["file": path, "first": first.file, "difference": difference])
                }
                merged = merged.map { $0 + file.aggregate }
            } else {
                firstPlan = (path, plan)
                merged = file.aggregate
            }
        }
        guard let merged, let plan = firstPlan?.plan else { return }
        try outputs.write(language: common.language, inputs: aggregates, IndicatorEngine(plan: plan), merged, sources: aggregates.map { ($0, Localized(fr: "agrégats", en: "aggregates")) })
    }
}

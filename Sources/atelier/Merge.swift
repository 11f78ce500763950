import ArgumentParser
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the aggregates of several sites / Additionner les agrégats de plusieurs sites.",
        discussion: """
        Each site runs `atelier impact … --aggregate site.json` and shares only that file (sums, no raw answer).
        The merged indicators are those one would get from all the answers read together.
        Example:
          atelier merge lille.json roubaix.json --json reseau.json --xlsx reseau.xlsx --html reseau.html
        """
    )

    @Argument(help: "Aggregate files written by atelier impact --aggregate.")
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
        for path in aggregates {
            let bytes = try InputFiles.read(try InputFiles.expand([path]).first!)
            let file = try AggregateFile.decode(Data(bytes), file: path)
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

import AtelierCore
import AtelierMockup

/// Constructive alignment (Biggs 1996): every objective is measured by at least one indicator.
struct ObjectiveAssessed: BuiltinFunction {
    static let name = "objective-assessed"
    static let summary = Localized(fr: "Chaque objectif est mesuré par au moins un indicateur.",
                                   en: "Every objective is measured by at least one indicator.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let measured = Set(context.mockup.evaluation?.indicators.flatMap(\.objectives) ?? [])
        return .each(of: context.mockup.objectives, failing: { !measured.contains($0.id) }) {
            Outcome.Violation(path: $0.record.path.appending("id"), arguments: ["id": $0.id, "label": $0.text])
        }
    }
}

import AtelierCore
import AtelierMockup

/// Constructive alignment (Biggs 1996): every objective is worked on by at least one activity.
struct ObjectiveTaught: BuiltinFunction {
    static let name = "objective-taught"
    static let summary = Localized(fr: "Chaque objectif est travaillé par au moins une activité.",
                                   en: "Every objective is worked on by at least one activity.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        return .each(of: mockup.objectives, failing: { mockup.activities(using: $0.id, in: \.objectives).isEmpty }) {
            Outcome.Violation(path: $0.record.path.appending("id"), arguments: ["id": $0.id, "label": $0.text])
        }
    }
}

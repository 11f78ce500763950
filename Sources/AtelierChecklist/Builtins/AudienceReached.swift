import AtelierCore
import AtelierMockup

/// A declared audience is addressed by at least one activity.
struct AudienceReached: BuiltinFunction {
    static let name = "audience-reached"
    static let summary = Localized(fr: "Chaque public déclaré est concerné par au moins une activité.",
                                   en: "Every declared audience is addressed by at least one activity.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        return .each(of: mockup.audiences, failing: { mockup.activities(using: $0.id, in: \.audiences).isEmpty }) {
            Outcome.Violation(path: $0.record.path.appending("id"), arguments: ["id": $0.id, "label": $0.label])
        }
    }
}

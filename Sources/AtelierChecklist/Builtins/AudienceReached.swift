import AtelierCore
import AtelierMockup

/// A declared audience is addressed by at least one activity.
struct AudienceReached: BuiltinFunction {
    static let name = "audience-reached"
    static let summary = Localized(fr: "Chaque public déclaré est concerné par au moins une activité.",
                                   en: "Every declared audience is addressed by at least one activity.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        guard !mockup.audiences.isEmpty else { return .notApplicable }
        let violations = mockup.audiences.filter { mockup.activities(using: $0.id, in: \.audiences).isEmpty }.map {
            Outcome.Violation(path: $0.record.path.appending("id"), arguments: ["id": $0.id, "label": $0.label])
        }
        return Outcome(applicable: true, violations: violations)
    }
}

import AtelierCore
import AtelierMockup

/// A declared tool is used by at least one activity.
struct ToolUsed: BuiltinFunction {
    static let name = "tool-used"
    static let summary = Localized(fr: "Chaque outil déclaré est utilisé par au moins une activité.",
                                   en: "Every declared tool is used by at least one activity.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        return .each(of: mockup.tools, failing: { mockup.activities(using: $0.id, in: \.tools).isEmpty }) {
            Outcome.Violation(path: $0.record.path.appending("id"), arguments: ["id": $0.id, "label": $0.name ?? $0.id])
        }
    }
}

import AtelierCore
import AtelierMockup

/// SMART: an objective has a date, its own (`by`) or that of an activity that serves it.
struct ObjectiveTimeBound: BuiltinFunction {
    static let name = "objective-time-bound"
    static let summary = Localized(fr: "Chaque objectif a une échéance (by) ou une activité datée qui le sert.",
                                   en: "Every objective has a deadline (by) or a dated activity that serves it.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        return .each(of: mockup.objectives, failing: { $0.by == nil && mockup.activities(using: $0.id, in: \.objectives).isEmpty }) {
            Outcome.Violation(path: $0.record.path.appending("by"), arguments: ["id": $0.id, "label": $0.text])
        }
    }
}

import AtelierCore
import AtelierMockup

/// Every activity takes place within the project's `dates`.
struct ScheduleInsideSpan: BuiltinFunction {
    static let name = "schedule-inside-span"
    static let summary = Localized(fr: "Chaque activité a lieu entre le début et la fin du projet.",
                                   en: "Every activity takes place between the project's start and end.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let span = context.mockup.span, !context.mockup.activities.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for activity in context.mockup.activities {
            let arguments = ["id": activity.id, "label": activity.title, "start": span.start.description, "end": span.end.description]
            if activity.start.date < span.start {
                violations.append(Outcome.Violation(path: activity.record.path.appending("start"), arguments: arguments.merging(["value": activity.start.description]) { $1 }))
            } else if let last = [activity.start, activity.end].compactMap({ $0 }).max(), last.date > span.end {
                let key = activity.end == nil ? "start" : "end"
                violations.append(Outcome.Violation(path: activity.record.path.appending(key), arguments: arguments.merging(["value": last.description]) { $1 }))
            }
        }
        return Outcome(applicable: true, violations: violations)
    }
}

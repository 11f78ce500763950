import AtelierCore
import AtelierMockup

/// Project practice: the public meets the project (`run`) after it has been tested
/// (`test` or `prototype`), and the evaluation comes after the last `run`.
struct ScheduleOrder: BuiltinFunction {
    static let name = "schedule-order"
    static let summary = Localized(fr: "Les phases se suivent : test ou prototype avant la mise en œuvre, évaluation après la dernière mise en œuvre.",
                                   en: "Phases follow each other: test or prototype before running, evaluation after the last run.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let activities = context.mockup.activities
        let runs = activities.filter { $0.phase == .run }
        guard !runs.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        let trials = activities.filter { $0.phase == .test || $0.phase == .prototype }
        if let firstTrial = trials.map(\.start).min(), let early = runs.min(by: { $0.start < $1.start }), early.start < firstTrial {
            violations.append(Outcome.Violation(path: early.record.path.appending("start"), arguments: [
                "id": early.id, "label": early.title, "kind": "run",
            ]))
        }
        let lastRunStart = runs.map(\.start).max()!
        for evaluation in activities where evaluation.phase == .evaluation && evaluation.start < lastRunStart {
            violations.append(Outcome.Violation(path: evaluation.record.path.appending("start"), arguments: [
                "id": evaluation.id, "label": evaluation.title, "kind": "evaluation",
            ]))
        }
        return Outcome(applicable: true, violations: violations)
    }
}

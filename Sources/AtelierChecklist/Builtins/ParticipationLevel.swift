import AtelierCore
import AtelierMockup

/// Nina Simon (2010): at least one activity of a phase (default `run`) reaches a level of
/// participation (default `contribute`).
struct ParticipationLevel: BuiltinFunction {
    static let name = "participation-level"
    static let summary = Localized(fr: "Au moins une activité de la phase (run) atteint le niveau de participation demandé (contribute).",
                                   en: "At least one activity of the phase (run) reaches the required participation level (contribute).")
    static let options: [String: OptionKind] = [
        "phase": .text(Phase.values),
        "minimum": .text(Participation.levels),
    ]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let phase = options.text("phase") ?? "run"
        let minimum = Participation.rank(options.text("minimum") ?? "contribute") ?? 0
        let activities = context.mockup.activities.filter { $0.phase.rawValue == phase }
        guard !context.mockup.activities.isEmpty else { return .notApplicable }
        if activities.contains(where: { (Participation.rank($0.participation) ?? -1) >= minimum }) {
            return Outcome(applicable: true)
        }
        let path = activities.first.map { $0.record.path.appending("participation") } ?? FieldPath([.key("activities")])
        return Outcome(applicable: true, violations: [Outcome.Violation(path: path, arguments: [
            "phase": phase, "minimum": Participation.levels[minimum],
        ])])
    }
}

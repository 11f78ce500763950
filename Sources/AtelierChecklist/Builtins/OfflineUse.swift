import AtelierCore
import AtelierMockup

/// RGESN 2.3: a tool that needs a network works offline or with a weak connection.
struct OfflineUse: BuiltinFunction {
    static let name = "offline-use"
    static let summary = Localized(fr: "Un outil qui dépend du réseau fonctionne hors ligne ou avec une connexion faible.",
                                   en: "A network-dependent tool works offline or on a weak connection.")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let networked = context.mockup.tools.filter { ["wifi", "mobile"].contains($0.record.record("access")?.text("network") ?? "") }
        guard !networked.isEmpty else { return .notApplicable }
        guard context.mockup.record.record("sustainability")?.bool("low-bandwidth") != true else { return Outcome(applicable: true) }
        return .each(of: networked, failing: { $0.record.record("access")?.bool("offline") != true }) {
            Outcome.Violation(path: $0.record.path.appending("access").appending("offline"), arguments: ["id": $0.id, "label": $0.name ?? $0.id])
        }
    }
}

import AtelierCore
import AtelierMockup

/// Insee 2021: 15.4 % of people aged 15+ are in digital exclusion, 62 % of those aged 75+.
/// A non-digital path is required (the rule's severity) when an audience has
/// `low-digital-literacy` or is `age` (default 70) or older, and advised (`otherwise`,
/// default warning) in every other case.
struct NonDigitalPath: BuiltinFunction {
    static let name = "non-digital-path"
    static let summary = Localized(fr: "Un parcours sans numérique est décrit ; obligatoire pour les publics peu à l'aise avec le numérique ou âgés.",
                                   en: "A non-digital path is described; required for audiences with low digital literacy or elderly ones.")
    static let options: [String: OptionKind] = ["age": .number, "otherwise": .text(Severity.allCases.map(\.rawValue))]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        let alternative = mockup.record.record("accessibility")?.text("non-digital-alternative")
        guard alternative?.allSatisfy(\.isWhitespace) ?? true else { return Outcome(applicable: true) }
        let age = Int(options.number("age") ?? 70)
        let atRisk = mockup.audiences.first { $0.needs.contains("low-digital-literacy") || ($0.minimumAge ?? 0) >= age }
        let severity = atRisk == nil ? Severity(rawValue: options.text("otherwise") ?? "warning") : nil
        let path = FieldPath([.key("accessibility"), .key("non-digital-alternative")])
        return Outcome(applicable: true, violations: [Outcome.Violation(path: path, arguments: [
            "audience": atRisk?.label ?? "", "id": atRisk?.id ?? "",
        ], severity: severity)])
    }
}

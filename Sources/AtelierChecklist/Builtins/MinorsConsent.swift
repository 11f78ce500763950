import AtelierCore
import AtelierMockup

/// GDPR art. 8 as each country applies it (`LegalFrame`: 15 in France, 13 in Belgium, 16 in
/// Luxembourg, 14 in Québec): with consent as the legal basis, the personal data of a minor under
/// that age needs a parent's consent as well — when an audience is known to be younger, or
/// minors are declared without any audience giving their age. `age` overrides the country's age.
struct MinorsConsent: BuiltinFunction {
    static let name = "minors-consent"
    static let summary = Localized(fr: "Données de mineurs de moins de 15 ans avec consentement : le consentement parental est recueilli.",
                                   en: "Data of minors under 15 on consent: parental consent is collected.")
    static let options: [String: OptionKind] = ["age": .number]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let data = context.mockup.record.record("data"), data.bool("personal") == true,
              data.text("legal-basis") == "consent" else { return .notApplicable }
        let frame = LegalFrame.of(country: context.mockup.institution?.record.text("country"))
        guard let age = options.number("age").map(Int.init) ?? frame.consentAge else { return .notApplicable }
        let young = context.mockup.audiences.first { ($0.minimumAge ?? Int.max) < age }
        // Declared minors whose ages are all known to be at or above the consent age (pupils of
        // 16–17 in France) consent themselves; minors of unknown age may be younger.
        let minorsOfKnownAge = context.mockup.audiences.contains { ($0.minimumAge ?? 18) < 18 }
        guard young != nil || (data.bool("minors") == true && !minorsOfKnownAge) else { return .notApplicable }
        guard data.bool("parental-consent") != true else { return Outcome(applicable: true) }
        return Outcome(applicable: true, violations: [Outcome.Violation(
            path: FieldPath([.key("data"), .key("parental-consent")]),
            arguments: ["age": "\(age)", "id": young?.id ?? "", "label": young?.label ?? ""])])
    }
}

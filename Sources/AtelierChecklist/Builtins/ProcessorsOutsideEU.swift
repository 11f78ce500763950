import AtelierCore
import AtelierMockup

/// GDPR chapter V: personal data sent outside the EU/EEA needs safeguards; a processor or an
/// AI provider whose country is undeclared cannot be judged.
struct ProcessorsOutsideEU: BuiltinFunction {
    static let name = "processors-outside-eu"
    static let summary = Localized(fr: "Les sous-traitants et fournisseurs d'IA sont dans l'UE/EEE, ou leur pays est déclaré.",
                                   en: "Processors and AI providers are in the EU/EEA, or their country is declared.")

    /// EU member states and the other EEA countries (Iceland, Liechtenstein, Norway).
    static let europeanEconomicArea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        var services: [(path: FieldPath, name: String, country: String?)] = []
        for processor in context.mockup.record.record("data")?.records("processors") ?? [] {
            services.append((processor.path.appending("country"), processor.text("name") ?? "", processor.text("country")))
        }
        for tool in context.mockup.tools {
            guard let ai = tool.record.record("ai"), ai.text("provider") != nil || ai.text("provider-country") != nil else { continue }
            services.append((ai.path.appending("provider-country"), ai.text("provider") ?? tool.id, ai.text("provider-country")))
        }
        guard !services.isEmpty else { return .notApplicable }
        let violations = services.filter { $0.country.map { !europeanEconomicArea.contains($0) } ?? true }.map {
            Outcome.Violation(path: $0.path, arguments: ["label": $0.name, "value": $0.country ?? "?"])
        }
        return Outcome(applicable: true, violations: violations)
    }
}

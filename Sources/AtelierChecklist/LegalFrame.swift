import AtelierCore

/// The law a mockup's rules cite, chosen by `institution.country` (FR when none is given):
/// the digital age of consent and the law that sets it. Facts from the law-by-country table
/// (README, « Law by country »), each with its source.
public struct LegalFrame: Sendable, Equatable {
    public let country: String
    /// Below this age, consent to an online service needs a holder of parental authority; nil
    /// where the law sets no fixed age (Switzerland: a minor capable of discernment consents alone).
    public let consentAge: Int?
    /// The law that sets it, as messages cite it.
    public let consentLaw: Localized

    public static func of(country: String?) -> LegalFrame {
        switch country?.uppercased() {
        case "BE":
            LegalFrame(country: "BE", consentAge: 13, consentLaw: Localized(
                fr: "en Belgique, un mineur de moins de 13 ans consent avec un parent (RGPD art. 8 ; loi du 30 juillet 2018, art. 7)",
                en: "in Belgium, a minor under 13 consents together with a parent (GDPR art. 8; act of 30 July 2018, art. 7)"))
        case "LU":
            LegalFrame(country: "LU", consentAge: 16, consentLaw: Localized(
                fr: "au Luxembourg, un mineur de moins de 16 ans consent avec un parent (RGPD art. 8, âge par défaut)",
                en: "in Luxembourg, a minor under 16 consents together with a parent (GDPR art. 8, the default age)"))
        case "CH":
            LegalFrame(country: "CH", consentAge: nil, consentLaw: Localized(
                fr: "en Suisse (nLPD), un mineur capable de discernement consent seul, au cas par cas",
                en: "in Switzerland (nFADP), a minor capable of discernment consents alone, case by case"))
        case "CA":
            LegalFrame(country: "CA", consentAge: 14, consentLaw: Localized(
                fr: "au Québec, un mineur de moins de 14 ans consent par le titulaire de l'autorité parentale (Loi 25, Code civil du Québec)",
                en: "in Québec, a minor under 14 consents through the holder of parental authority (Law 25, Civil Code of Québec)"))
        default:
            LegalFrame(country: "FR", consentAge: 15, consentLaw: Localized(
                fr: "en France, un mineur de moins de 15 ans consent avec un parent (RGPD art. 8 ; loi Informatique et Libertés, art. 45)",
                en: "in France, a minor under 15 consents together with a parent (GDPR art. 8; French data protection act, art. 45)"))
        }
    }
}

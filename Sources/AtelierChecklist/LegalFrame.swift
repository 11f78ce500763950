import AtelierCore

/// The law a mockup's rules cite, chosen by `institution.country` (FR when none is given):
/// the digital age of consent and the law that sets it, the accessibility standard public
/// bodies follow, and the figure on digital exclusion. Facts from the law-by-country table
/// (README, « Law by country »), each with its source. Every rule's texts may cite them as
/// {lawfr}/{lawen}, {accessfr}/{accessen}, {imagefr}/{imageen} and {exclusionfr}/{exclusionen}.
public struct LegalFrame: Sendable, Equatable {
    public let country: String
    /// Below this age, consent to an online service needs a holder of parental authority; nil
    /// where the law sets no fixed age (Switzerland: a minor capable of discernment consents alone).
    public let consentAge: Int?
    /// The law that sets it, as messages cite it.
    public let consentLaw: Localized
    /// The accessibility standard and law for public bodies' sites and applications.
    public var accessibility: Localized = LegalFrame.europeanAccessibility
    /// The law on the right to one's image and voice.
    public var imageRights: Localized = LegalFrame.europeanImageRights
    /// How many people the country's statistics find ill at ease with digital tools.
    public var exclusion: Localized = LegalFrame.europeanExclusion

    static let europeanAccessibility = Localized(fr: "norme EN 301 549 (directive UE 2016/2102)", en: "EN 301 549 standard (EU directive 2016/2102)")
    static let europeanImageRights = Localized(fr: "Convention européenne des droits de l'homme, art. 8", en: "European Convention on Human Rights, art. 8")
    static let europeanExclusion = Localized(
        fr: "Dans l'Union européenne, 44 % des 16-74 ans n'ont pas les compétences numériques de base (Eurostat 2023)",
        en: "In the European Union, 44% of people aged 16-74 lack basic digital skills (Eurostat 2023)")

    /// The arguments every rule's texts may use.
    public var arguments: [String: String] {
        ["lawfr": consentLaw.fr, "lawen": consentLaw.en, "accessfr": accessibility.fr, "accessen": accessibility.en,
         "exclusionfr": exclusion.fr, "exclusionen": exclusion.en, "imagefr": imageRights.fr, "imageen": imageRights.en]
    }

    public static func of(country: String?) -> LegalFrame {
        switch country?.uppercased() {
        case "BE":
            LegalFrame(country: "BE", consentAge: 13, consentLaw: Localized(
                fr: "en Belgique, un mineur de moins de 13 ans consent avec un parent (RGPD art. 8 ; loi du 30 juillet 2018, art. 7)",
                en: "in Belgium, a minor under 13 consents together with a parent (GDPR art. 8; act of 30 July 2018, art. 7)"),
                accessibility: Localized(fr: "norme EN 301 549 (loi du 19 juillet 2018 sur l'accessibilité des sites des organismes publics)",
                                         en: "EN 301 549 standard (act of 19 July 2018 on public bodies' websites)"),
                imageRights: Localized(fr: "Code de droit économique, art. XI.174", en: "Code of Economic Law, art. XI.174"))
        case "LU":
            LegalFrame(country: "LU", consentAge: 16, consentLaw: Localized(
                fr: "au Luxembourg, un mineur de moins de 16 ans consent avec un parent (RGPD art. 8, âge par défaut)",
                en: "in Luxembourg, a minor under 16 consents together with a parent (GDPR art. 8, the default age)"),
                accessibility: Localized(fr: "norme EN 301 549 (loi du 28 mai 2019 sur l'accessibilité des sites des organismes publics)",
                                         en: "EN 301 549 standard (act of 28 May 2019 on public bodies' websites)"),
                imageRights: Localized(fr: "loi du 11 août 1982 concernant la protection de la vie privée", en: "act of 11 August 1982 on the protection of privacy"))
        case "CH":
            LegalFrame(country: "CH", consentAge: nil, consentLaw: Localized(
                fr: "en Suisse (nLPD), un mineur capable de discernement consent seul, au cas par cas",
                en: "in Switzerland (nFADP), a minor capable of discernment consents alone, case by case"),
                accessibility: Localized(fr: "norme eCH-0059 (WCAG), loi sur l'égalité pour les handicapés (LHand)", en: "eCH-0059 standard (WCAG), Disability Discrimination Act (DDA)"),
                imageRights: Localized(fr: "Code civil suisse, art. 28", en: "Swiss Civil Code, art. 28"),
                exclusion: Localized(fr: "Une partie du public n'utilise pas ou peu le numérique", en: "Part of the public uses digital tools little or not at all"))
        case "CA":
            LegalFrame(country: "CA", consentAge: 14, consentLaw: Localized(
                fr: "au Québec, un mineur de moins de 14 ans consent par le titulaire de l'autorité parentale (Loi 25, Code civil du Québec)",
                en: "in Québec, a minor under 14 consents through the holder of parental authority (Law 25, Civil Code of Québec)"),
                accessibility: Localized(fr: "standard SGQRI 008 (WCAG) du gouvernement du Québec", en: "SGQRI 008 standard (WCAG) of the Québec government"),
                imageRights: Localized(fr: "Code civil du Québec, art. 35 et 36", en: "Civil Code of Québec, arts. 35 and 36"),
                exclusion: Localized(fr: "Une partie du public n'utilise pas ou peu le numérique", en: "Part of the public uses digital tools little or not at all"))
        default:
            LegalFrame(country: "FR", consentAge: 15, consentLaw: Localized(
                fr: "en France, un mineur de moins de 15 ans consent avec un parent (RGPD art. 8 ; loi Informatique et Libertés, art. 45)",
                en: "in France, a minor under 15 consents together with a parent (GDPR art. 8; French data protection act, art. 45)"),
                accessibility: Localized(fr: "RGAA 4.1 (loi du 11 février 2005, art. 47)", en: "RGAA 4.1 (act of 11 February 2005, art. 47)"),
                imageRights: Localized(fr: "Code civil, art. 9", en: "French Civil Code, art. 9"),
                exclusion: Localized(fr: "15,4 % des personnes de 15 ans ou plus sont en illectronisme en France, 62 % des 75 ans ou plus (Insee 2021)",
                                     en: "15.4% of people aged 15+ in France are digitally excluded, 62% of those aged 75+ (Insee 2021)"))
        }
    }
}

import AtelierCore

/// Country names as people write them, in French and English, to answer `country: France`
/// with the two-letter code the format reads (ISO 3166-1 alpha-2).
enum CountryNames {
    static func code(of name: String) -> String? {
        codes[TextMatching.normalized(name)]
    }

    private static let codes: [String: String] = {
        let names: [String: [String]] = [
            "FR": ["france"], "BE": ["belgique", "belgium"], "CH": ["suisse", "switzerland"], "LU": ["luxembourg"],
            "CA": ["canada", "quebec"], "DE": ["allemagne", "germany"], "ES": ["espagne", "spain"], "IT": ["italie", "italy"],
            "GB": ["royaume-uni", "royaume uni", "united kingdom", "angleterre", "england"], "IE": ["irlande", "ireland"],
            "NL": ["pays-bas", "pays bas", "netherlands"], "PT": ["portugal"], "SE": ["suede", "sweden"], "MC": ["monaco"],
            "US": ["etats-unis", "etats unis", "usa", "united states"], "MA": ["maroc", "morocco"], "SN": ["senegal"],
            "TN": ["tunisie", "tunisia"], "DZ": ["algerie", "algeria"], "CI": ["cote d'ivoire", "ivory coast"],
        ]
        return Dictionary(uniqueKeysWithValues: names.flatMap { code, spellings in spellings.map { ($0, code) } })
    }()
}

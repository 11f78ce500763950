import AtelierCore

/// Two objectives the public could be seen reaching, drawn from the words of an objective that
/// states the team's intention (« Sensibiliser le public à la biodiversité » → « Citer trois
/// éléments de la biodiversité », « Expliquer à un proche la biodiversité »). When the intention
/// wraps an observable action (« Permettre aux enfants de nommer trois arbres »), that action is
/// the first example; a disposition (« Développer la confiance en soi ») is shown by what
/// people then dare to do.
enum IntentionRewrite {
    /// Verbs whose topic follows « à » (sensibiliser quelqu'un à quelque chose); for the others
    /// (faire découvrir quelque chose à quelqu'un) the topic comes first.
    private static let topicAfter: Set<String> = [
        "sensibiliser", "initier", "eveiller", "ouvrir", "encourager", "inciter", "amener", "raise awareness", "make aware",
    ]

    static func examples(_ analysis: BloomAnalyzer.Analysis, language: Language) -> (String, String) {
        let verb = analysis.verb ?? ""
        if verb.hasPrefix("developper") || verb.hasPrefix("develop") || verb.hasPrefix("build") || verb.hasPrefix("renforcer") {
            // A disposition (confidence, curiosity…) shows in what people then dare to do.
            return language == .fr ? ("Présenter sa production au groupe en deux minutes", "Justifier un choix devant le groupe")
                : ("Present their work to the group in two minutes", "Justify a choice in front of the group")
        }
        let rest = analysis.rest.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if let inner = wrappedAction(in: rest, language: language) {
            return (capitalized(inner), language == .fr ? "Montrer à un proche comment \(lowercasedFirst(inner))" : "Show a friend how to \(lowercasedFirst(inner))")
        }
        let topic = self.topic(rest, verb: verb, language: language)
        switch language {
        case .fr: return ("Citer trois éléments \(of(topic))", "Expliquer à un proche \(topic)")
        case .en: return ("Name three features of \(topic)", "Explain \(topic) to a friend")
        }
    }

    /// « aux enfants de nommer trois arbres » → « nommer trois arbres », when that verb is observable.
    private static func wrappedAction(in rest: String, language: Language) -> String? {
        let markers = language == .fr ? [" de ", " d'", " d’", " à "] : [" to "]
        for marker in markers {
            guard let range = (" " + rest).range(of: marker) else { continue }
            let inner = String((" " + rest)[range.upperBound...])
            let analysis = BloomAnalyzer.analyze(inner, language: language)
            if !analysis.levels.isEmpty, !analysis.isState, !analysis.isIntention { return inner }
        }
        return nil
    }

    private static func topic(_ rest: String, verb: String, language: Language) -> String {
        let markers = language == .fr ? [" aux ", " au ", " à "] : [" to ", " of ", " about "]
        let padded = " " + rest + " "
        guard let range = markers.lazy.compactMap({ padded.range(of: $0) }).first else {
            return rest.isEmpty ? (language == .fr ? "ce que montre le projet" : "what the project shows") : rest
        }
        let before = padded[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        var after = padded[range.upperBound...].trimmingCharacters(in: .whitespaces)
        if language == .fr, before.isEmpty, !topicAfter.contains(verb), let topic = topicAfterRecipient(after) {
            // « Faire découvrir aux familles le patrimoine » : the recipient comes first, the topic after it.
            return topic
        }
        if language == .fr, padded[range] == " aux " { after = "les " + after }
        if language == .fr, padded[range] == " au " { after = "le " + after }
        let wantsAfter = topicAfter.contains(verb) || (language == .en && [" of ", " about "].contains(String(padded[range])))
        let chosen = wantsAfter || before.isEmpty ? after : before
        return chosen.isEmpty ? rest : chosen
    }

    /// « familles le patrimoine du bassin » → « le patrimoine du bassin »: the noun phrase that
    /// starts with a determiner after the recipient's first word.
    private static func topicAfterRecipient(_ words: String) -> String? {
        let determiners: Set<String> = ["le", "la", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "leur", "leurs", "son", "sa", "ses", "notre", "nos"]
        let split = words.split(separator: " ")
        guard let start = split.indices.dropFirst().first(where: { index in
            let word = split[index].lowercased()
            return determiners.contains(word) || word.hasPrefix("l'") || word.hasPrefix("l’")
        }) else { return nil }
        return split[start...].joined(separator: " ")
    }

    /// « de » before a French noun phrase, contracted as French does.
    private static func of(_ topic: String) -> String {
        if topic.hasPrefix("le ") { return "du " + topic.dropFirst(3) }
        if topic.hasPrefix("les ") { return "des " + topic.dropFirst(4) }
        if let first = topic.first, "aeiouhéèêàâîôûœAEIOUHÉ".contains(first) { return "d'" + topic }
        return "de " + topic
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    private static func lowercasedFirst(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
}

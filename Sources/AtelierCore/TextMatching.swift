import Foundation

/// Text comparison as users mean it: case, accents, typographic quotes and surrounding
/// spaces do not make two words different.
public enum TextMatching {
    /// Folds case and diacritics, turns typographic apostrophes and quotes into ASCII ones,
    /// folds runs of white space and trims them.
    /// The normalised text with every character that is not a letter, a digit or one of
    /// `keeping` turned into a space, and a space at each end: « l'IA (générative) » →
    /// " l ia  generative  ", so that `holds(" ia ", in:)` finds whole words.
    public static func spacedWords(_ text: String, keeping: String = "") -> String {
        " " + String(normalized(text).map { $0.isLetter || $0.isNumber || keeping.contains($0) ? $0 : " " }) + " "
    }

    /// Whether `text` holds `phrase`, both normalised (`normalized`, `spacedWords`): their bytes
    /// searched as they are (the empty phrase is nowhere, as with Foundation). Foundation's
    /// `contains`, which compares them as it would any text, took a fifth of `check`'s time on
    /// a thousand mockups.
    public static func holds(_ phrase: String, in text: String) -> Bool {
        var (text, phrase) = (text, phrase)
        return text.withUTF8 { text in
            phrase.withUTF8 { phrase in
                guard !phrase.isEmpty, text.count >= phrase.count, let base = text.baseAddress, let wanted = phrase.baseAddress else { return false }
                for start in 0...(text.count - phrase.count) where base[start] == wanted[0] {
                    if memcmp(base + start, wanted, phrase.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// The first of `phrases` (normalised) that one of `padded` — the texts as `spacedWords`
    /// gives them — contains, quoted as `texts` write it (« Midjourney », « photos de groupe »);
    /// the phrase itself when the texts spell it apart.
    public static func quote(firstOf phrases: [String], in texts: [String], padded: [String]) -> String? {
        guard let phrase = phrases.first(where: { phrase in padded.contains { holds(phrase, in: $0) } }) else { return nil }
        let bare = phrase.trimmingCharacters(in: .whitespaces)
        return texts.lazy.compactMap { text in text.range(of: bare, options: [.caseInsensitive, .diacriticInsensitive]).map { String(text[$0]) } }.first ?? bare
    }

    /// The first of `phrases` (normalised) that `texts` hold as whole words, quoted as written.
    public static func quote(firstOf phrases: [String], wholeWordsIn texts: [String]) -> String? {
        quote(firstOf: phrases.map { " \($0) " }, in: texts, padded: texts.map { spacedWords($0) })
    }

    public static func normalized(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isWhitespace = scalar.isASCII ? (scalar == " " || ("\t"..."\r").contains(scalar)) : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if !scalar.isASCII, scalar.properties.generalCategory == .nonspacingMark { continue }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "A"..."Z": result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            case "\u{00}"..."\u{7F}": result.unicodeScalars.append(scalar)
            case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{00B4}": result.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}": result.unicodeScalars.append("\"")
            default:
                if let folded = latinFolding[scalar] {
                    result += folded
                } else {
                    result += scalar.properties.lowercaseMapping
                }
            }
        }
        return result
    }

    /// Latin letters with diacritics (U+00C0 to U+024F) folded as Foundation folds them,
    /// computed once; œ and æ become two letters.
    private static let latinFolding: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            table[scalar] = folded.replacingOccurrences(of: "\u{0153}", with: "oe").replacingOccurrences(of: "\u{00E6}", with: "ae")
        }
        return table
    }()

    /// Words longer than this are never compared letter by letter: a suggestion is for a typo
    /// in a key, a value or a header, and comparing long texts costs the product of their lengths.
    public static let comparedLength = 160

    /// The edit distance between two strings (insertions, deletions, substitutions and
    /// transpositions of neighbours), counted in characters; past `comparedLength` characters on
    /// either side, the length difference plus one, without comparing (a lower bound that says
    /// « far »).
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.prefix(comparedLength + 1)), b = Array(rhs.prefix(comparedLength + 1))
        guard a.count <= comparedLength, b.count <= comparedLength else {
            return abs(lhs.count - rhs.count) + comparedLength
        }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// The candidates closest to `word`, best first: those within a distance that grows with
    /// the word's length, compared after normalisation.
    public static func closest(to word: String, among candidates: [String], limit: Int = 1) -> [String] {
        let target = normalized(word)
        let threshold = max(2, target.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let normal = normalized(candidate)
            let distance = editDistance(target, normal)
            if distance <= threshold || (target.count >= 4 && normal.hasPrefix(target)) {
                return (candidate, distance)
            }
            return nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }
}

import AtelierCore

/// A date or time written as people write them in French or English (« 15/05/2026 »,
/// « 30 juin 2026 », « 1er mars 2026 à 14h30 », « March 2, 2026 »), rewritten the way the
/// format reads them (« 2026-05-15 », « 2026-03-01 14:30 »), so that an error can answer with
/// the converted value rather than a generic example. Days come first in numeric dates, as in
/// France, Belgium, Switzerland and Québec's everyday writing.
public enum WrittenDate {
    public static func converted(_ text: String) -> String? {
        let words = text.lowercased()
            .replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
            .map(String.init)
            .filter { !weekdays.contains($0) && $0 != "à" && $0 != "at" && $0 != "le" }
        guard let first = words.first else { return nil }
        let time = words.count > 1 ? self.time(words.dropFirst().joined()) : nil
        if words.count > 1 && time == nil && numeric(first) != nil { return nil }
        if let date = numeric(first) {
            return time.map { "\(date) \($0)" } ?? date
        }
        return named(words)
    }

    /// « 15/05/2026 », « 15.05.2026 », « 15-05-2026 », « 5/3/2026 ».
    private static func numeric(_ word: String) -> String? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return iso(year: year, month: month, day: day)
    }

    /// « 30 juin 2026 », « 1er mars 2026 14h », « march 2 2026 ».
    private static func named(_ words: [String]) -> String? {
        guard words.count >= 3 else { return nil }
        let (dayWord, monthWord) = month(words[0]) != nil ? (words[1], words[0]) : (words[0], words[1])
        guard let month = month(monthWord), let day = Int(dayWord.replacingOccurrences(of: "er", with: "")),
              let year = Int(words[2]), words[2].count == 4, let date = iso(year: year, month: month, day: day) else { return nil }
        guard words.count > 3 else { return date }
        return time(words.dropFirst(3).joined()).map { "\(date) \($0)" }
    }

    /// « 14h », « 14h30 », « 14:30 », « 9 h 05 » (spaces already joined).
    private static func time(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "h", with: ":").split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let hour = Int(parts[0]), (0...23).contains(hour) else { return nil }
        let minute = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let minute, (0...59).contains(minute) else { return nil }
        return "\(twoDigits(hour)):\(twoDigits(minute))"
    }

    private static func iso(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func month(_ word: String) -> Int? {
        let bare = TextMatching.normalized(word).replacingOccurrences(of: ".", with: "")
        return months.firstIndex { names in names.contains(bare) }.map { $0 + 1 }
    }

    private static let months: [Set<String>] = [
        ["janvier", "janv", "january", "jan"], ["fevrier", "fevr", "fev", "february", "feb"], ["mars", "march", "mar"],
        ["avril", "avr", "april", "apr"], ["mai", "may"], ["juin", "june", "jun"], ["juillet", "juil", "july", "jul"],
        ["aout", "august", "aug"], ["septembre", "sept", "september", "sep"], ["octobre", "oct", "october"],
        ["novembre", "nov", "november"], ["decembre", "dec", "december"],
    ]

    private static let weekdays: Set<String> = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
}

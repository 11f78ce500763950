import Foundation

/// A calendar day, with no time zone: the format's `date`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm),
    /// to place dates on an axis.
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A day, optionally with a time of day: the format's `date`, `datetime` and `moment`.
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CalendarDate
    /// Minutes since midnight, when a time was given.
    public let minuteOfDay: Int?

    public init(date: CalendarDate, minuteOfDay: Int? = nil) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// Where the moment starts: a bare date starts at midnight.
    public var earliest: (CalendarDate, Int) { (date, minuteOfDay ?? 0) }
    /// Where the moment ends: a bare date lasts the whole day.
    public var latest: (CalendarDate, Int) { (date, minuteOfDay ?? 24 * 60) }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.earliest < rhs.earliest }

    public var description: String {
        guard let minute = minuteOfDay else { return date.description }
        return date.description + String(format: " %02d:%02d", minute / 60, minute % 60)
    }
}

/// Values of the format's scalar types, read from text.
public enum ScalarParser {
    /// `2026-03-02`.
    public static func date(_ text: String) -> CalendarDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `2026-03-02 14:00`, `2026-03-02T14:00`, optionally with `:ss` seconds.
    public static func dateTime(_ text: String) -> Moment? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let separator = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }),
              let date = date(String(trimmed[..<separator])) else { return nil }
        let time = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count),
              fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(fields[0]), let minute = Int(fields[1]),
              hour < 24, minute < 60, fields.count == 2 || Int(fields[2])! < 60 else { return nil }
        return Moment(date: date, minuteOfDay: hour * 60 + minute)
    }

    /// A date or a date and time.
    public static func moment(_ text: String) -> Moment? {
        if let day = date(text) { return Moment(date: day) }
        return dateTime(text)
    }

    /// `45min`, `90 min`, `2h`, `1h30`, `1.5h`, `1,5 h`, `2 jours`, `2 days`, in minutes.
    public static func durationMinutes(_ text: String) -> Double? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        if let hourMark = compact.firstIndex(of: "h"),
           case let rest = compact[compact.index(after: hourMark)...],
           let hours = number(String(compact[..<hourMark])), hours >= 0 {
            if rest.isEmpty || ["eure", "eures", "our", "ours", "r", "rs"].contains(String(rest)) {
                return hours * 60
            }
            if hours == hours.rounded(), let minutes = Int(rest.hasSuffix("min") ? rest.dropLast(3) : rest), (0..<60).contains(minutes) {
                return hours * 60 + Double(minutes)
            }
            return nil
        }
        let units: [(String, Double)] = [
            ("minutes", 1), ("minute", 1), ("mins", 1), ("min", 1), ("mn", 1),
            ("jours", 1440), ("jour", 1440), ("days", 1440), ("day", 1440), ("j", 1440), ("d", 1440),
        ]
        for (unit, factor) in units where compact.hasSuffix(unit) {
            guard let amount = number(String(compact.dropLast(unit.count))), amount >= 0 else { return nil }
            return amount * factor
        }
        return nil
    }

    /// `true/false`, `yes/no`, `oui/non`, in any case.
    public static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "oui": true
        case "false", "no", "non": false
        default: nil
        }
    }

    /// A whole number; spaces may separate thousands.
    public static func integer(_ text: String) -> Int? {
        Int(withoutGroupSeparators(text))
    }

    /// `12.5` or `12,5`; spaces may separate thousands.
    public static func number(_ text: String) -> Double? {
        let cleaned = withoutGroupSeparators(text).replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.".contains($0)) }),
              let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// `80%` (as 0.8) or a fraction from 0 to 1 like `0.8`.
    public static func percent(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            return number(String(trimmed.dropLast())).map { $0 / 100 }
        }
        guard let fraction = number(trimmed), (0...1).contains(fraction) else { return nil }
        return fraction
    }

    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    public static func isCode(_ text: String, letters: Int) -> Bool {
        text.count == letters && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }

    private static func withoutGroupSeparators(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    }
}

/// The range every value of a mockup must fall in, checked as it is read, so that no rule,
/// page or computation meets a number it cannot handle: dates from 1900 to 2200, whole numbers
/// from 0 to one billion, other numbers within a thousand billion either way, durations up to a
/// year.
public enum ScalarBounds {
    public static let years = 1900...2200
    public static let integers = 0...1_000_000_000
    public static let numbers = -1e12...1e12
    public static let durationMinutes = 0.0...(366.0 * 1440)

    /// The range `value` is outside of, written as the user writes values; nil when it is inside.
    public static func violated(by value: ScalarValue) -> (low: String, high: String)? {
        switch value {
        case .moment(let moment) where !years.contains(moment.date.year):
            ("\(years.lowerBound)-01-01", "\(years.upperBound)-12-31")
        case .integer(let number) where !integers.contains(number):
            ("\(integers.lowerBound)", "\(integers.upperBound)")
        case .number(let number) where !numbers.contains(number):
            ("-1000000000000", "1000000000000")
        case .duration(let minutes) where !durationMinutes.contains(minutes):
            ("0 min", "527040 min")
        default:
            nil
        }
    }
}

import AtelierCore
import AtelierMockup

/// An indicator's target: `>= 80%`, `≥ 0.8`, `> 4`, `<= 10%`, `>= +30`, `between 3.5 and 5`.
/// A percentage compares with a proportion; a bare number with a mean, a count or an NPS.
public struct Target: Sendable, Equatable {
    public enum Comparison: String, Sendable {
        case atLeast = ">=", above = ">", atMost = "<=", below = "<", equal = "="
    }

    public let text: String
    public let comparison: Comparison?
    public let low: Double
    public let high: Double?

    public init?(_ text: String) {
        self.text = text
        let normal = text.replacingOccurrences(of: "≥", with: ">=").replacingOccurrences(of: "≤", with: "<=")
            .trimmingCharacters(in: .whitespaces).lowercased()
        if normal.hasPrefix("between ") {
            let parts = normal.dropFirst("between ".count).components(separatedBy: " and ")
            guard parts.count == 2, let low = Self.number(parts[0]), let high = Self.number(parts[1]) else { return nil }
            comparison = nil
            self.low = min(low, high)
            self.high = max(low, high)
            return
        }
        guard let found = [Comparison.atLeast, .atMost, .above, .below, .equal].first(where: { normal.hasPrefix($0.rawValue) }),
              let value = Self.number(String(normal.dropFirst(found.rawValue.count))) else { return nil }
        comparison = found
        low = value
        high = nil
    }

    /// A number, a percentage as a fraction, with `+` or a decimal comma.
    private static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") { return ScalarParser.number(String(trimmed.dropLast()).replacingOccurrences(of: "+", with: "")).map { $0 / 100 } }
        return ScalarParser.number(trimmed.replacingOccurrences(of: "+", with: ""))
    }

    public func isMet(by value: Double) -> Bool {
        let epsilon = 1e-12
        switch comparison {
        case .atLeast?: return value >= low - epsilon
        case .above?: return value > low
        case .atMost?: return value <= low + epsilon
        case .below?: return value < low
        case .equal?: return abs(value - low) <= epsilon
        case nil: return value >= low - epsilon && value <= (high ?? low) + epsilon
        }
    }
}

/// Whether an indicator or an objective reached its target.
public enum Status: String, Sendable, Codable {
    case met
    case notMet = "not-met"
    case unknown
}

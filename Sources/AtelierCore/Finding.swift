/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a check found in a document: which rule, how serious, where, and in both
/// languages what is wrong, why it matters and what to write instead.
public struct Finding: Hashable, Sendable {
    public let rule: String
    public let severity: Severity
    public let path: FieldPath
    public let position: SourcePosition?
    public let message: Localized
    public let why: Localized?
    public let fix: Localized?
    public let reference: String?

    public init(
        rule: String,
        severity: Severity,
        path: FieldPath = .root,
        position: SourcePosition?,
        message: Localized,
        why: Localized? = nil,
        fix: Localized? = nil,
        reference: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
        self.why = why
        self.fix = fix
        self.reference = reference
    }

    /// Findings in reading order: by position, those without one last, then by rule.
    public static func readingOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        switch (lhs.position, rhs.position) {
        case let (left?, right?) where left != right: return left < right
        case (nil, .some): return false
        case (.some, nil): return true
        default: return lhs.rule < rhs.rule
        }
    }
}

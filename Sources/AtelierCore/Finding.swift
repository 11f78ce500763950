// AtelierCore: what every module shares — positions and field paths, findings and their
// severities, the two languages and localized texts, the message-catalogue machinery, JSON
// values, text matching, user errors. No I/O, no other module.

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
    /// The reason given in a `# atelier: ignore RULE — reason` comment that silenced the
    /// finding (empty when none was given); nil when the finding stands.
    public let suppression: String?

    public init(
        rule: String,
        severity: Severity,
        path: FieldPath = .root,
        position: SourcePosition?,
        message: Localized,
        why: Localized? = nil,
        fix: Localized? = nil,
        reference: String? = nil,
        suppression: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
        self.why = why
        self.fix = fix
        self.reference = reference
        self.suppression = suppression
    }

    public var isSuppressed: Bool { suppression != nil }

    /// The same finding, silenced for `reason`.
    public func suppressed(because reason: String) -> Finding {
        Finding(rule: rule, severity: severity, path: path, position: position, message: message,
                why: why, fix: fix, reference: reference, suppression: reason)
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

// AtelierReport owns what people and scripts read: the text, JSON and Markdown reports of
// checked files, and the one atomic writer every output goes through.

import AtelierCore

/// A checked document: its path as the user named it, its text (for quoting source lines)
/// and its findings in reading order.
public struct CheckedFile: Sendable {
    public let path: String
    public let findings: [Finding]
    public let source: String

    public init(path: String, source: String, findings: [Finding]) {
        self.path = path
        self.source = source
        self.findings = findings.sorted(by: Finding.readingOrder)
    }

    /// The source's lines, without their line ends or a leading byte-order mark. Split on
    /// demand: most checked files have nothing to quote.
    public var lines: [Substring] {
        var lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.first?.first == "\u{FEFF}" { lines[0] = lines[0].dropFirst() }
        return lines
    }
}

/// How many files and findings of each severity a report covers.
public struct CheckSummary: Sendable, Equatable {
    public let files: Int
    public let errors: Int
    public let warnings: Int
    public let infos: Int

    public init(_ checked: [CheckedFile]) {
        let all = checked.flatMap(\.findings)
        files = checked.count
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        infos = all.filter { $0.severity == .info }.count
    }

    public func sentence(in language: Language) -> String {
        Catalogue.text(.reportSummary, ["files": "\(files)", "errors": "\(errors)", "warnings": "\(warnings)", "infos": "\(infos)"])[language]
    }

    /// The highest severity found, if any.
    public var worst: Severity? {
        errors > 0 ? .error : warnings > 0 ? .warning : infos > 0 ? .info : nil
    }
}

extension Severity {
    public func word(in language: Language) -> String {
        switch self {
        case .error: Catalogue.text(.severityError)[language]
        case .warning: Catalogue.text(.severityWarning)[language]
        case .info: Catalogue.text(.severityInfo)[language]
        }
    }
}

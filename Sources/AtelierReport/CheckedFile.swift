// AtelierReport owns what people and scripts read: the text, JSON and Markdown reports of
// checked files, and the one atomic writer every output goes through.

import AtelierChecklist
import AtelierCore

/// A checked document: its path as the user named it, its text (for quoting source lines)
/// and its findings in reading order.
public struct CheckedFile: Sendable {
    public let path: String
    public let findings: [Finding]
    public let source: String
    public let readiness: Readiness?

    public init(path: String, source: String, findings: [Finding], readiness: Readiness? = nil) {
        self.path = path
        self.source = source
        self.findings = findings.sorted(by: Finding.readingOrder)
        self.readiness = readiness
    }

    /// The findings that stand (not silenced by a suppression comment).
    public var standing: [Finding] { findings.filter { !$0.isSuppressed } }

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
    public let suppressed: Int

    public init(_ checked: [CheckedFile]) {
        let all = checked.flatMap(\.standing)
        suppressed = checked.flatMap(\.findings).count - all.count
        files = checked.count
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        infos = all.filter { $0.severity == .info }.count
    }

    public func sentence(in language: Language) -> String {
        let counts = ["files": "\(files)", "errors": "\(errors)", "warnings": "\(warnings)", "infos": "\(infos)", "suppressed": "\(suppressed)"]
        return ReportMessage.text(suppressed == 0 ? .reportSummary : .reportSummarySuppressed, counts)[language]
    }

    /// The highest severity found, if any.
    public var worst: Severity? {
        errors > 0 ? .error : warnings > 0 ? .warning : infos > 0 ? .info : nil
    }
}

extension Severity {
    public func word(in language: Language) -> String {
        switch self {
        case .error: ReportMessage.text(.severityError)[language]
        case .warning: ReportMessage.text(.severityWarning)[language]
        case .info: ReportMessage.text(.severityInfo)[language]
        }
    }
}

extension Readiness {
    /// `Préparation : 87 % (Objectifs 75 %, Accessibilité 100 %…)`, in one language.
    public func sentence(in language: Language) -> String {
        let overall = ReportMessage.text(.reportReadiness, ["score": Self.percent(score)])[language]
        let parts = sections.map { "\($0.section.title[language]) \(Self.percent($0.score))\(language == .fr ? " %" : "%")" }
        return parts.isEmpty ? overall : "\(overall) (\(parts.joined(separator: ", ")))"
    }

    static func percent(_ share: Double) -> String {
        String(Int((share * 100).rounded()))
    }
}

import AtelierChecklist
import AtelierCore

/// Findings as the JSON contract of `check --format json` describes them.
public enum JSONReporter {
    public static func document(_ files: [CheckedFile], language: Language) -> JSONValue {
        let summary = CheckSummary(files)
        return .object([
            ("files", .array(files.map { file in
                .object([
                    ("path", .string(file.path)),
                    ("findings", .array(file.findings.map { json($0, language: language) })),
                ] + (file.readiness.map { [("readiness", json($0))] } ?? []))
            })),
            ("summary", .object([
                ("files", .integer(summary.files)), ("errors", .integer(summary.errors)),
                ("warnings", .integer(summary.warnings)), ("infos", .integer(summary.infos)),
                ("suppressed", .integer(summary.suppressed)),
            ])),
        ])
    }

    public static func render(_ files: [CheckedFile], language: Language) -> String {
        document(files, language: language).rendered() + "\n"
    }

    static func json(_ finding: Finding, language: Language) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("path", .string(finding.path.description)),
            ("line", finding.position.map { .integer($0.line) } ?? .null),
            ("column", finding.position.map { .integer($0.column) } ?? .null),
            ("message", .string(finding.message[language])),
            ("why", optional(finding.why?[language])),
            ("fix", optional(finding.fix?[language])),
            ("reference", optional(finding.reference)),
            ("suppressed", .bool(finding.isSuppressed)),
        ] + (finding.suppression.map { [("suppression", .string($0))] } ?? []))
    }

    static func json(_ readiness: Readiness) -> JSONValue {
        .object([
            ("score", .number(rounded(readiness.score))),
            ("sections", .object(readiness.sections.map { ($0.section.rawValue, .number(rounded($0.score))) })),
        ])
    }

    /// Scores to three decimals: readers compare them, nobody needs more.
    private static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}

import AtelierCore

/// Findings as a Markdown document: a table per file, then the summary. Text from the
/// documents is escaped so that it stays text in any Markdown renderer.
public struct MarkdownReporter: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ files: [CheckedFile]) -> String {
        var output = "# \(ReportMessage.text(.reportTitle)[language])\n"
        for file in files {
            output += "\n## \(Self.escape(file.path))\n\n"
            if let readiness = file.readiness {
                output += Self.escape(readiness.sentence(in: language)) + "\n\n"
            }
            guard !file.findings.isEmpty else {
                output += ReportMessage.text(.reportNoFindings)[language] + "\n"
                continue
            }
            let headers: [ReportMessage] = [.reportColumnPlace, .reportColumnSeverity, .reportColumnRule, .reportColumnMessage, .reportColumnFix]
            output += "| " + headers.map { ReportMessage.text($0)[language] }.joined(separator: " | ") + " |\n"
            output += "|" + String(repeating: "---|", count: headers.count) + "\n"
            for finding in file.findings {
                let cells = [
                    finding.position.map(\.description) ?? "",
                    finding.severity.word(in: language),
                    "`\(finding.rule)`",
                    Self.escape(finding.message[language])
                        + (finding.suppression.map { " *(" + Self.escape(ReportMessage.text(.reportSuppressed, ["reason": $0])[language]) + ")*" } ?? ""),
                    Self.escape(finding.fix?[language] ?? ""),
                ]
                output += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        output += "\n" + CheckSummary(files).sentence(in: language) + "\n"
        return output
    }

    /// Escapes prose for a Markdown document read as text as much as rendered: a backslash
    /// before the few characters Markdown would interpret (emphasis, code, links, raw HTML, table
    /// cells), `&` only where it would start an entity; line ends become spaces. By scalar, as
    /// `escape`.
    public static func prose(_ text: String) -> String {
        var output = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": output += "\\\(scalar)"
            case "&" where startsEntity(scalars[(index + 1)...]): output += "\\&"
            case "#" where index == 0: output += "\\#"
            case "\n", "\r": output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `name;` or `#digits;` after an `&`: what a renderer would read as an entity.
    private static func startsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let body = rest.prefix { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || $0 == "#" }
        return !body.isEmpty && rest.dropFirst(body.count).first == ";"
    }

    /// Escapes what Markdown or the HTML inside it would interpret, by scalar: "\r\n", or a "|"
    /// with a combining accent, is one Swift Character that would otherwise slip through.
    public static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": output += "\\|"
            case "\\": output += "\\\\"
            case "`", "*", "_", "[", "]", "#": output += "\\\(scalar)"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\n", "\r": output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

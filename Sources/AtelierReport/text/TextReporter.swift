import AtelierCore

/// Findings as a compiler prints them: `file:line:column: severity: message [rule]`, the
/// source line with a caret under the column, why it matters, the fix; then a summary. Text from
/// the files (names, values, source lines) is shown through `TerminalText`, so it can neither
/// drive the terminal nor forge a line; a long source line is shown as a window around the
/// column; a file's findings beyond `maxFindingsPerFile` are counted, not printed.
public struct TextReporter: Sendable {
    public static let maxFindingsPerFile = 500

    public let language: Language
    public let colour: Bool

    public init(language: Language, colour: Bool) {
        self.language = language
        self.colour = colour
    }

    public func render(_ files: [CheckedFile]) -> String {
        var output = ""
        for file in files {
            let standing = file.standing
            if !standing.isEmpty {
                let lines = file.lines
                for finding in standing.prefix(Self.maxFindingsPerFile) {
                    output += render(finding, in: file.path, lines: lines)
                }
                if standing.count > Self.maxFindingsPerFile {
                    output += ReportMessage.text(.reportMoreFindings, ["count": "\(standing.count - Self.maxFindingsPerFile)",
                                                                  "file": TerminalText.safe(file.path)])[language] + "\n"
                }
            }
            if let readiness = file.readiness {
                output += "\(TerminalText.safe(file.path)): \(readiness.sentence(in: language))\n"
            }
        }
        output += paint(CheckSummary(files).sentence(in: language), "1") + "\n"
        return output
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func severityCode(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    func render(_ finding: Finding, in path: String, lines: [Substring]) -> String {
        let safePath = TerminalText.safe(path)
        let location = finding.position.map { "\(safePath):\($0.line):\($0.column)" } ?? safePath
        var output = paint(location + ":", "1") + " " + paint(finding.severity.word(in: language) + ":", severityCode(finding.severity))
        output += " \(TerminalText.safe(finding.message[language])) [\(finding.rule)]\n"
        if let position = finding.position, lines.indices.contains(position.line - 1) {
            let (excerpt, lead) = TerminalText.window(lines[position.line - 1], column: position.column)
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            output += " \(number) | \(excerpt)\n"
            output += " \(gutter) | \(lead)" + paint("^", severityCode(finding.severity)) + "\n"
        }
        let gutter = String(repeating: " ", count: String(finding.position?.line ?? 0).count)
        if let why = finding.why {
            output += " \(gutter) = \(ReportMessage.text(.reportWhy)[language]) \(TerminalText.safe(why[language]))\n"
        }
        if let fix = finding.fix {
            output += " \(gutter) = \(ReportMessage.text(.reportFix)[language]) \(TerminalText.safe(fix[language]))\n"
        }
        return output
    }
}

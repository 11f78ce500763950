import AtelierCore

/// Findings as a compiler prints them: `file:line:column: severity: message [rule]`, the
/// source line with a caret under the column, why it matters, the fix; then a summary.
public struct TextReporter: Sendable {
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
                for finding in standing {
                    output += render(finding, in: file.path, lines: lines)
                }
            }
            if let readiness = file.readiness {
                output += "\(file.path): \(readiness.sentence(in: language))\n"
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
        let location = finding.position.map { "\(path):\($0.line):\($0.column)" } ?? path
        var output = paint(location + ":", "1") + " " + paint(finding.severity.word(in: language) + ":", severityCode(finding.severity))
        output += " \(finding.message[language]) [\(finding.rule)]\n"
        if let position = finding.position, lines.indices.contains(position.line - 1) {
            let line = lines[position.line - 1]
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            let lead = line.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            output += " \(number) | \(line)\n"
            output += " \(gutter) | \(lead)" + paint("^", severityCode(finding.severity)) + "\n"
        }
        let gutter = String(repeating: " ", count: String(finding.position?.line ?? 0).count)
        if let why = finding.why {
            output += " \(gutter) = \(Catalogue.text(.reportWhy)[language]) \(why[language])\n"
        }
        if let fix = finding.fix {
            output += " \(gutter) = \(Catalogue.text(.reportFix)[language]) \(fix[language])\n"
        }
        return output
    }
}

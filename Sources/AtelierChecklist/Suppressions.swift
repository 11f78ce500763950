import AtelierCore

/// `# atelier: ignore RULE-ID — reason` comments in a mockup. A comment silences the
/// findings of the named rules (comma-separated) on its own line and on the line below.
public struct Suppression: Sendable, Equatable {
    public let rules: [String]
    public let reason: String
    public let position: SourcePosition

    /// Every suppression comment of a source text.
    public static func all(in source: String) -> [Suppression] {
        guard mentionsAtelier(source) else { return [] }
        var suppressions: [Suppression] = []
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, line) in lines.enumerated() {
            guard let hash = line.firstIndex(of: "#") else { continue }
            var rest = line[line.index(after: hash)...].drop { $0 == " " }
            guard rest.hasPrefix("atelier:") else { continue }
            rest = rest.dropFirst("atelier:".count).drop { $0 == " " }
            guard rest.hasPrefix("ignore ") else { continue }
            rest = rest.dropFirst("ignore ".count).drop { $0 == " " }
            let ruleText = rest.prefix { $0.isLetter || $0.isNumber || "-_, ".contains($0) }
            let rules = ruleText.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
            let reason = rest.dropFirst(ruleText.count).drop { " —–-:".contains($0) }.trimmingCharacters(in: .whitespaces)
            guard !rules.isEmpty else { continue }
            let column = line.distance(from: line.startIndex, to: hash) + 1
            suppressions.append(Suppression(rules: rules, reason: reason, position: SourcePosition(line: index + 1, column: column)))
        }
        return suppressions
    }

    /// Whether the text holds `atelier:` at all: a byte scan, so the files without a
    /// suppression comment (nearly all) are not split into lines.
    private static func mentionsAtelier(_ source: String) -> Bool {
        let needle = Array("atelier:".utf8)
        var source = source
        return source.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }

    func covers(_ finding: Finding) -> Bool {
        guard rules.contains(finding.rule), let line = finding.position?.line else { return false }
        return line == position.line || line == position.line + 1
    }

    /// The findings, each silenced by the first comment that covers it, and a warning for
    /// each comment that gives no reason.
    public static func apply(_ suppressions: [Suppression], to findings: [Finding]) -> [Finding] {
        let silenced = findings.map { finding in
            suppressions.first { $0.covers(finding) }.map { finding.suppressed(because: $0.reason) } ?? finding
        }
        let unexplained = suppressions.filter { $0.reason.isEmpty }.map { suppression in
            let rule = suppression.rules.joined(separator: ", ")
            return Finding(rule: "suppression-reason", severity: .warning, position: suppression.position,
                           message: ChecklistMessage.text(.suppressionWithoutReason, ["rule": rule]),
                           why: ChecklistMessage.text(.suppressionWithoutReasonWhy),
                           fix: ChecklistMessage.text(.suppressionWithoutReasonFix, ["rule": rule]))
        }
        return silenced + unexplained
    }
}

import AtelierCore
import AtelierMockup

/// Runs each rule's examples: a valid example must not trigger the rule, an invalid one must,
/// at the place its `↓` marks. An example is a snippet whose top-level keys replace those of
/// a base mockup that passes every rule.
public struct ExampleRunner: Sendable {
    public let base: String
    public let decoder: MockupDecoder
    public let templates: TemplateTexts

    public init(base: String, decoder: MockupDecoder, templates: TemplateTexts = .none) {
        self.base = base
        self.decoder = decoder
        self.templates = templates
    }

    public struct Report: Sendable {
        public let rules: Int
        public let examples: Int
        public let failures: [DefinitionProblem]
    }

    public func run(_ rules: [Rule], file: (Rule) -> String) -> Report {
        var failures: [DefinitionProblem] = []
        var examples = 0
        for rule in rules {
            var active = rule
            active.severity = rule.severity ?? .warning
            let engine = ChecklistEngine(rules: [active], templates: templates)
            for (example, valid) in rule.validExamples.map({ ($0, true) }) + rule.invalidExamples.map({ ($0, false) }) {
                examples += 1
                let (text, offset) = compose(example.snippet)
                let decoded = decoder.decode(Array(text.utf8))
                func fail(_ key: ChecklistMessage, _ arguments: [String: Localized]) {
                    let place = ["rule": Localized(verbatim: rule.id), "line": Localized(verbatim: "\(example.position.line)")]
                    failures.append(DefinitionProblem(file: file(rule), position: example.position,
                                                     message: ChecklistMessage.text(key, localized: arguments.merging(place) { $1 })))
                }
                if let structural = decoded.findings.first(where: { $0.severity == .error }) {
                    let position = structural.position.map { "\($0.line - offset):\($0.column)" } ?? ""
                    fail(.checklistExampleUnreadable, ["message": structural.message.map { "\(position) \($0)" }])
                    continue
                }
                let found = engine.check(decoded, source: text, language: .fr).findings.filter { $0.rule == rule.id }
                let places = found.compactMap(\.position).map { SourcePosition(line: $0.line - offset, column: $0.column) }
                if valid, let first = found.first {
                    fail(.checklistExampleFired, ["message": first.message])
                } else if !valid, found.isEmpty {
                    fail(.checklistExampleSilent, [:])
                } else if !valid, let marker = example.marker, !places.contains(marker) {
                    fail(.checklistExampleWrongPlace, ["found": Localized(verbatim: places.map(\.description).joined(separator: ", ")),
                                                       "expected": Localized(verbatim: marker.description)])
                }
            }
        }
        return Report(rules: rules.count, examples: examples, failures: failures)
    }

    /// The base mockup with the snippet's top-level keys replaced by the snippet, and the
    /// number of lines before the snippet (to translate positions back into it).
    func compose(_ snippet: String) -> (String, Int) {
        let replaced = Set(snippet.split(separator: "\n").compactMap(Self.topLevelKey))
        var kept: [Substring] = []
        var skipping = false
        for line in base.split(separator: "\n", omittingEmptySubsequences: false) {
            if let key = Self.topLevelKey(line) {
                skipping = replaced.contains(key)
            } else if !(line.first?.isWhitespace ?? true) && line.first != "#" {
                skipping = false
            }
            if !skipping { kept.append(line) }
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return ((kept + [Substring(snippet)]).joined(separator: "\n") + "\n", kept.count)
    }

    private static func topLevelKey(_ line: Substring) -> String? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-", let colon = line.firstIndex(of: ":") else { return nil }
        return String(line[..<colon])
    }
}

import AtelierCore
import AtelierMockup
import AtelierYAML

/// Something wrong in a definition file (a checklist, a rubric), with where it is. A file with
/// any problem is refused whole: a broken checklist never silently disables rules, a broken
/// rubric never grades.
public struct DefinitionProblem: Error, Sendable, Hashable {
    public let file: String
    public let position: SourcePosition?
    public let message: Localized

    public init(file: String, position: SourcePosition?, message: Localized) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`, in one language.
    public func sentence(in language: Language) -> String {
        let place = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(message[language])"
    }
}

/// Every problem found while loading definition files.
public struct DefinitionError: Error, Sendable {
    public let problems: [DefinitionProblem]

    /// The problems in reading order (those without a position first), whoever found them.
    public init(_ problems: [DefinitionProblem]) {
        self.problems = problems.enumerated().sorted { left, right in
            let (a, b) = (left.element.position.map { [$0.line, $0.column] } ?? [0, 0], right.element.position.map { [$0.line, $0.column] } ?? [0, 0])
            return a == b ? left.offset < right.offset : a.lexicographicallyPrecedes(b)
        }.map(\.element)
    }
}

/// Reads a definition file (a checklist, a rubric) against its format's schema — the one
/// engine that validates mockups too: YAML problems and the schema's findings (unknown keys
/// with the closest known one, required keys, types, accepted values) become problems with
/// their positions; the loader adds what only it can judge (a check's argument, the points of
/// a level…) with `report`.
public struct DefinitionReader {
    public let file: String
    public private(set) var problems: [DefinitionProblem] = []

    public init(file: String) {
        self.file = file
    }

    /// The file's YAML tree once read against `schema`; nil when it cannot be read or is
    /// empty. The tree is returned even when the schema finds problems, so that the loader
    /// reports its own at once.
    public mutating func root(of bytes: [UInt8], schema: SchemaDocument) -> YAMLNode? {
        let document = YAMLLoader.load(bytes)
        for problem in document.problems {
            problems.append(DefinitionProblem(file: file, position: problem.position, message: problem.finding.message))
        }
        guard let root = document.root, problems.isEmpty else {
            if problems.isEmpty { report(SourcePosition(line: 1, column: 1), ChecklistMessage.text(.checklistEmpty)) }
            return nil
        }
        for finding in schema.findings(in: root) {
            let message = finding.fix.map { finding.message.joined(with: $0) } ?? finding.message
            problems.append(DefinitionProblem(file: file, position: finding.position, message: message))
        }
        return root
    }

    public mutating func report(_ position: SourcePosition?, _ message: Localized) {
        problems.append(DefinitionProblem(file: file, position: position, message: message))
    }

    public mutating func report(_ position: SourcePosition?, _ key: ChecklistMessage, _ arguments: [String: String] = [:]) {
        report(position, ChecklistMessage.text(key, arguments))
    }

    /// Reports `word`, which is none of `known`, with the closest known one.
    public mutating func reportUnknown(_ word: String, at position: SourcePosition, among known: [String], kind: ChecklistMessage) {
        let suggestion = TextMatching.closest(to: word, among: known).first
        let hint = suggestion.map { ChecklistMessage.text(.checklistDidYouMean, ["suggestion": $0]) } ?? ChecklistMessage.text(.checklistAccepted, ["values": known.joined(separator: ", ")])
        report(position, ChecklistMessage.text(kind, ["value": word]).joined(with: hint))
    }

}

extension YAMLNode {
    /// The text written in both languages under `key` (the schema's `bilingualText`), when it is.
    public func bilingual(_ key: String) -> Localized? {
        guard let fr = self[key]?["fr"]?.scalarText, let en = self[key]?["en"]?.scalarText else { return nil }
        return Localized(fr: fr, en: en)
    }

    /// The number written under `key`, when it is one.
    public func number(_ key: String) -> Double? {
        self[key]?.scalarText.flatMap(ScalarParser.number)
    }
}

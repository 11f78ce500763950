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

    public init(_ problems: [DefinitionProblem]) {
        self.problems = problems
    }
}

/// Reads a definition file strictly, collecting every problem with its position: unknown keys
/// with the closest known one, required keys, texts in French and English.
public struct StrictReader {
    public let file: String
    public private(set) var problems: [DefinitionProblem] = []

    public init(file: String) {
        self.file = file
    }

    /// The file's YAML tree, its YAML problems recorded; nil when it cannot be read or is empty.
    public mutating func root(of bytes: [UInt8]) -> YAMLNode? {
        let document = YAMLLoader.load(bytes)
        for problem in document.problems {
            problems.append(DefinitionProblem(file: file, position: problem.position, message: problem.finding.message))
        }
        guard let root = document.root, problems.isEmpty else {
            if problems.isEmpty { report(SourcePosition(line: 1, column: 1), .checklistEmpty) }
            return nil
        }
        return root
    }

    public mutating func append(_ problem: DefinitionProblem) {
        problems.append(problem)
    }

    public mutating func report(_ position: SourcePosition?, _ key: ChecklistMessage, _ arguments: [String: String] = [:]) {
        report(position, ChecklistMessage.text(key, arguments))
    }

    public mutating func report(_ position: SourcePosition?, _ message: Localized) {
        problems.append(DefinitionProblem(file: file, position: position, message: message))
    }

    /// Reports keys of `node` that are not in `known`, with the closest known one.
    public mutating func checkKeys(_ node: YAMLNode, known: [String]) {
        for entry in node.entries ?? [] where !known.contains(entry.key) {
            reportUnknown(entry.key, at: entry.keyPosition, among: known, kind: .checklistUnknownKey)
        }
    }

    public mutating func reportUnknown(_ word: String, at position: SourcePosition, among known: [String], kind: ChecklistMessage) {
        let suggestion = TextMatching.closest(to: word, among: known).first
        let hint = suggestion.map { ChecklistMessage.text(.checklistDidYouMean, ["suggestion": $0]) } ?? ChecklistMessage.text(.checklistAccepted, ["values": known.joined(separator: ", ")])
        problems.append(DefinitionProblem(file: file, position: position,
                                          message: ChecklistMessage.text(kind, ["value": word]).joined(with: hint)))
    }

    public mutating func text(_ node: YAMLNode?, _ key: String, in parent: YAMLNode, required: Bool = true) -> String? {
        guard let node, !node.isEmpty else {
            if required { report(parent.position, .checklistMissingKey, ["key": key]) }
            return nil
        }
        guard let text = node.scalarText else {
            report(node.position, .checklistExpectedText, ["key": key])
            return nil
        }
        return text
    }

    public mutating func number(_ node: YAMLNode?, _ key: String, in parent: YAMLNode, required: Bool = true) -> Double? {
        guard let text = text(node, key, in: parent, required: required) else { return nil }
        guard let number = ScalarParser.number(text) else {
            report(node?.position, .checklistExpectedNumber, ["key": key])
            return nil
        }
        return number
    }

    public mutating func localized(_ node: YAMLNode?, _ key: String, in parent: YAMLNode) -> Localized? {
        guard let node else {
            report(parent.position, .checklistMissingKey, ["key": key])
            return nil
        }
        checkKeys(node, known: ["fr", "en"])
        guard let fr = node["fr"]?.scalarText, let en = node["en"]?.scalarText else {
            report(node.position, .checklistNeedsBothLanguages, ["key": key])
            return nil
        }
        return Localized(fr: fr, en: en)
    }
}

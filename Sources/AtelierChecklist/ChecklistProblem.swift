import AtelierCore

/// Something wrong in a checklist file, with where it is. A checklist with any problem is
/// refused whole: a broken checklist never silently disables rules.
public struct ChecklistProblem: Error, Sendable, Hashable {
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

/// Every problem found while loading checklists.
public struct ChecklistError: Error, Sendable {
    public let problems: [ChecklistProblem]

    public init(_ problems: [ChecklistProblem]) {
        self.problems = problems
    }
}

import AtelierCore
import AtelierReport

/// Check mockups: each document's structure, then the rules in effect.
public struct CheckRequest: Sendable {
    public let documents: [SourceDocument]
    /// Checklists beside the built-in one, by name or path.
    public let checklists: [String]
    public let language: Language

    public init(documents: [SourceDocument], checklists: [String] = [], language: Language) {
        self.documents = documents
        self.checklists = checklists
        self.language = language
    }
}

public struct CheckOutcome: Sendable {
    public let files: [CheckedFile]

    public var summary: CheckSummary { CheckSummary(files) }
}

public enum CheckUseCase {
    public static func run(_ request: CheckRequest, toolkit: Toolkit) throws -> CheckOutcome {
        let engine = try toolkit.engine(checklists: request.checklists)
        return CheckOutcome(files: request.documents.map { document in
            let source = document.text
            let result = engine.check(toolkit.decoder.decode(document.bytes), source: source, language: request.language)
            return CheckedFile(path: document.path, source: source, findings: result.findings, readiness: result.readiness)
        })
    }
}

import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierMockup
import AtelierReport
import Foundation

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
        let checker = try Checker(toolkit: toolkit, checklists: request.checklists)
        return CheckOutcome(files: request.documents.map { checker.check($0, language: request.language) })
    }
}

/// The checker with its rules loaded once: what a long-running caller (the workshop server)
/// keeps, so that each check costs only the check.
public struct Checker: Sendable {
    public let engine: ChecklistEngine
    public let decoder: MockupDecoder

    public init(toolkit: Toolkit, checklists: [String] = []) throws {
        engine = try toolkit.engine(checklists: checklists)
        decoder = toolkit.decoder
    }

    public func check(_ document: SourceDocument, language: Language) -> CheckedFile {
        let source = document.text
        let result = engine.check(decoder.decode(document.bytes), source: source, language: language)
        return CheckedFile(path: document.path, source: source, findings: result.findings, readiness: result.readiness)
    }

    /// The groups the mockups describe, named by their titles, each checked.
    public func groups(of mockups: [SourceDocument], language: Language) throws -> [GradedGroup] {
        try GradedGroup.fromMockups(mockups.map { ($0.path, $0.bytes) }, decoder: decoder, engine: engine, language: language)
    }

    /// The project sheet of `document`, or an error saying it cannot be laid out.
    public func render(_ document: SourceDocument, language: Language) throws -> RenderOutcome {
        let decoded = decoder.decode(document.bytes)
        guard let mockup = decoded.mockup else { throw UserError(UseCaseMessage.projectUnreadable, ["file": document.path]) }
        let result = engine.check(decoded, source: document.text, language: language)
        return RenderOutcome(mockup: mockup, result: result, file: URL(fileURLWithPath: document.path).lastPathComponent,
                             path: document.path, sheet: ProjectSheet(language: language))
    }
}

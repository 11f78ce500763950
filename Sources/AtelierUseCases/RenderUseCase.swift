import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

/// Lay out a mockup's project sheet, with what the check found.
public struct RenderRequest: Sendable {
    public let document: SourceDocument
    public let checklists: [String]
    public let language: Language

    public init(document: SourceDocument, checklists: [String] = [], language: Language) {
        self.document = document
        self.checklists = checklists
        self.language = language
    }
}

public struct RenderOutcome: Sendable {
    public let mockup: Mockup
    public let result: CheckResult
    /// The file name the sheet shows.
    public let file: String
    let path: String
    let sheet: ProjectSheet

    public var html: String { sheet.html(mockup, result: result, file: file) }
    public var markdown: String { sheet.markdown(mockup, result: result, file: file) }
    /// What keeps the project from being ready, said in one line, or nil when it is ready.
    public var notReady: String? { sheet.notReady(result, file: path) }
}

public enum RenderUseCase {
    public static func run(_ request: RenderRequest, toolkit: Toolkit) throws -> RenderOutcome {
        try Checker(toolkit: toolkit, checklists: request.checklists).render(request.document, language: request.language)
    }
}

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
        let document = request.document
        let decoded = toolkit.decoder.decode(document.bytes)
        guard let mockup = decoded.mockup else { throw UserError(UseCaseMessage.projectUnreadable, ["file": document.path]) }
        let result = try toolkit.engine(checklists: request.checklists).check(decoded, source: document.text, language: request.language)
        return RenderOutcome(mockup: mockup, result: result, file: URL(fileURLWithPath: document.path).lastPathComponent,
                             path: document.path, sheet: ProjectSheet(language: request.language))
    }
}

import AtelierCore
import AtelierImpact
import AtelierReport

/// Make a mockup's questionnaire: the XLSForm, the paper form, the data-entry workbook.
public struct SurveyRequest: Sendable {
    public let document: SourceDocument
    public let language: Language

    public init(document: SourceDocument, language: Language) {
        self.document = document
        self.language = language
    }
}

public struct SurveyOutcome: Sendable {
    public let questionnaire: Questionnaire

    public var xlsform: Artefact { .workbook { [questionnaire] in try questionnaire.writeXLSForm(to: $0) } }
    public var entrySheet: Artefact { .workbook { [questionnaire] in try questionnaire.writeEntrySheet(to: $0) } }
    public func paper(easy: Bool) -> Artefact { .text(questionnaire.paperHTML(easy: easy)) }
}

public enum SurveyUseCase {
    public static func run(_ request: SurveyRequest, toolkit: Toolkit) throws -> SurveyOutcome {
        let mockup = try toolkit.mockup(request.document, unreadable: .projectUnreadable)
        let questions = mockup.evaluation?.questions ?? []
        guard !questions.isEmpty else { throw UserError(UseCaseMessage.surveyNoQuestions, ["file": request.document.path]) }
        let plan = SurveyPlan(mockup: mockup, builtinScales: try toolkit.scales())
        return SurveyOutcome(questionnaire: Questionnaire(plan: plan, optional: Set(questions.filter(\.isOptional).map(\.id)),
                                                          language: mockup.language ?? request.language))
    }
}

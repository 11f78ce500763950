import AtelierCore
import AtelierGrading
import AtelierReport
import AtelierTabular
import Foundation

/// Make a blank grading sheet: one sheet per grader, one row per group.
public struct GradeSheetRequest: Sendable {
    public let rubric: Rubric
    public let groups: [GradedGroup]
    public let graders: [String]
    public let language: Language

    public init(rubric: Rubric, groups: [GradedGroup], graders: [String], language: Language) {
        self.rubric = rubric
        self.groups = groups
        self.graders = graders
        self.language = language
    }
}

public struct GradeSheetOutcome: Sendable {
    public let groups: [String]
    public let graders: [String]
    public let workbook: Artefact
}

public enum GradeSheetUseCase {
    /// The sheet, or nil when there is no group to grade.
    public static func run(_ request: GradeSheetRequest) -> GradeSheetOutcome? {
        let names = request.groups.map(\.name)
        guard !names.isEmpty else { return nil }
        let sheet = GradingSheet(rubric: request.rubric, language: request.language)
        return GradeSheetOutcome(groups: names, graders: request.graders,
                                 workbook: .workbook { [graders = request.graders] in try sheet.write(groups: names, graders: graders, to: $0) })
    }
}

/// The marks of a grading in every form they are read: the JSON, the workbook, the feedback
/// files, the summary printed at the end.
public struct GradeDocuments: Sendable {
    public let outcome: GradeOutcome
    public let rubric: Rubric
    public let disagreementShare: Double
    public let language: Language

    public init(_ outcome: GradeOutcome, rubric: Rubric, disagreementShare: Double, language: Language) {
        self.outcome = outcome
        self.rubric = rubric
        self.disagreementShare = disagreementShare
        self.language = language
    }

    public var json: String {
        GradeJSON.document(outcome.grades, agreement: outcome.agreement, severity: outcome.severity, peers: outcome.peers, rubric: rubric).rendered() + "\n"
    }

    public var workbook: Artefact {
        .workbook { [self] temporary in
            try GradeWorkbook(rubric: rubric, language: language, totalsThreshold: disagreementShare * rubric.outOf)
                .write(outcome.grades, agreement: outcome.agreement, severity: outcome.severity, peers: outcome.peers, to: temporary)
        }
    }

    /// Writes one feedback file per group (and per member when peers rated each other) in `folder`.
    public func writeFeedback(to folder: String, inputs: [String], sharePeerScores: Bool) throws {
        try FeedbackFolder(path: folder, inputs: inputs).write(outcome, writer: Feedback(rubric: rubric, language: language), sharePeerScores: sharePeerScores)
    }

    /// The same feedback files in one zip archive, as a download.
    public func feedbackArchive(sharePeerScores: Bool) -> Data {
        var archive = ZipWriter()
        for file in FeedbackFolder.files(outcome, writer: Feedback(rubric: rubric, language: language), sharePeerScores: sharePeerScores) {
            archive.add(file.name, Array(file.markdown.utf8))
        }
        return archive.data
    }

    public var summary: String { GradeSummary(rubric: rubric, language: language).text(outcome) }
}

/// A rubric described in a few lines: its title, mark and rounding, then each criterion.
public struct RubricSummary: Sendable {
    public let rubric: Rubric
    public let language: Language

    public init(_ rubric: Rubric, language: Language) {
        self.rubric = rubric
        self.language = language
    }

    public var text: String {
        var output = UseCaseMessage.text(.rubricSummary, ["title": rubric.title[language], "criteria": "\(rubric.criteria.count)",
                                                          "outOf": language.number(rubric.outOf), "rounding": language.number(rubric.rounding)])[language] + "\n"
        for criterion in rubric.criteria {
            let kind: UseCaseMessage? = criterion.feedbackOnly ? .rubricFeedbackOnly : criterion.source == .graders ? nil : .rubricAuto
            output += UseCaseMessage.text(.rubricCriterion, [
                "id": criterion.id, "label": criterion.label[language], "weight": language.number(criterion.weight),
                "levels": "\(criterion.levels.count)", "points": language.number(criterion.maximum),
                "kind": kind.map { UseCaseMessage.text($0)[language] } ?? "",
            ])[language] + "\n"
        }
        return output
    }
}

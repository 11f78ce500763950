import AtelierCore
import AtelierImpact

/// The kinds of rows left out and answers refused, in words.
enum ProblemWords {
    static func kind(_ kind: RowProblem.Kind) -> Localized {
        switch kind {
        case .incomplete: ReportMessage.text(.problemKindIncomplete)
        case .empty: ReportMessage.text(.problemKindEmpty)
        case .duplicate: ReportMessage.text(.problemKindDuplicate)
        case .notApproved: ReportMessage.text(.problemKindNotApproved)
        case .refused: ReportMessage.text(.problemKindRefused)
        }
    }
}

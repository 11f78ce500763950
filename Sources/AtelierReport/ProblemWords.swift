import AtelierCore
import AtelierImpact

/// The kinds of rows left out and answers refused, in words.
enum ProblemWords {
    static func kind(_ kind: RowProblem.Kind) -> Localized {
        switch kind {
        case .incomplete: Catalogue.text(.problemKindIncomplete)
        case .empty: Catalogue.text(.problemKindEmpty)
        case .duplicate: Catalogue.text(.problemKindDuplicate)
        case .notApproved: Catalogue.text(.problemKindNotApproved)
        case .refused: Catalogue.text(.problemKindRefused)
        }
    }
}

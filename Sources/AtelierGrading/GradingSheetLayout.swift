import AtelierCore
import Foundation

/// The layout of the grading sheet, shared by its writer (`GradingSheet`) and its reader
/// (`ScoreReader`): one sheet per grader whose corner cell names the grader in full, then for
/// each criterion a level column titled by its label and a comment column titled « Commentaire —
/// label » right after it; a legend sheet recognised by its header. The reader finds columns by
/// their titles, so a sheet whose columns were moved still reads.
public enum GradingSheetLayout {
    /// The level column of the `index`-th graded criterion (the group names are column 0).
    public static func levelColumn(_ index: Int) -> Int { 1 + 2 * index }

    /// Its comment column, right after it.
    public static func commentColumn(_ index: Int) -> Int { levelColumn(index) + 1 }

    /// The title of a criterion's comment column.
    public static func commentTitle(criterion label: String, language: Language) -> String {
        GradingMessage.text(.gradeCommentColumn, ["criterion": label])[language]
    }

    /// The words a comment column's title starts with, in every language (« Commentaire », « Comment »).
    static let commentWords = [Language.fr, .en].map { language in
        TextMatching.normalized(String(GradingMessage.gradeCommentColumn.template(in: language).prefix { $0 != "—" && $0 != "{" }))
            .trimmingCharacters(in: .whitespaces)
    }

    /// The legend sheet's usual name.
    public static let legendName = "Barème"
    static let corner = (fr: "Groupe — correcteur : ", en: "Group — grader: ")

    /// The corner cell (A1) of a grader's sheet: the group column's title and the grader.
    public static func cornerTitle(grader: String, language: Language) -> String {
        (language == .fr ? corner.fr : corner.en) + grader
    }

    /// The grader a corner cell names; nil for a corner written otherwise (a sheet made by hand,
    /// whose grader is then its sheet's name).
    public static func grader(corner text: String) -> String? {
        for prefix in [corner.fr, corner.en] where text.hasPrefix(prefix) {
            let name = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// Whether a header row is the legend's (in either language).
    public static func isLegend(header: [String]) -> Bool {
        let titles = header.prefix(5).map(TextMatching.normalized)
        return [Language.fr, .en].contains { language in
            GradingMessage.text(.gradeLegendColumns)[language].split(separator: "|").map { TextMatching.normalized(String($0)) } == titles
        }
    }

    /// Graders whose names are the same once case, accents and spaces are set aside: two
    /// sheets, or two columns of the gradebook, could not tell them apart.
    public static func clashingGraders(_ graders: [String]) -> (String, String)? {
        var seen: [String: String] = [:]
        for grader in graders {
            if let first = seen[TextMatching.normalized(grader)] { return (first, grader) }
            seen[TextMatching.normalized(grader)] = grader
        }
        return nil
    }
}

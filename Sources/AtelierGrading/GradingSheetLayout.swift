import AtelierCore
import Foundation

/// The layout of the grading sheet, shared by its writer (`GradingSheet`) and its reader
/// (`ScoreReader`): one sheet per grader whose corner cell names the grader in full, a legend
/// sheet recognised by its header, sheet names that Excel and LibreOffice accept whatever the
/// graders are called.
public enum GradingSheetLayout {
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

import AtelierCore
import AtelierTabular

/// Finds each question's column: its `column:` (a header or a spreadsheet letter), else the
/// header equal to its text after normalisation (case, accents, spaces, typographic quotes,
/// a trailing colon or « * » required mark).
public enum ColumnMatcher {
    public static func normalizedHeader(_ header: String) -> String {
        var text = TextMatching.normalized(header)
        while let last = text.last, last == ":" || last == "*" || last == " " {
            text.removeLast()
        }
        return text
    }

    /// The column of each question, or a user error naming the file, the question and the
    /// three closest headers.
    public static func match(_ plan: SurveyPlan, header: [String], file: String) throws -> [Int] {
        let normalized = header.map(normalizedHeader)
        return try plan.questions.map { question in
            if let column = question.column {
                if let index = normalized.firstIndex(of: normalizedHeader(column)) { return index }
                if let index = ColumnLetters.index(column) {
                    guard index < header.count else {
                        throw UserError(.impactColumnLetter, ["file": file, "letter": column, "id": question.id, "count": "\(header.count)"])
                    }
                    return index
                }
            }
            if let index = normalized.firstIndex(of: normalizedHeader(question.text)) { return index }
            let target = normalizedHeader(question.column ?? question.text)
            let distances = normalized.map { TextMatching.editDistance(target, $0) }
            let closest = header.indices.sorted {
                distances[$0] < distances[$1]
            }.prefix(3).map { "« \(header[$0].count > 80 ? header[$0].prefix(79) + "…" : header[$0]) »" }
            throw UserError(.impactNoColumn, ["file": file, "id": question.id, "text": question.text,
                                              "closest": closest.joined(separator: ", ")])
        }
    }
}

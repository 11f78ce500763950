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
    /// three closest headers. A multiple-choice question may instead have one column per option
    /// (LimeSurvey `Q6 [Nef]` or `Q6[SQ001]`, SurveyMonkey once its two header rows are merged,
    /// Kobo `q6/nef` beside its summary column): those are preferred, since a summary joined
    /// with spaces can be ambiguous. A question is also found by its id as a header (Kobo « XML
    /// values » exports of Atelier's XLSForm), with or without its group (`groupe/Q1`).
    public static func match(_ plan: SurveyPlan, header: [String], file: String) throws -> [QuestionColumns] {
        let normalized = header.map(normalizedHeader)
        return try plan.questions.map { question in
            if question.allowsSeveral, let options = optionColumns(question, normalized: normalized) { return .options(options) }
            if let column = question.column {
                if let index = normalized.firstIndex(of: normalizedHeader(column)) { return .single(index) }
                if let index = ColumnLetters.index(column) {
                    guard index < header.count else {
                        throw UserError(ImpactMessage.impactColumnLetter, ["file": file, "letter": column, "id": question.id, "count": "\(header.count)"])
                    }
                    return .single(index)
                }
            }
            if let index = normalized.firstIndex(of: normalizedHeader(question.text)) { return .single(index) }
            let id = normalizedHeader(question.id)
            if let index = normalized.firstIndex(where: { $0 == id || $0.hasSuffix("/" + id) }) { return .single(index) }
            let target = normalizedHeader(question.column ?? question.text)
            let distances = normalized.map { TextMatching.editDistance(target, $0) }
            let closest = header.indices.sorted {
                distances[$0] < distances[$1]
            }.prefix(3).map { "« \(header[$0].count > 80 ? header[$0].prefix(79) + "…" : header[$0]) »" }
            throw UserError(ImpactMessage.impactNoColumn, ["file": file, "id": question.id, "text": question.text,
                                              "closest": closest.joined(separator: ", ")])
        }
    }

    /// The column of each of a multiple-choice question's choices (nil where none), or nil when
    /// the export has no such column at all.
    static func optionColumns(_ question: SurveyPlan.Question, normalized: [String]) -> [Int?]? {
        guard case .multiChoice(let choices, _) = question.kind else { return nil }
        let bases = Set([question.column, question.text, question.id].compactMap { $0 }.map(normalizedHeader))
        let names = XLSFormNames.choices(of: question)
        func matches(_ header: String, _ candidate: String) -> Bool {
            header == candidate || header.hasSuffix("/" + candidate)
        }
        let found: [Int?] = choices.indices.map { index in
            let words = Set([choices[index].fr, choices[index].en, names[index]].map(normalizedHeader))
            let candidates = bases.flatMap { base in
                words.flatMap { word in ["\(base) [\(word)]", "\(base)[\(word)]", "\(base)/\(word)"] }
                    + ["\(base)[sq\(String(format: "%03d", index + 1))]", "\(base)_sq\(String(format: "%03d", index + 1))"]
            }
            return normalized.firstIndex { header in candidates.contains { matches(header, $0) } }
        }
        return found.contains { $0 != nil } ? found : nil
    }
}

/// Where a question's answers are: one column, or one column per choice (nil for a choice
/// the export has no column for).
public enum QuestionColumns: Sendable, Equatable {
    case single(Int)
    case options([Int?])

    /// Every column used.
    var all: [Int] {
        switch self {
        case .single(let column): [column]
        case .options(let columns): columns.compactMap { $0 }
        }
    }
}

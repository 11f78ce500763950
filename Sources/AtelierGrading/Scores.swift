import AtelierCore
import AtelierMockup
import AtelierTabular
import Foundation

/// One grader's level for one group on one criterion, with where it was read.
public struct Score: Sendable {
    public let group: String
    public let grader: String
    public let criterion: String
    /// The level's position in the rubric (0 = lowest).
    public let level: Int
    public let comment: String?
    public let place: Localized
}

/// A problem in a filled sheet, with its place (`grille-camille.xlsx, feuille « Notes », C7`).
public struct ScoreProblem: Sendable {
    public let severity: Severity
    public let place: Localized
    public let message: Localized

    public init(severity: Severity, place: Localized, message: Localized) {
        self.severity = severity
        self.place = place
        self.message = message
    }
}

/// Reads filled grading sheets: the workbook `grade sheet` writes (a sheet per grader, a
/// level column and a comment column per criterion; .xlsx, or .ods once saved by LibreOffice),
/// or a CSV in long format (`group, grader, criterion, level, comment`, in French or English).
public struct ScoreReader {
    public let rubric: Rubric

    public init(rubric: Rubric) {
        self.rubric = rubric
    }

    public func read(_ path: String) throws -> (scores: [Score], problems: [ScoreProblem]) {
        let file = try readAll(path)
        return (file.scores, file.problems)
    }

    /// The scores, the problems, and the groups the file lists (a grid's rows, graded or not).
    public func readAll(_ path: String) throws -> (scores: [Score], problems: [ScoreProblem], groups: [String]) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let sheets = try UserError.reading({ () throws(TableError) in try TableFile.sheetNames(path: path) }) else {
            var reader = try LongFormat.open(path)
            let (scores, problems) = try readLong(&reader, file: name)
            return (scores, problems, scores.map(\.group))
        }
        var scores: [Score] = [], problems: [ScoreProblem] = [], groups: [String] = []
        for sheet in sheets {
            var sheetReader: any TableReader
            do {
                sheetReader = try TableFile.open(path: path, sheet: sheet)
            } catch where error.kind == .empty {
                continue
            } catch {
                throw UserError(error.message)
            }
            guard !GradingSheetLayout.isLegend(header: sheetReader.header) else { continue }
            let grader = sheetReader.header.first.flatMap(GradingSheetLayout.grader(corner:)) ?? sheet
            let (found, issues, listed) = try readGrid(&sheetReader, grader: grader, place: { cell in
                GradingMessage.text(.gradeSheetWord, ["sheet": sheet]).map { "\(name), \($0), \(cell)" }
            })
            scores += found
            problems += issues
            groups += listed
        }
        return (scores, problems, groups)
    }

    private func criterion(named header: String) -> Rubric.Criterion? {
        let wanted = TextMatching.normalized(header)
        return rubric.criteria.first {
            $0.source == .graders && (TextMatching.normalized($0.id) == wanted || TextMatching.normalized($0.label.fr) == wanted
                || TextMatching.normalized($0.label.en) == wanted)
        }
    }

    /// The position of `text` among a criterion's levels: its label (fr or en) or its points.
    func level(_ text: String, of criterion: Rubric.Criterion) -> Int? {
        let wanted = TextMatching.normalized(text)
        if let index = criterion.levels.firstIndex(where: { TextMatching.normalized($0.label.fr) == wanted || TextMatching.normalized($0.label.en) == wanted }) {
            return index
        }
        guard let points = ScalarParser.number(text) else { return nil }
        let matching = criterion.levels.indices.filter { criterion.levels[$0].points == points }
        return matching.count == 1 ? matching[0] : nil
    }

    /// The level and comment columns of a grid's header, and the headers that are neither. A
    /// comment column starts with « Commentaire » or « Comment »; it belongs to the criterion it
    /// names, else to the criterion column just before it.
    func gridColumns(_ header: [String]) -> (columns: [(index: Int, criterion: Rubric.Criterion, comment: Int?)], unknown: [Int]) {
        var columns: [(index: Int, criterion: Rubric.Criterion, comment: Int?)] = []
        var comments: [(index: Int, criterion: String?)] = [], unknown: [Int] = []
        for (index, title) in header.enumerated().dropFirst() where !title.isEmpty {
            if let found = criterion(named: title) {
                columns.append((index, found, nil))
            } else if let prefix = GradingSheetLayout.commentWords.first(where: TextMatching.normalized(title).hasPrefix) {
                let rest = String(TextMatching.normalized(title).dropFirst(prefix.count).drop { !$0.isLetter && !$0.isNumber })
                let named = rest.isEmpty ? nil : criterion(named: rest)
                comments.append((index, named?.id ?? columns.last.flatMap { $0.index == index - 1 ? $0.criterion.id : nil }))
            } else {
                unknown.append(index)
            }
        }
        for comment in comments {
            if let position = columns.firstIndex(where: { $0.criterion.id == comment.criterion }) { columns[position].comment = comment.index }
        }
        return (columns, unknown)
    }

    private func readGrid(_ reader: inout any TableReader, grader: String, place: (String) -> Localized) throws -> ([Score], [ScoreProblem], [String]) {
        var scores: [Score] = [], problems: [ScoreProblem] = [], groups: [String] = []
        let (columns, unknown) = gridColumns(reader.header)
        for index in unknown {
            problems.append(ScoreProblem(severity: .error, place: place("\(ColumnLetters.letters(index))1"),
                                         message: GradingMessage.text(.gradeUnknownCriterion, ["value": reader.header[index]])))
        }
        while let row = try LongFormat.nextRow(&reader) {
            guard let group = row.cells.first?.trimmingCharacters(in: .whitespaces), !group.isEmpty else { continue }
            groups.append(group)
            for column in columns where column.index < row.cells.count {
                let text = row.cells[column.index].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                let cell = "\(ColumnLetters.letters(column.index))\(row.number)"
                guard let level = level(text, of: column.criterion) else {
                    problems.append(ScoreProblem(severity: .error, place: place(cell), message: GradingMessage.text(.gradeUnknownLevel, localized: [
                        "value": Localized(verbatim: text), "criterion": Localized(verbatim: column.criterion.id), "levels": column.criterion.levelNames,
                    ])))
                    continue
                }
                let comment = column.comment.flatMap { $0 < row.cells.count ? row.cells[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
                scores.append(Score(group: group, grader: grader, criterion: column.criterion.id, level: level, comment: comment, place: place(cell)))
            }
        }
        if scores.isEmpty {
            problems.append(ScoreProblem(severity: .warning, place: place("A1"), message: GradingMessage.text(.gradeGraderEmpty, ["grader": grader])))
        }
        return (scores, problems, groups)
    }

    private func readLong(_ reader: inout any TableReader, file: String) throws -> ([Score], [ScoreProblem]) {
        let names = [("group", ["group", "groupe"]), ("grader", ["grader", "correcteur", "correctrice", "evaluateur", "jury"]),
                     ("criterion", ["criterion", "critere"]), ("level", ["level", "niveau"]), ("comment", ["comment", "commentaire"])]
        let column = LongFormat.columns(reader.header, names)
        guard let group = column["group"], let grader = column["grader"], let criterionColumn = column["criterion"], let levelColumn = column["level"] else {
            throw UserError(GradingMessage.gradeLongHeader, ["file": file])
        }
        var scores: [Score] = [], problems: [ScoreProblem] = []
        while let row = try LongFormat.nextRow(&reader) {
            let cell = LongFormat.cells(row)
            let place = GradingMessage.text(.gradeRowPlace, ["file": file, "row": "\(row.number)"])
            guard let criterion = criterion(named: cell(criterionColumn)) else {
                problems.append(ScoreProblem(severity: .error, place: place, message: GradingMessage.text(.gradeUnknownCriterion, ["value": cell(criterionColumn)])))
                continue
            }
            guard let level = level(cell(levelColumn), of: criterion) else {
                problems.append(ScoreProblem(severity: .error, place: place, message: GradingMessage.text(.gradeUnknownLevel, localized: [
                    "value": Localized(verbatim: cell(levelColumn)), "criterion": Localized(verbatim: criterion.id), "levels": criterion.levelNames,
                ])))
                continue
            }
            let comment = column["comment"].map(cell).flatMap { $0.isEmpty ? nil : $0 }
            scores.append(Score(group: cell(group), grader: cell(grader), criterion: criterion.id, level: level, comment: comment, place: place))
        }
        return (scores, problems)
    }
}

/// The scores of every file made one: a level given twice for the same group, grader and
/// criterion is kept once when both agree, and is an error naming both places when they differ
/// (otherwise the mark would depend on the order of the files).
public enum ScoreSet {
    public static func reconcile(_ scores: [Score], rubric: Rubric) -> (scores: [Score], problems: [ScoreProblem]) {
        var kept: [Score] = [], problems: [ScoreProblem] = []
        var first: [[String]: Score] = [:]
        for score in scores {
            let key = [score.group, score.grader, score.criterion]
            guard let earlier = first[key] else {
                first[key] = score
                kept.append(score)
                continue
            }
            guard earlier.level != score.level else { continue }
            let levels = rubric.criteria.first { $0.id == score.criterion }?.levels
            problems.append(ScoreProblem(severity: .error, place: score.place, message: GradingMessage.text(.gradeConflict, localized: [
                "grader": Localized(verbatim: score.grader), "group": Localized(verbatim: score.group), "criterion": Localized(verbatim: score.criterion),
                "first": levels.map { $0[earlier.level].label } ?? Localized(verbatim: "\(earlier.level + 1)"), "firstPlace": earlier.place,
                "second": levels.map { $0[score.level].label } ?? Localized(verbatim: "\(score.level + 1)"),
            ])))
        }
        return (kept, problems)
    }
}

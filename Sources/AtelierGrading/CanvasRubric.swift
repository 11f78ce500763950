import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierTabular
import Foundation

/// Canvas's rubric CSV layout, both ways: `Rubric Name, Criteria Name, Criteria Description,
/// Criteria Enable Range`, then `Rating Name, Rating Description, Rating Points` triplets, one
/// row per criterion. Canvas has no weights: a criterion is worth its highest rating, so
/// exporting multiplies points by the weight and importing gives every criterion weight 1.
/// Canvas has no automatic or feedback-only criteria either: the criterion description carries
/// them after the id (`maquette auto:overall:0.6,0.8,0.95`, `remarques feedback-only`), so a
/// rubric that goes through Canvas comes back with them.
public enum CanvasRubric {
    static let fixedColumns = ["Rubric Name", "Criteria Name", "Criteria Description", "Criteria Enable Range"]
    static let ratingColumns = ["Rating Name", "Rating Description", "Rating Points"]

    /// The rubric as Canvas imports it; feedback-only criteria are worth 0 points.
    public static func csv(_ rubric: Rubric, language: Language) -> String {
        let ratings = rubric.criteria.map(\.levels.count).max() ?? 0
        var text = CSVWriter.line(fixedColumns + Array(repeating: ratingColumns, count: ratings).flatMap { $0 })
        for criterion in rubric.criteria {
            var fields = [rubric.title[language], criterion.label[language], description(of: criterion), "false"]
            for level in criterion.levels.reversed() {
                let points = criterion.feedbackOnly ? 0 : level.points * criterion.weight
                fields += [level.label[language], level.descriptor?[language] ?? "", JSONValue.format(points)]
            }
            text += CSVWriter.line(fields)
        }
        return text
    }

    private static func description(of criterion: Rubric.Criterion) -> String {
        var words = [criterion.id]
        if case .readiness(let section, let thresholds) = criterion.source {
            words.append("auto:\(section?.rawValue ?? "overall"):" + thresholds.map(JSONValue.format).joined(separator: ","))
        }
        if criterion.feedbackOnly { words.append("feedback-only") }
        return words.joined(separator: " ")
    }

    /// The id, source and feedback-only flag a description written by `description(of:)` carries.
    private static func parse(_ description: String) -> (id: String, source: Rubric.Source, feedbackOnly: Bool)? {
        let words = description.split(separator: " ").map(String.init)
        guard let id = words.first, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else { return nil }
        var source = Rubric.Source.graders, feedbackOnly = false
        for word in words.dropFirst() {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if word == "feedback-only" {
                feedbackOnly = true
            } else if parts.count == 3, parts[0] == "auto", parts[1] == "overall" || Section(rawValue: parts[1]) != nil {
                let thresholds = parts[2].split(separator: ",").compactMap { Double($0) }
                source = .readiness(section: Section(rawValue: parts[1]), thresholds: thresholds)
            } else {
                return nil
            }
        }
        return (id, source, feedbackOnly)
    }

    /// Reads a Canvas rubric CSV: ratings in any order (sorted by points), decimal commas
    /// accepted; a criterion description that is an identifier (as `csv` writes) becomes its id.
    public static func read(_ path: String) throws -> Rubric {
        let file = URL(fileURLWithPath: path).lastPathComponent
        var reader = try LongFormat.open(path)
        let header = reader.header.map(TextMatching.normalized)
        guard let nameColumn = header.firstIndex(of: "criteria name"), let firstRating = header.firstIndex(of: "rating name") else {
            throw UserError(GradingMessage.canvasHeader, ["file": file])
        }
        let titleColumn = header.firstIndex(of: "rubric name"), descriptionColumn = header.firstIndex(of: "criteria description")
        var title: String?, criteria: [Rubric.Criterion] = []
        while let row = try LongFormat.nextRow(&reader) {
            let cell = LongFormat.cells(row)
            guard !cell(nameColumn).isEmpty else { continue }
            if title == nil, let titleColumn, !cell(titleColumn).isEmpty { title = cell(titleColumn) }
            var levels: [Rubric.Level] = []
            var column = firstRating
            while column < max(row.cells.count, header.count) {
                let name = cell(column), descriptor = cell(column + 1), pointsText = cell(column + 2)
                if !name.isEmpty || !pointsText.isEmpty {
                    guard let points = ScalarParser.number(pointsText) else {
                        throw UserError(GradingMessage.canvasBadPoints, ["file": file, "row": "\(row.number)", "column": ColumnLetters.letters(column + 2), "value": pointsText])
                    }
                    levels.append(Rubric.Level(label: Localized(verbatim: name), points: points,
                                               descriptor: descriptor.isEmpty ? nil : Localized(verbatim: descriptor)))
                }
                column += 3
            }
            guard !levels.isEmpty else { throw UserError(GradingMessage.canvasNoRatings, ["file": file, "row": "\(row.number)"]) }
            let label = cell(nameColumn), description = descriptionColumn.map(cell) ?? ""
            let declared = parse(description)
            var id = declared?.id ?? TextMatching.normalized(label).map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
            if criteria.contains(where: { $0.id == id }) { id += "-\(criteria.count + 1)" }
            criteria.append(Rubric.Criterion(id: id, label: Localized(verbatim: label), weight: 1, levels: levels.sorted { $0.points < $1.points },
                                             source: declared?.source ?? .graders, feedbackOnly: declared?.feedbackOnly ?? false))
        }
        guard !criteria.isEmpty else { throw UserError(GradingMessage.canvasNoRatings, ["file": file, "row": "2"]) }
        let name = title ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Rubric(id: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, title: Localized(verbatim: name),
                      outOf: 20, rounding: 0.5, criteria: criteria)
    }
}

import AtelierCore
import AtelierGrading
import Foundation

/// The grading sheet trainers fill during the presentations: one sheet per grader, a row per
/// group, a level column (drop-down list of the criterion's levels) and a comment column per
/// criterion, the descriptors as comments on the headers and in a legend sheet; everything but
/// the input cells is protected, so the layout cannot be broken by accident.
public struct GradingSheet: Sendable {
    public let rubric: Rubric
    public let language: Language

    public init(rubric: Rubric, language: Language) {
        self.rubric = rubric
        self.language = language
    }

    /// Writes the sheet; two groups or two graders whose names differ only by case or accents
    /// are refused, since the sheet could not tell them apart.
    /// Returns how many texts were cut to fit their cell (each ends with « […] »).
    @discardableResult
    public func write(groups: [String], graders: [String], to url: URL) throws -> Int {
        _ = try GradedGroup.named(groups)
        if let (first, second) = GradingSheetLayout.clashingGraders(graders) {
            throw UserError(ReportMessage.gradeSameGraderName, ["first": first, "second": second])
        }

        let book = try XLSXBook(url: url, language: language)
        let header = book.header
        let input = book.format()
        input.unlocked().wrapped()
        let criteria = rubric.criteria.filter { $0.source == .graders }
        var rangeOfLevels: [String: (first: UInt32, last: UInt32)] = [:]
        var sheets: [XLSXBook.Sheet] = []
        for grader in graders {
            sheets.append(book.sheet(grader))
        }
        let (legend, legendName) = book.addSheet(GradingSheetLayout.legendName)
        var row: UInt32 = 1
        book.headerRow(legend, 0, GradingMessage.text(.gradeLegendColumns)[language])
        legend.column(0, 0, 16, nil)
        legend.column(1, 2, 24, nil)
        legend.column(4, 4, 70, nil)
        for criterion in criteria {
            let first = row
            for level in criterion.levels {
                book.writeString(legend, row, 0, criterion.id, nil)
                book.writeString(legend, row, 1, criterion.label[language], nil)
                book.writeString(legend, row, 2, level.label[language], nil)
                legend.number(row, 3, level.points, nil)
                if let descriptor = level.descriptor { book.writeString(legend, row, 4, descriptor[language], nil) }
                row += 1
            }
            rangeOfLevels[criterion.id] = (first, row - 1)
        }
        legend.protect()
        for (sheet, grader) in zip(sheets, graders) {
            book.writeString(sheet, 0, 0, GradingSheetLayout.cornerTitle(grader: grader, language: language), header)
            sheet.column(0, 0, 28, nil)
            sheet.freeze(1, 1)
            for (index, criterion) in criteria.enumerated() {
                let level = UInt16(GradingSheetLayout.levelColumn(index)), comment = UInt16(GradingSheetLayout.commentColumn(index))
                book.writeString(sheet, 0, level, criterion.label[language], header)
                book.writeString(sheet, 0, comment, GradingSheetLayout.commentTitle(criterion: criterion.label[language], language: language), header)
                sheet.column(level, level, 18, nil)
                sheet.column(comment, comment, 30, nil)
                let descriptors = criterion.levels.map { "\($0.label[language]) (\(JSONValue.format($0.points))) : \($0.descriptor?[language] ?? "")" }
                sheet.comment(0, level, descriptors.joined(separator: "\n"))
                guard let range = rangeOfLevels[criterion.id], !groups.isEmpty else { continue }
                XLSXBook.listValidation(sheet, rows: 1...UInt32(groups.count), column: level,
                                        source: "='\(legendName)'!$C$\(range.first + 1):$C$\(range.last + 1)")
            }
            for (index, group) in groups.enumerated() {
                let line = UInt32(index + 1)
                book.writeString(sheet, line, 0, group, nil)
                for column in 0..<(2 * criteria.count) {
                    sheet.blank(line, UInt16(1 + column), input)
                }
            }
            sheet.protect()
        }
        return try book.close()
    }
}

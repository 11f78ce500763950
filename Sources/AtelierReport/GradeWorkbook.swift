import AtelierCore
import AtelierTabular
import AtelierGrading
import CXLSXWriter
import Foundation

/// The gradebook (`grade --xlsx`): the marks with each grader's total, the graders' levels side
/// by side with the disagreements highlighted by conditional formats, the agreement figures
/// with their reading guide, and the members' individual marks when peers rated each other. Group names and comments are written as strings, never formulas.
public struct GradeWorkbook: Sendable {
    public let rubric: Rubric
    public let language: Language
    /// Graders' totals further apart than this many points are highlighted.
    public let totalsThreshold: Double

    public init(rubric: Rubric, language: Language, totalsThreshold: Double) {
        self.rubric = rubric
        self.language = language
        self.totalsThreshold = totalsThreshold
    }

    private func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
        Catalogue.text(key, arguments)[language]
    }

    public func write(_ grades: [GroupGrade], agreement: AgreementReport?, peers: [PeerAssessment] = [], to url: URL) throws {
        let book = try XLSXBook(url: url, language: language)
        let graders = Array(Set(grades.flatMap { $0.graderTotals.map(\.grader) })).sorted()
        let highlight = book.format()
        format_set_bg_color(highlight, 0xF4A582)
        format_set_bold(highlight)
        marks(book, grades, graders: graders, highlight: highlight)
        comparison(book, grades, graders: graders, highlight: highlight)
        if let agreement { self.agreement(book, agreement) }
        if !peers.isEmpty { self.peers(book, peers, marks: grades) }
        try book.close()
    }

    /// One row per member: the group's mark, the WebPA score and the individual mark.
    private func peers(_ book: XLSXBook, _ peers: [PeerAssessment], marks grades: [GroupGrade]) {
        let sheet = book.sheet(text(.gradebookSheetPeers))
        book.headerRow(sheet, 0, text(.gradebookPeerColumns))
        book.widths(sheet, [44, 28, 14, 14, 16])
        worksheet_freeze_panes(sheet, 1, 0)
        var row: UInt32 = 1
        for peer in peers {
            let groupMark = grades.first { $0.group == peer.group }?.mark
            for member in peer.members {
                XLSXBook.writeString(sheet, row, 0, peer.group, nil)
                XLSXBook.writeString(sheet, row, 1, member.name, nil)
                if let groupMark { worksheet_write_number(sheet, row, 2, groupMark, book.decimal) }
                if let score = member.score { worksheet_write_number(sheet, row, 3, score, book.decimal) }
                if let mark = member.mark { worksheet_write_number(sheet, row, 4, mark, book.decimal) }
                row += 1
            }
        }
    }

    /// Highlights the rows of `range` whose `column` is at least `threshold`.
    private func highlightRows(_ sheet: XLSXBook.Sheet, rows: ClosedRange<UInt32>, lastColumn: UInt16, column: UInt16,
                               threshold: Double, _ format: XLSXBook.Format) {
        let letters = ColumnLetters.letters(Int(column))
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        let formula = "=$\(letters)\(rows.lowerBound + 1)>=\(JSONValue.format(threshold))"
        formula.withCString { pointer in
            rule.value_string = UnsafeMutablePointer(mutating: pointer)
            rule.format = format
            worksheet_conditional_format_range(sheet, rows.lowerBound, 0, rows.upperBound, lastColumn, &rule)
        }
    }

    private func marks(_ book: XLSXBook, _ grades: [GroupGrade], graders: [String], highlight: XLSXBook.Format) {
        let sheet = book.sheet(text(.gradebookSheetMarks))
        let titles = [text(.gradeGroupColumn), text(.gradebookMark, ["outOf": language.number(rubric.outOf)])]
            + graders.map { text(.gradebookGraderTotal, ["grader": $0]) } + [text(.gradebookSpread)]
        book.headerRow(sheet, 0, titles.joined(separator: "|"))
        book.widths(sheet, [44, 12] + graders.map { _ in 14 } + [10])
        worksheet_freeze_panes(sheet, 1, 1)
        let spreadColumn = UInt16(2 + graders.count)
        for (index, grade) in grades.enumerated() {
            let row = UInt32(index + 1)
            XLSXBook.writeString(sheet, row, 0, grade.group, nil)
            if let mark = grade.mark { worksheet_write_number(sheet, row, 1, mark, book.decimal) }
            let totals = Dictionary(grade.graderTotals.map { ($0.grader, $0.total) }, uniquingKeysWith: { first, _ in first })
            for (column, grader) in graders.enumerated() {
                if let total = totals[grader] { worksheet_write_number(sheet, row, UInt16(2 + column), total, book.decimal) }
            }
            if let high = totals.values.max(), let low = totals.values.min(), totals.count >= 2 {
                worksheet_write_number(sheet, row, spreadColumn, high - low, book.decimal)
            }
        }
        if !grades.isEmpty {
            highlightRows(sheet, rows: 1...UInt32(grades.count), lastColumn: spreadColumn, column: spreadColumn,
                          threshold: totalsThreshold + 1e-9, highlight)
        }
    }

    private func comparison(_ book: XLSXBook, _ grades: [GroupGrade], graders: [String], highlight: XLSXBook.Format) {
        let sheet = book.sheet(text(.gradebookSheetComparison))
        let titles = [text(.gradeGroupColumn), text(.gradebookCriterion), text(.gradebookPoints)] + graders + [text(.gradebookLevelGap), text(.gradebookComments)]
        book.headerRow(sheet, 0, titles.joined(separator: "|"))
        book.widths(sheet, [40, 34, 10] + graders.map { _ in 16 } + [10, 50])
        worksheet_freeze_panes(sheet, 1, 2)
        let gapColumn = UInt16(3 + graders.count)
        var row: UInt32 = 1
        for grade in grades {
            for criterion in grade.criteria {
                XLSXBook.writeString(sheet, row, 0, grade.group, nil)
                XLSXBook.writeString(sheet, row, 1, criterion.criterion.label[language], nil)
                if let points = criterion.points { worksheet_write_number(sheet, row, 2, points, book.decimal) }
                let levels: [Int?] = graders.map { criterion.autoLevel ?? criterion.levels[$0] }
                for (column, level) in levels.enumerated() {
                    guard let level else { continue }
                    XLSXBook.writeString(sheet, row, UInt16(3 + column), criterion.criterion.levels[level].label[language], nil)
                }
                if let high = criterion.levels.values.max(), let low = criterion.levels.values.min(), criterion.levels.count >= 2 {
                    worksheet_write_number(sheet, row, gapColumn, Double(high - low), book.integer)
                }
                let comments = criterion.comments.map { "\($0.grader) : \($0.text)" }.joined(separator: "\n")
                if !comments.isEmpty { XLSXBook.writeString(sheet, row, gapColumn + 1, comments, book.wrap) }
                row += 1
            }
        }
        if row > 1 {
            highlightRows(sheet, rows: 1...(row - 1), lastColumn: gapColumn, column: gapColumn, threshold: 2, highlight)
        }
    }

    private func agreement(_ book: XLSXBook, _ agreement: AgreementReport) {
        let sheet = book.sheet(text(.gradebookSheetAgreement))
        book.widths(sheet, [44, 12, 24])
        XLSXBook.writeString(sheet, 0, 0, text(.gradebookAgreementTitle, ["graders": "\(agreement.graders)", "groups": "\(agreement.groups)",
                                                                             "leftOut": "\(agreement.leftOut)"]), book.title)
        book.headerRow(sheet, 2, text(.gradebookAgreementColumns))
        var rows: [(String, Double?, Localized?)] = []
        if let icc = agreement.icc {
            let forms: [(String, Double?)] = [("ICC(1,1)", icc.icc1), ("ICC(A,1)", icc.iccA1), ("ICC(C,1)", icc.iccC1),
                                             ("ICC(1,k)", icc.icc1k), ("ICC(A,k)", icc.iccAk), ("ICC(C,k)", icc.iccCk)]
            rows += forms.map { (text(.gradebookIccRow, ["form": $0.0]), $0.1, ReadingGuide.icc($0.1)) }
        }
        for criterion in agreement.criteria {
            let label = rubric.criteria.first { $0.id == criterion.id }?.label[language] ?? criterion.id
            rows.append((text(.gradebookAlphaRow, ["criterion": label]), criterion.krippendorffOrdinal, criterion.krippendorffOrdinal.map(ReadingGuide.krippendorff)))
            if agreement.graders == 2 {
                rows.append((text(.gradebookKappaLinearRow, ["criterion": label]), criterion.kappaLinear, criterion.kappaLinear.map(ReadingGuide.kappa)))
                rows.append((text(.gradebookKappaQuadraticRow, ["criterion": label]), criterion.kappaQuadratic, criterion.kappaQuadratic.map(ReadingGuide.kappa)))
            }
        }
        for (index, entry) in rows.enumerated() {
            let row = UInt32(3 + index)
            XLSXBook.writeString(sheet, row, 0, entry.0, nil)
            if let value = entry.1 { worksheet_write_number(sheet, row, 1, value, book.decimal) }
            XLSXBook.writeString(sheet, row, 2, entry.2?[language] ?? "—", nil)
        }
        XLSXBook.writeString(sheet, UInt32(4 + rows.count), 0, text(.gradebookGuideSources), book.wrap)
    }
}

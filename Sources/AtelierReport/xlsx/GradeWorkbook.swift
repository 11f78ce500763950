import AtelierCore
import AtelierTabular
import AtelierGrading
import Foundation

/// The gradebook (`grade --xlsx`): the marks (or why a group has none) with the automatic
/// criterion's share beside each grader's total, the graders' levels side by side with the
/// disagreements highlighted by conditional formats, the agreement figures and each grader's
/// severity with their reading guide, and the members' individual marks when peers rated each
/// other. Group names and comments are written as strings, never formulas; wrapped texts get
/// the row height they need, since neither LibreOffice nor Excel grows a written row.
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

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    /// Returns how many texts were cut to fit their cell (each ends with « […] »).
    @discardableResult
    public func write(_ grades: [GroupGrade], agreement: AgreementReport?, severity: [GraderSeverity] = [], peers: [PeerAssessment] = [], to url: URL) throws -> Int {
        let book = try XLSXBook(url: url, language: language)
        let graders = Array(Set(grades.flatMap { $0.graderTotals.map(\.grader) })).sorted()
        let highlight = book.format()
        highlight.background(0xF4A582).bold()
        marks(book, grades, graders: graders, highlight: highlight)
        comparison(book, grades, graders: graders, highlight: highlight)
        if agreement != nil || !severity.isEmpty { self.agreement(book, agreement, severity: severity) }
        if !peers.isEmpty { self.peers(book, peers, marks: grades) }
        return try book.close()
    }

    /// One row per member: the group's mark, the WebPA score and the individual mark.
    private func peers(_ book: XLSXBook, _ peers: [PeerAssessment], marks grades: [GroupGrade]) {
        let sheet = book.sheet(text(.gradebookSheetPeers))
        book.headerRow(sheet, 0, text(.gradebookPeerColumns))
        book.widths(sheet, [44, 28, 14, 14, 16])
        sheet.freeze(1, 0)
        var row: UInt32 = 1
        for peer in peers {
            let groupMark = grades.first { $0.group == peer.group }?.mark
            for member in peer.members {
                book.writeString(sheet, row, 0, peer.group, nil)
                book.writeString(sheet, row, 1, member.name, nil)
                if let groupMark { sheet.number(row, 2, groupMark, book.decimal) }
                if let score = member.score { sheet.number(row, 3, score, book.decimal) }
                if let mark = member.mark { sheet.number(row, 4, mark, book.decimal) }
                row += 1
            }
        }
    }

    /// Highlights the rows of `range` whose `column` is at least `threshold`.
    private func highlightRows(_ sheet: XLSXBook.Sheet, rows: ClosedRange<UInt32>, lastColumn: UInt16, column: UInt16,
                               threshold: Double, _ format: XLSXBook.Format) {
        let letters = ColumnLetters.letters(Int(column))
        sheet.highlight(rows: rows, lastColumn: lastColumn, where: "=$\(letters)\(rows.lowerBound + 1)>=\(JSONValue.format(threshold))", format)
    }

    private func marks(_ book: XLSXBook, _ grades: [GroupGrade], graders: [String], highlight: XLSXBook.Format) {
        let sheet = book.sheet(text(.gradebookSheetMarks))
        let automatic = rubric.scored.contains { $0.source != .graders }
        let titles = [text(.gradeGroupColumn), text(.gradebookMark, ["outOf": language.number(rubric.outOf)]), text(.gradebookStatus)]
            + (automatic ? [text(.gradebookAutomatic, ["outOf": language.number(rubric.outOf)])] : [])
            + graders.map { text(.gradebookGraderTotal, ["grader": $0]) } + [text(.gradebookSpread)]
        book.headerRow(sheet, 0, titles.joined(separator: "|"))
        let feedback = Feedback(rubric: rubric, language: language)
        let groupWidth = XLSXBook.fittedWidth(grades.map(\.group), minimum: 20, maximum: 50)
        let statuses = grades.map { $0.status == .marked ? text(.gradebookStatusMarked) : feedback.markText($0) }
        let statusWidth = XLSXBook.fittedWidth(statuses, minimum: 12, maximum: 40)
        book.widths(sheet, [groupWidth, 12, statusWidth] + (automatic ? [16] : []) + graders.map { _ in 14 } + [10])
        XLSXBook.fitHeight(sheet, 0, zip(titles, [groupWidth, 12, statusWidth] + Array(repeating: 14, count: titles.count)).map { ($0, $1) })
        sheet.freeze(1, 1)
        let firstTotal = UInt16(automatic ? 4 : 3)
        let spreadColumn = firstTotal + UInt16(graders.count)
        for (index, grade) in grades.enumerated() {
            let row = UInt32(index + 1)
            book.writeString(sheet, row, 0, grade.group, book.wrap)
            if let mark = grade.mark { sheet.number(row, 1, mark, book.decimal) }
            book.writeString(sheet, row, 2, statuses[index], book.wrap)
            if automatic, let points = grade.automaticPoints { sheet.number(row, 3, points, book.decimal) }
            let totals = Dictionary(grade.graderTotals.map { ($0.grader, $0.total) }, uniquingKeysWith: { first, _ in first })
            for (column, grader) in graders.enumerated() {
                if let total = totals[grader] { sheet.number(row, firstTotal + UInt16(column), total, book.decimal) }
            }
            if let high = totals.values.max(), let low = totals.values.min(), totals.count >= 2 {
                sheet.number(row, spreadColumn, high - low, book.decimal)
            }
            XLSXBook.fitHeight(sheet, row, [(grade.group, groupWidth), (statuses[index], statusWidth)])
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
        let groupWidth = XLSXBook.fittedWidth(grades.map(\.group), minimum: 20, maximum: 40)
        let criterionWidth = XLSXBook.fittedWidth(rubric.criteria.map { $0.label[language] }, minimum: 16, maximum: 36)
        book.widths(sheet, [groupWidth, criterionWidth, 10] + graders.map { _ in 16 } + [10, 60])
        sheet.freeze(1, 2)
        let gapColumn = UInt16(3 + graders.count)
        var row: UInt32 = 1
        for grade in grades {
            for criterion in grade.criteria {
                book.writeString(sheet, row, 0, grade.group, book.wrap)
                book.writeString(sheet, row, 1, criterion.criterion.label[language], book.wrap)
                if let points = criterion.points { sheet.number(row, 2, points, book.decimal) }
                let levels: [Int?] = graders.map { criterion.autoLevel ?? criterion.levels[$0] }
                for (column, level) in levels.enumerated() {
                    guard let level else { continue }
                    book.writeString(sheet, row, UInt16(3 + column), criterion.criterion.levels[level].label[language], nil)
                }
                if let high = criterion.levels.values.max(), let low = criterion.levels.values.min(), criterion.levels.count >= 2 {
                    sheet.number(row, gapColumn, Double(high - low), book.integer)
                }
                let comments = criterion.comments.map { "\($0.grader) : \($0.text)" }.joined(separator: "\n")
                if !comments.isEmpty { book.writeString(sheet, row, gapColumn + 1, comments, book.wrap) }
                XLSXBook.fitHeight(sheet, row, [(grade.group, groupWidth), (criterion.criterion.label[language], criterionWidth), (comments, 60)])
                row += 1
            }
        }
        if row > 1 {
            highlightRows(sheet, rows: 1...(row - 1), lastColumn: gapColumn, column: gapColumn, threshold: 2, highlight)
        }
    }

    private func agreement(_ book: XLSXBook, _ agreement: AgreementReport?, severity: [GraderSeverity]) {
        let sheet = book.sheet(text(.gradebookSheetAgreement))
        let widths: [Double] = [50, 12, 40]
        book.widths(sheet, widths)
        var row: UInt32 = 0
        if let agreement {
            book.writeString(sheet, row, 0, text(.gradebookAgreementTitle, ["graders": "\(agreement.graders)", "groups": "\(agreement.groups)",
                                                                                 "leftOut": "\(agreement.leftOut)"]), book.title)
            book.headerRow(sheet, row + 2, text(.gradebookAgreementColumns))
            row += 3
            for entry in agreementRows(agreement) {
                book.writeString(sheet, row, 0, entry.0, book.wrap)
                if let value = entry.1 { sheet.number(row, 1, value, book.decimal) }
                let reading = entry.2?[language] ?? "—"
                book.writeString(sheet, row, 2, reading, book.wrap)
                XLSXBook.fitHeight(sheet, row, [(entry.0, widths[0]), (reading, widths[2])])
                row += 1
            }
            row += 1
        }
        if !severity.isEmpty {
            book.writeString(sheet, row, 0, text(.gradebookSeverityTitle), book.title)
            book.headerRow(sheet, row + 1, text(.gradebookSeverityColumns))
            row += 2
            for entry in severity {
                book.writeString(sheet, row, 0, entry.grader, book.wrap)
                sheet.number(row, 1, entry.meanDifference, book.decimal)
                let reading = ReadingGuide.severity(entry)[language]
                book.writeString(sheet, row, 2, reading, book.wrap)
                XLSXBook.fitHeight(sheet, row, [(reading, widths[2])])
                row += 1
            }
            row += 1
        }
        let guide = text(.gradebookGuideSources)
        sheet.merge(row, 0, 2, "", book.wrap)
        book.writeString(sheet, row, 0, guide, book.wrap)
        XLSXBook.fitHeight(sheet, row, [(guide, widths.reduce(0, +))])
    }

    private func agreementRows(_ agreement: AgreementReport) -> [(String, Double?, Localized?)] {
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
        return rows
    }
}

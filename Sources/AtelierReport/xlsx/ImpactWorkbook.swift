import AtelierCore
import AtelierImpact
import Foundation

/// The impact workbook, written with libxlsxwriter: a project sheet, the indicators against
/// their targets, one sheet per question with its distribution and a native chart, the
/// segment tables and every excluded row. Every text is written as a string (never a formula).
public struct ImpactWorkbook: PresentsImpact {
    public let presentation: ImpactPresentation

    public init(_ presentation: ImpactPresentation) {
        self.presentation = presentation
    }

    /// Colour-blind-safe diverging colours (ColorBrewer RdBu), low to high.
    static let diverging: [UInt32] = [0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xE0E0E0, 0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC]

    static func colours(_ count: Int) -> [UInt32] {
        guard count > 1 else { return [0x4393C3] }
        return (0..<count).map { diverging[Int((Double($0) / Double(count - 1) * Double(diverging.count - 1)).rounded())] }
    }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    /// Writes the workbook at `url` (a temporary path that `OutputFile.produce` moves into place).
    /// Returns how many texts were cut to fit their cell (each ends with « […] »).
    @discardableResult
    public func write(_ report: ImpactReport, engine: IndicatorEngine, sites: [SiteReport] = [], to url: URL) throws -> Int {
        let formats = try XLSXBook(url: url, language: language)
        project(report, engine.plan, formats)
        indicators(report, formats)
        for (question, counts) in engine.distributions(report.aggregate) {
            distribution(question, counts, formats)
        }
        objectives(report, formats)
        self.sites(report, sites, formats)
        segments(report, formats)
        verbatims(report, formats)
        excluded(report, formats)
        return try formats.close()
    }

    private func project(_ report: ImpactReport, _ plan: SurveyPlan, _ formats: XLSXBook) {
        let sheet = formats.sheet(text(.xlsxSheetProject))
        sheet.column(0, 0, 90, nil)
        formats.writeString(sheet, 0, 0, plan.title, formats.title)
        let aggregate = report.aggregate
        formats.writeString(sheet, 2, 0, text(.xlsxRows, ["rows": "\(aggregate.rows)", "used": "\(aggregate.used)",
                                                              "excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)"]), nil)
        formats.writeString(sheet, 4, 0, text(.xlsxFilesRead), formats.header)
        for (index, source) in sources.enumerated() {
            formats.writeString(sheet, UInt32(5 + index), 0, "\(source.file) — \(source.method[language])", nil)
        }
        let generated = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        formats.writeString(sheet, UInt32(6 + sources.count), 0, "\(text(.xlsxGenerated)) \(generated)", nil)
        formats.writeString(sheet, UInt32(8 + sources.count), 0, Self.verbatimNote(report, listed: listsVerbatims)[language], formats.wrap)
    }

    /// Whether the report lists the open answers, in a sentence for the methods.
    static func verbatimNote(_ report: ImpactReport, listed: Bool) -> Localized {
        let count = report.aggregate.verbatims.values.map(\.count).reduce(0, +)
        return ReportMessage.text(!listed ? .verbatimsLeftOut : count == 0 ? .verbatimsNone : .verbatimsListed, ["count": "\(count)"])
    }

    /// The open answers, question by question, with the group they came from: strings, never formulas.
    private func verbatims(_ report: ImpactReport, _ formats: XLSXBook) {
        guard listsVerbatims, !report.aggregate.verbatims.isEmpty else { return }
        let sheet = formats.sheet(text(.xlsxSheetVerbatims))
        formats.headerRow(sheet, 0, text(.xlsxVerbatimColumns))
        formats.widths(sheet, [40, 20, 80])
        sheet.freeze(1, 0)
        var row: UInt32 = 1
        for question in report.plan.questions {
            for verbatim in report.aggregate.verbatims[question.id] ?? [] {
                formats.writeString(sheet, row, 0, question.text, formats.wrap)
                formats.writeString(sheet, row, 1, verbatim.group ?? "", formats.wrap)
                formats.writeString(sheet, row, 2, verbatim.text, formats.wrap)
                XLSXBook.fitHeight(sheet, row, [(question.text, 40), (verbatim.text, 80)])
                row += 1
            }
        }
    }

    private func indicators(_ report: ImpactReport, _ formats: XLSXBook) {
        let sheet = formats.sheet(text(.xlsxSheetIndicators))
        formats.headerRow(sheet, 0, text(.xlsxColumns))
        sheet.freeze(1, 0)
        formats.widths(sheet, [11.0, 40, 14, 10, 10, 10, 8, 14, 12, 50])
        for (index, result) in report.indicators.enumerated() {
            let row = UInt32(index + 1)
            let number = result.isProportion ? formats.percent : formats.decimal
            formats.writeString(sheet, row, 0, result.indicator.id, nil)
            formats.writeString(sheet, row, 1, result.indicator.label, formats.wrap)
            formats.writeString(sheet, row, 2, result.indicator.measure.rawValue, nil)
            if let value = result.value { sheet.number(row, 3, value, formats.numberFormat(of: value, proportion: result.isProportion)) }
            if let interval = result.interval {
                sheet.number(row, 4, interval.lowerBound, number)
                sheet.number(row, 5, interval.upperBound, number)
            }
            if let n = result.n { sheet.number(row, 6, n, formats.integer) }
            if let target = IndicatorWords(language: language).target(of: result) { formats.writeString(sheet, row, 7, target, nil) }
            formats.writeString(sheet, row, 8, ImpactText(language: language).statusWord(result.status), nil)
            if let note = result.note { formats.writeString(sheet, row, 9, note[language], formats.wrap) }
        }
    }

    private func distribution(_ question: SurveyPlan.Question, _ counts: [(label: Localized, count: Double)], _ formats: XLSXBook) {
        let (sheet, name) = formats.addSheet(question.id)
        sheet.column(0, 0, 36, nil)
        sheet.column(1, 2, 12, nil)
        formats.writeString(sheet, 0, 0, question.text, formats.title)
        formats.headerRow(sheet, 2, text(.xlsxDistributionColumns))
        sheet.freeze(3, 0)
        let total = counts.map(\.count).reduce(0, +)
        for (index, entry) in counts.enumerated() {
            let row = UInt32(3 + index)
            formats.writeString(sheet, row, 0, entry.label[language], nil)
            sheet.number(row, 1, entry.count, formats.integer)
            if total > 0 { sheet.number(row, 2, entry.count / total, formats.percent) }
        }
        let first = UInt32(3), last = UInt32(3 + counts.count - 1)
        // A stacked bar reads only while neighbouring levels can be told apart: up to seven; an
        // 11-level scale (0 to 10, the NPS question) is drawn as plain columns.
        let isScale: Bool = if case .scale(let scale) = question.kind { scale.levels.count <= 7 } else { false }
        let chart: XLSXChart
        if isScale {
            // One series per level over a single category: the classic stacked Likert bar.
            chart = formats.chart(.stackedPercentBar)
            for (index, colour) in Self.colours(counts.count).enumerated() {
                let row = first + UInt32(index)
                chart.series(sheet: name, rows: row...row, valueColumn: 1, nameCell: (row, 0), colour: colour)
            }
            chart.legend(.bottom)
        } else {
            chart = formats.chart(.column)
            chart.series(sheet: name, rows: first...last, valueColumn: 1, categoryColumn: 0, name: text(.xlsxAnswers), colour: 0x2166AC)
            chart.legend(.none)
        }
        chart.title(question.text)
        sheet.insert(chart, 2, 4)
    }

    /// Each indicator for each site beside the network's: n, value (none below the suppression
    /// threshold) and status.
    private func sites(_ report: ImpactReport, _ sites: [SiteReport], _ formats: XLSXBook) {
        guard !sites.isEmpty else { return }
        let sheet = formats.sheet(text(.xlsxSheetSites))
        formats.headerRow(sheet, 0, text(.xlsxSiteColumns))
        formats.widths(sheet, [8, 40, 28, 8, 12, 16])
        sheet.freeze(1, 0)
        var row: UInt32 = 1
        for result in report.indicators {
            for (name, figure) in [(text(.xlsxNetwork), (n: result.n, value: result.value, status: result.status, suppressed: false))]
                + sites.compactMap({ site in site.figure(result.indicator.id).map { (site.name, $0) } }) {
                formats.writeString(sheet, row, 0, result.indicator.id, nil)
                formats.writeString(sheet, row, 1, result.indicator.label, formats.wrap)
                formats.writeString(sheet, row, 2, name, formats.wrap)
                if let n = figure.n { sheet.number(row, 3, n, formats.integer) }
                if figure.suppressed {
                    formats.writeString(sheet, row, 4, text(.xlsxSuppressed, ["n": JSONValue.format(report.suppressBelow)]), nil)
                } else if let value = figure.value {
                    sheet.number(row, 4, value, formats.numberFormat(of: value, proportion: result.isProportion))
                }
                formats.writeString(sheet, row, 5, ImpactText(language: language).statusWord(figure.status), nil)
                row += 1
            }
        }
    }

    /// Each objective in words, with its status and the indicators that measure it.
    private func objectives(_ report: ImpactReport, _ formats: XLSXBook) {
        guard !report.objectives.isEmpty else { return }
        let sheet = formats.sheet(text(.pageObjectives))
        formats.headerRow(sheet, 0, text(.xlsxObjectiveColumns))
        formats.widths(sheet, [8, 60, 14, 50])
        sheet.freeze(1, 0)
        for (index, objective) in report.objectives.enumerated() {
            let row = UInt32(index + 1)
            let goal = report.plan.objectives.first { $0.id == objective.id }?.text ?? ""
            let measured = objective.indicators.compactMap { id in report.indicators.first { $0.indicator.id == id }.map { "\(id) \($0.indicator.label)" } }
                .joined(separator: "\n")
            formats.writeString(sheet, row, 0, objective.id, nil)
            formats.writeString(sheet, row, 1, goal, formats.wrap)
            formats.writeString(sheet, row, 2, ImpactText(language: language).statusWord(objective.status), nil)
            formats.writeString(sheet, row, 3, measured, formats.wrap)
            XLSXBook.fitHeight(sheet, row, [(goal, 60), (measured, 50)])
        }
    }

    private func segments(_ report: ImpactReport, _ formats: XLSXBook) {
        let rows = report.indicators.flatMap { result in result.segments.map { (result, $0) } }
        guard !rows.isEmpty else { return }
        let sheet = formats.sheet(text(.xlsxSheetSegments))
        formats.headerRow(sheet, 0, text(.xlsxSegmentColumns))
        sheet.freeze(1, 0)
        sheet.column(0, 2, 18, nil)
        sheet.column(5, 5, 40, nil)
        for (index, (result, segment)) in rows.enumerated() {
            let row = UInt32(index + 1)
            formats.writeString(sheet, row, 0, result.indicator.id, nil)
            formats.writeString(sheet, row, 1, report.plan.question(segment.by)?.text ?? segment.by, formats.wrap)
            formats.writeString(sheet, row, 2, segment.group, nil)
            sheet.number(row, 3, segment.n, formats.integer)
            if segment.suppressed {
                formats.writeString(sheet, row, 4, text(.xlsxSuppressed, ["n": JSONValue.format(report.suppressBelow)]), nil)
            } else if let value = segment.value {
                sheet.number(row, 4, value, formats.numberFormat(of: value, proportion: result.isProportion))
            }
            if segment.caution { formats.writeString(sheet, row, 5, text(.xlsxCaution, ["n": JSONValue.format(report.cautionBelow)]), nil) }
        }
    }

    private func excluded(_ report: ImpactReport, _ formats: XLSXBook) {
        let sheet = formats.sheet(text(.xlsxSheetExcluded))
        formats.headerRow(sheet, 0, text(.xlsxExcludedColumns))
        sheet.freeze(1, 0)
        formats.widths(sheet, [40.0, 8, 36, 24, 50])
        let aggregate = report.aggregate
        let listed = aggregate.excluded.examples + aggregate.problems.examples
        for (index, problem) in listed.enumerated() {
            let row = UInt32(index + 1)
            formats.writeString(sheet, row, 0, problem.file, nil)
            sheet.number(row, 1, Double(problem.row), formats.integer)
            if let column = problem.column { formats.writeString(sheet, row, 2, column, nil) }
            if let value = problem.value { formats.writeString(sheet, row, 3, value, nil) }
            formats.writeString(sheet, row, 4, problem.reason[language], formats.wrap)
        }
        let omitted = aggregate.excluded.omitted + aggregate.problems.omitted
        guard omitted > 0 else { return }
        // Beyond the rows kept, each kind's count: every row is accounted for, none is listed twice.
        var row = UInt32(listed.count + 2)
        formats.writeString(sheet, row, 0, text(.xlsxNotListed, ["count": "\(omitted)", "kept": "\(ProblemList.kept)"]), formats.wrap)
        for kind in RowProblem.Kind.allCases {
            let count = aggregate.excluded.count(of: kind) + aggregate.problems.count(of: kind)
            guard count > 0 else { continue }
            row += 1
            formats.writeString(sheet, row, 0, ProblemWords.kind(kind)[language], nil)
            sheet.number(row, 1, Double(count), formats.integer)
        }
    }
}

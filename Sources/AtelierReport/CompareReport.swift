import AtelierCore
import AtelierImpact
import Foundation

/// The comparison of two waves (`atelier compare`): JSON, a text summary, a workbook and a page.
/// Values and differences of shares are written as percentages in the text and page, fractions
/// in JSON; an indicator that is not comparable says why, everywhere.
public struct CompareReport: Sendable {
    public let old: Wave
    public let new: Wave
    public let comparisons: [IndicatorComparison]
    public let language: Language

    public init(old: Wave, new: Wave, language: Language) {
        self.old = old
        self.new = new
        self.language = language
        comparisons = WaveCompare.compare(old, new)
    }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    /// A difference as the reports show it: in percentage points for shares (« +7,5 pt »), with
    /// two decimals otherwise.
    func shown(_ value: Double?, _ comparison: IndicatorComparison, signed: Bool = false) -> String {
        guard let value else { return "—" }
        let number = comparison.isProportion ? value * 100 : value
        let sign = signed && number > 0 ? "+" : ""
        let decimals = comparison.isProportion || comparison.measure == .nps ? 1 : 2
        return sign + language.number(number, decimals: decimals) + (comparison.isProportion ? " pt" : "")
    }

    /// A wave's value: a share in percent, other measures with two decimals.
    private func percent(_ value: Double?, _ comparison: IndicatorComparison) -> String {
        guard let value else { return "—" }
        if comparison.measure == .nps { return shown(value, comparison, signed: true) }
        return comparison.isProportion ? language.percent(value, decimals: 1) : language.number(value, decimals: 2)
    }

    public func json() -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object([
            ("old", .string(old.file)), ("new", .string(new.file)),
            ("indicators", .array(comparisons.map { comparison in
                .object([
                    ("id", .string(comparison.id)), ("label", .string(comparison.label)), ("measure", .string(comparison.measure.rawValue)),
                    ("old", number(comparison.old)), ("new", number(comparison.new)), ("difference", number(comparison.result?.difference)),
                    ("ci", comparison.result?.interval.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
                    ("p", number(comparison.result?.p)), ("comparable", .bool(comparison.comparable)),
                    ("reason", comparison.reason.map { .string($0[language]) } ?? .null),
                ])
            })),
        ])
    }

    public func summary() -> String {
        let safe = TerminalText.safe
        var output = text(.compareHeading, ["title": safe(new.title), "old": safe(old.file), "new": safe(new.file)]) + "\n"
        for comparison in comparisons {
            let label = safe(comparison.label)
            guard comparison.comparable, let result = comparison.result else {
                output += text(.compareNotComparable, ["id": comparison.id, "label": label, "reason": safe(comparison.reason?[language] ?? "")]) + "\n"
                continue
            }
            let values = ["id": comparison.id, "label": label, "old": percent(comparison.old, comparison), "new": percent(comparison.new, comparison),
                          "difference": shown(result.difference, comparison, signed: true)]
            if let interval = result.interval, let p = result.p {
                output += text(.compareLine, values.merging(["low": shown(interval.lowerBound, comparison, signed: true),
                                                             "high": shown(interval.upperBound, comparison, signed: true),
                                                             "p": language.number(p, decimals: 3)]) { $1 }) + "\n"
            } else {
                output += text(.compareLineNoTest, values.merging(["reason": comparison.reason?[language] ?? ""]) { $1 }) + "\n"
            }
        }
        return output
    }

    /// Returns how many texts were cut to fit their cell.
    @discardableResult
    public func workbook(to url: URL) throws -> Int {
        let book = try XLSXBook(url: url, language: language)
        let sheet = book.sheet(text(.compareTitle))
        book.writeString(sheet, 0, 0, new.title, book.title)
        book.headerRow(sheet, 2, text(.compareColumns))
        book.widths(sheet, [10, 36, 12, 10, 10, 10, 12, 12, 8, 11, 50])
        for (index, comparison) in comparisons.enumerated() {
            let row = UInt32(3 + index)
            let format = comparison.isProportion ? book.percent : book.decimal
            book.writeString(sheet, row, 0, comparison.id, nil)
            book.writeString(sheet, row, 1, comparison.label, book.wrap)
            book.writeString(sheet, row, 2, comparison.measure.rawValue, nil)
            for (column, value) in [(3, comparison.old), (4, comparison.new), (5, comparison.result?.difference),
                                    (6, comparison.result?.interval?.lowerBound), (7, comparison.result?.interval?.upperBound)] {
                if let value { sheet.number(row, UInt16(column), value, format) }
            }
            if let p = comparison.result?.p { sheet.number(row, 8, p, book.decimal) }
            book.writeString(sheet, row, 9, text(comparison.comparable ? .compareYes : .compareNo), nil)
            if let reason = comparison.reason { book.writeString(sheet, row, 10, reason[language], book.wrap) }
            XLSXBook.fitHeight(sheet, row, [(comparison.label, 36), (comparison.reason?[language] ?? "", 50)])
        }
        book.writeString(sheet, UInt32(4 + comparisons.count), 0, text(.compareMethod), book.wrap)
        return try book.close()
    }

    public func html() -> String {
        let title = "\(text(.compareTitle)) — \(new.title)"
        let heading = text(.compareColumns).split(separator: "|").map { HTMLNode.element("th", ["scope": "col"], [.text(String($0))]) }
        let rows = comparisons.flatMap { comparison -> [HTMLNode] in
            let result = comparison.result
            let figures = [percent(comparison.old, comparison), percent(comparison.new, comparison),
                           comparison.comparable ? shown(result?.difference, comparison, signed: true) : "—",
                           shown(result?.interval?.lowerBound, comparison, signed: true), shown(result?.interval?.upperBound, comparison, signed: true),
                           result?.p.map { language.number($0, decimals: 3) } ?? "—"]
            let cells: [HTMLNode] = [.element("td", [:], [.text(comparison.id)]), .element("td", ["dir": "auto"], [.text(comparison.label)]),
                                     .element("td", [:], [.text(comparison.measure.rawValue)])]
                + figures.map { .element("td", ["class": "n"], [.text($0)]) }
                + [.element("td", [:], [.text(text(comparison.comparable ? .compareYes : .compareNo))]),
                   .element("td", ["dir": "auto"], [.text(comparison.reason?[language] ?? "")])]
            return [.element("tr", attributes: [("class", comparison.comparable ? nil : "no")], cells), HTMLNode.newline]
        }
        let head: [HTMLNode] = [.element("meta", ["charset": "utf-8"]), .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                                .element("title", [:], [.text(title)]), .element("style", [:], [.trusted(Self.style)])]
        let body: [HTMLNode] = [HTMLNode.newline, .element("h1", ["dir": "auto"], [.text(title)]), HTMLNode.newline,
                                .element("p", ["dir": "auto"], [.text("\(old.file) → \(new.file)")]), HTMLNode.newline,
                                .element("table", [:], [.element("thead", [:], [.element("tr", [:], heading)]), .element("tbody", [:], [HTMLNode.newline] + rows)]), HTMLNode.newline,
                                .element("p", [:], [.text(text(.compareMethod))]), HTMLNode.newline]
        return "<!DOCTYPE html>\n" + HTMLNode.element("html", ["lang": language.rawValue], [.element("head", [:], head), .element("body", [:], body)]).rendered + "\n"
    }

    private static let style = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
        + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}"
        + ".no{background:#f4f4f4}@media print{body{margin:0}}"
}

import AtelierCore
import CXLSXWriter
import Foundation

/// A libxlsxwriter workbook with the formats Atelier's workbooks share (title, header, percent in
/// the reader's language, decimals, integers, wrapped text), closed into a typed error. This file
/// is the only one that speaks to libxlsxwriter: the writers use `Sheet`, `Format` and `Chart`.
struct XLSXBook {
    typealias Sheet = XLSXSheet
    typealias Format = XLSXFormat

    private let handle: Handle
    let title, header, percent, decimal, integer, wrap: Format
    private var record: Handle { handle }

    /// The workbook's C handle, and what the book remembers while it is written: the sheet names
    /// given so far (compared as Excel compares them, ignoring case) and how many texts had to be
    /// cut. A book dropped before `close` (an error while writing) is freed, not leaked.
    private final class Handle {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        var usedNames = Set<String>()
        var cutCells = 0
        var closed = false

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
        }

        deinit {
            if !closed { lxw_workbook_free(workbook) }
        }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> { handle.workbook }

    /// Texts longer than a cell holds, cut with `cutMarker` at their end.
    var cutCells: Int { record.cutCells }

    /// The most characters a cell holds (Excel's limit).
    static let cellLimit = 32_767
    static let cutMarker = " […]"

    /// A new workbook at `url` (a temporary path that `OutputFile.produce` moves into place).
    init(url: URL, language: Language) throws {
        guard let workbook = workbook_new(url.path) else { throw CocoaError(.fileWriteUnknown) }
        handle = Handle(workbook)
        let make = { XLSXFormat(pointer: workbook_add_format(workbook)!) }
        title = make().bold().size(14)
        header = make().bold().background(0xE7E6E6).wrapped()
        percent = make().numbers(language == .fr ? "0.0\\ %" : "0.0%")
        decimal = make().numbers("0.00")
        integer = make().numbers("0")
        wrap = make().wrapped().top()
    }

    /// A new format (for the few a workbook needs beyond the shared ones).
    func format() -> Format {
        XLSXFormat(pointer: workbook_add_format(workbook)!)
    }

    /// A chart of the values of `sheetName`, to insert in a sheet.
    func chart(_ kind: XLSXChart.Kind) -> XLSXChart {
        let type = switch kind {
        case .stackedPercentBar: LXW_CHART_BAR_STACKED_PERCENT
        case .column: LXW_CHART_COLUMN
        }
        return XLSXChart(pointer: workbook_add_chart(workbook, UInt8(type.rawValue))!)
    }

    /// A new sheet. It prints on A4 in landscape, one page wide (as many long as it needs).
    func sheet(_ wanted: String) -> Sheet {
        addSheet(wanted).sheet
    }

    /// A new sheet and the name it got: `wanted` made acceptable to Excel (31 characters at
    /// most, none of `[]:*?/\`, no apostrophe at either end, not blank, not « History ») and
    /// different from every sheet before it, ignoring case (« Q1 (2) »): whatever ids, graders or
    /// translations the names come from, two sheets never collide.
    func addSheet(_ wanted: String) -> (sheet: Sheet, name: String) {
        let base = Self.validName(wanted)
        var name = base, copy = 1
        while record.usedNames.contains(name.lowercased()) || name.lowercased() == "history" {
            copy += 1
            let suffix = " (\(copy))"
            name = base.prefix(31 - suffix.count).trimmingCharacters(in: .whitespaces) + suffix
        }
        record.usedNames.insert(name.lowercased())
        let sheet = workbook_add_worksheet(workbook, name)!
        worksheet_set_paper(sheet, 9)
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        return (XLSXSheet(pointer: sheet), name)
    }

    /// The format for a measured value: a percent for a proportion, no decimals for a whole
    /// number (a count), two otherwise.
    func numberFormat(of value: Double, proportion: Bool) -> Format {
        proportion ? percent : value == value.rounded() ? integer : decimal
    }

    static func validName(_ name: String) -> String {
        var cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(31))
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "?" : trimmed
    }

    /// Writes `text` as a string cell (never a formula). A NUL, which would cut the C string,
    /// and the other characters XML cannot hold (controls, U+FFFE, U+FFFF) read as U+FFFD; tab
    /// and line ends stay. A text longer than a cell holds is cut, with « […] » at its end, and
    /// counted (`cutCells`), never left out.
    func writeString(_ sheet: Sheet, _ row: UInt32, _ column: UInt16, _ text: String, _ format: Format?) {
        let unfit = { (scalar: Unicode.Scalar) in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        var safe = text.unicodeScalars.contains(where: unfit)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { unfit($0) ? "\u{FFFD}" : $0 }))
            : text
        if safe.unicodeScalars.count > Self.cellLimit {
            safe = String(String.UnicodeScalarView(safe.unicodeScalars.prefix(Self.cellLimit - Self.cutMarker.unicodeScalars.count))) + Self.cutMarker
            record.cutCells += 1
        }
        worksheet_write_string(sheet.pointer, row, column, safe, format?.pointer)
    }

    /// A drop-down in `column`, rows `rows`, offering the cells `source` names (a formula such
    /// as `='Barème'!$C$2:$C$5`).
    static func listValidation(_ sheet: Sheet, rows: ClosedRange<UInt32>, column: UInt16, source: String) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        source.withCString { pointer in
            validation.value_formula = UnsafeMutablePointer(mutating: pointer)
            worksheet_data_validation_range(sheet.pointer, rows.lowerBound, column, rows.upperBound, column, &validation)
        }
    }

    /// Writes `titles` (separated by `|`, as the catalogues hold them) in bold on `row`.
    func headerRow(_ sheet: Sheet, _ row: UInt32, _ titles: String) {
        for (column, title) in titles.split(separator: "|").enumerated() {
            writeString(sheet, row, UInt16(column), String(title), header)
        }
    }

    /// Sets the widths of the first columns.
    func widths(_ sheet: Sheet, _ widths: [Double]) {
        for (column, width) in widths.enumerated() {
            sheet.column(UInt16(column), UInt16(column), width, nil)
        }
    }

    /// Sets `row`'s height so that every wrapped text in it shows whole, in LibreOffice as in
    /// Excel (neither grows a row written by a program): `cells` are each text with its column's
    /// width in characters.
    static func fitHeight(_ sheet: Sheet, _ row: UInt32, _ cells: [(text: String, width: Double)]) {
        let lines = cells.map { cell in
            cell.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                max(1, Int((Double(line.count) * 1.1 / max(1, cell.width - 1)).rounded(.up)))
            }.reduce(0, +)
        }.max() ?? 1
        if lines > 1 { worksheet_set_row(sheet.pointer, row, 15 * Double(min(lines, 27)), nil) }
    }

    /// A column width in characters that fits the longest of `texts`, between `minimum` and `maximum`.
    static func fittedWidth(_ texts: [String], minimum: Double, maximum: Double) -> Double {
        min(maximum, max(minimum, Double(texts.map(\.count).max() ?? 0) + 2))
    }

    /// Writes the file; returns how many texts had to be cut to fit their cell.
    @discardableResult
    func close() throws -> Int {
        handle.closed = true
        let status = Self.quietly { workbook_close(workbook) }
        guard status == LXW_NO_ERROR else {
            throw NSError(domain: "libxlsxwriter", code: Int(status.rawValue), userInfo: [NSLocalizedDescriptionKey: String(cString: lxw_strerror(status))])
        }
        return record.cutCells
    }

    /// Runs `body` with the library's own error lines kept off the terminal: the failure comes
    /// back as a status, which the caller turns into one sentence in the user's language.
    private static func quietly<Result>(_ body: () -> Result) -> Result {
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY)
        if saved >= 0, null >= 0 { dup2(null, STDERR_FILENO) }
        defer {
            fflush(nil)
            if saved >= 0 { dup2(saved, STDERR_FILENO); Glibc.close(saved) }
            if null >= 0 { Glibc.close(null) }
        }
        return body()
    }
}

/// A sheet of an `XLSXBook`: cells, columns, panes, comments and protection.
struct XLSXSheet {
    fileprivate let pointer: UnsafeMutablePointer<lxw_worksheet>

    func number(_ row: UInt32, _ column: UInt16, _ value: Double, _ format: XLSXFormat?) {
        worksheet_write_number(pointer, row, column, value, format?.pointer)
    }

    func blank(_ row: UInt32, _ column: UInt16, _ format: XLSXFormat?) {
        worksheet_write_blank(pointer, row, column, format?.pointer)
    }

    /// The width (in characters) of columns `first` to `last`.
    func column(_ first: UInt16, _ last: UInt16, _ width: Double, _ format: XLSXFormat?) {
        worksheet_set_column(pointer, first, last, width, format?.pointer)
    }

    /// Keeps the rows above `row` and the columns left of `column` in view.
    func freeze(_ row: UInt32, _ column: UInt16) {
        worksheet_freeze_panes(pointer, row, column)
    }

    func comment(_ row: UInt32, _ column: UInt16, _ text: String) {
        worksheet_write_comment(pointer, row, column, text)
    }

    /// Only unlocked cells can be changed.
    func protect() {
        worksheet_protect(pointer, nil, nil)
    }

    func merge(_ row: UInt32, _ first: UInt16, _ last: UInt16, _ text: String, _ format: XLSXFormat?) {
        worksheet_merge_range(pointer, row, first, row, last, text, format?.pointer)
    }

    func insert(_ chart: XLSXChart, _ row: UInt32, _ column: UInt16) {
        worksheet_insert_chart(pointer, row, column, chart.pointer)
    }

    /// Applies `format` to the rows of `rows` (columns 0 to `lastColumn`) where `formula` holds.
    func highlight(rows: ClosedRange<UInt32>, lastColumn: UInt16, where formula: String, _ format: XLSXFormat) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        formula.withCString { text in
            rule.value_string = UnsafeMutablePointer(mutating: text)
            rule.format = format.pointer
            worksheet_conditional_format_range(pointer, rows.lowerBound, 0, rows.upperBound, lastColumn, &rule)
        }
    }
}

/// A cell format of an `XLSXBook`, set up by chaining.
struct XLSXFormat {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>

    @discardableResult func bold() -> XLSXFormat { format_set_bold(pointer); return self }
    @discardableResult func size(_ points: Double) -> XLSXFormat { format_set_font_size(pointer, points); return self }
    @discardableResult func background(_ colour: UInt32) -> XLSXFormat { format_set_bg_color(pointer, colour); return self }
    @discardableResult func wrapped() -> XLSXFormat { format_set_text_wrap(pointer); return self }
    @discardableResult func top() -> XLSXFormat { format_set_align(pointer, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)); return self }
    @discardableResult func numbers(_ pattern: String) -> XLSXFormat { format_set_num_format(pointer, pattern); return self }
    /// A cell a protected sheet still lets one fill.
    @discardableResult func unlocked() -> XLSXFormat { format_set_unlocked(pointer); return self }
}

/// A chart of an `XLSXBook`: series read from a sheet's cells, a legend, a title.
struct XLSXChart {
    enum Kind { case stackedPercentBar, column }
    enum Legend { case bottom, none }

    fileprivate let pointer: UnsafeMutablePointer<lxw_chart>

    /// A series of the values in `sheet`'s column `valueColumn`, rows `rows`, named by a cell or
    /// a text, with its categories from `categoryColumn` when given, filled with `colour`.
    func series(sheet: String, rows: ClosedRange<UInt32>, valueColumn: UInt16, categoryColumn: UInt16? = nil,
                nameCell: (row: UInt32, column: UInt16)? = nil, name: String? = nil, colour: UInt32) {
        let series = chart_add_series(pointer, nil, nil)!
        if let categoryColumn { chart_series_set_categories(series, sheet, rows.lowerBound, categoryColumn, rows.upperBound, categoryColumn) }
        chart_series_set_values(series, sheet, rows.lowerBound, valueColumn, rows.upperBound, valueColumn)
        if let nameCell { chart_series_set_name_range(series, sheet, nameCell.row, nameCell.column) }
        if let name { chart_series_set_name(series, name) }
        var fill = lxw_chart_fill(color: colour, none: 0, transparency: 0)
        chart_series_set_fill(series, &fill)
    }

    func legend(_ position: Legend) {
        let value = switch position {
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .none: LXW_CHART_LEGEND_NONE
        }
        chart_legend_set_position(pointer, UInt8(value.rawValue))
    }

    func title(_ text: String) {
        chart_title_set_name(pointer, text)
    }
}

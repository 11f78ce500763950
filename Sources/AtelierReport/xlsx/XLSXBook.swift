import AtelierCore
import CXLSXWriter
import Foundation

/// A libxlsxwriter workbook with the formats Atelier's workbooks share (title, header, percent in
/// the reader's language, decimals, integers, wrapped text), closed into a typed error.
struct XLSXBook {
    typealias Sheet = UnsafeMutablePointer<lxw_worksheet>
    typealias Format = UnsafeMutablePointer<lxw_format>

    let workbook: UnsafeMutablePointer<lxw_workbook>
    let title, header, percent, decimal, integer, wrap: Format
    private let record = Record()

    /// What the book remembers while it is written: the sheet names given so far (compared as
    /// Excel compares them, ignoring case) and how many texts had to be cut.
    private final class Record {
        var usedNames = Set<String>()
        var cutCells = 0
    }

    /// Texts longer than a cell holds, cut with `cutMarker` at their end.
    var cutCells: Int { record.cutCells }

    /// The most characters a cell holds (Excel's limit).
    static let cellLimit = 32_767
    static let cutMarker = " […]"

    /// A new workbook at `url` (a temporary path that `OutputFile.produce` moves into place).
    init(url: URL, language: Language) throws {
        guard let workbook = workbook_new(url.path) else { throw CocoaError(.fileWriteUnknown) }
        self.workbook = workbook
        title = workbook_add_format(workbook)!
        format_set_bold(title)
        format_set_font_size(title, 14)
        header = workbook_add_format(workbook)!
        format_set_bold(header)
        format_set_bg_color(header, 0xE7E6E6)
        format_set_text_wrap(header)
        percent = workbook_add_format(workbook)!
        format_set_num_format(percent, language == .fr ? "0.0\\ %" : "0.0%")
        decimal = workbook_add_format(workbook)!
        format_set_num_format(decimal, "0.00")
        integer = workbook_add_format(workbook)!
        format_set_num_format(integer, "0")
        wrap = workbook_add_format(workbook)!
        format_set_text_wrap(wrap)
        format_set_align(wrap, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    /// A new format (for the few a workbook needs beyond the shared ones).
    func format() -> Format {
        workbook_add_format(workbook)!
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
        return (sheet, name)
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
        worksheet_write_string(sheet, row, column, safe, format)
    }

    /// A drop-down in `column`, rows `rows`, offering the cells `source` names (a formula such
    /// as `='Barème'!$C$2:$C$5`).
    static func listValidation(_ sheet: Sheet, rows: ClosedRange<UInt32>, column: UInt16, source: String) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        source.withCString { pointer in
            validation.value_formula = UnsafeMutablePointer(mutating: pointer)
            worksheet_data_validation_range(sheet, rows.lowerBound, column, rows.upperBound, column, &validation)
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
            worksheet_set_column(sheet, UInt16(column), UInt16(column), width, nil)
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
        if lines > 1 { worksheet_set_row(sheet, row, 15 * Double(min(lines, 27)), nil) }
    }

    /// A column width in characters that fits the longest of `texts`, between `minimum` and `maximum`.
    static func fittedWidth(_ texts: [String], minimum: Double, maximum: Double) -> Double {
        min(maximum, max(minimum, Double(texts.map(\.count).max() ?? 0) + 2))
    }

    /// Writes the file; returns how many texts had to be cut to fit their cell.
    @discardableResult
    func close() throws -> Int {
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

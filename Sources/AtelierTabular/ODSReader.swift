import AtelierCore
import Foundation

/// OpenDocument spreadsheets (LibreOffice, common in French public bodies): the first table,
/// or the one named. Repeated rows and cells are expanded (bounded), trailing empty ones are
/// not; numbers, booleans and dates are read from their values, text from its paragraphs.
public struct ODSReader: TableReader {
    /// Rows a file may make by repetition, in all (a repeated row of answers is a copy: beyond
    /// this, a small file would stand for millions of rows).
    public static let maxRepeat = 100_000

    public let file: String
    public let sheet: String
    public private(set) var header: [String] = []
    private var scanner: XMLScanner
    private var pending: [TableRow] = []
    private var rowNumber = 0
    private var repeatedRows = 0

    public init(path: String, sheet requested: String? = nil) throws(TableError) {
        try self.init(archive: SpreadsheetArchive(path: path), sheet: requested)
    }

    /// The table `requested` (the first by default) of a package already opened.
    init(archive: SpreadsheetArchive, sheet requested: String?) throws(TableError) {
        let path = archive.file
        file = path
        var scanner = XMLScanner(bytes: try archive.bytes("content.xml"))
        var names: [String] = []
        var found: String?
        while found == nil, let event = try scanner.next() {
            if case let .start("table:table", attributes, _) = event {
                let name = attributes["table:name"] ?? ""
                names.append(name)
                if requested == nil || requested == name { found = name }
            }
        }
        guard let found else { throw TableError(file: path, kind: .noSuchSheet(requested ?? "", available: names)) }
        sheet = found
        self.scanner = scanner
        guard let first = try nextRow() else { throw TableError(file: path, kind: .empty) }
        header = first.cells
    }

    /// The names of the package's tables, in order.
    static func sheetNames(in archive: SpreadsheetArchive) throws(TableError) -> [String] {
        var scanner = XMLScanner(bytes: try archive.bytes("content.xml"))
        var names: [String] = []
        while let event = try scanner.next() {
            if case let .start("table:table", attributes, _) = event { names.append(attributes["table:name"] ?? "") }
        }
        return names
    }

    public var description: Localized {
        Localized(fr: "OpenDocument (.ods), feuille « \(sheet) »", en: "OpenDocument (.ods), sheet « \(sheet) »")
    }

    public mutating func nextRow() throws(TableError) -> TableRow? {
        while pending.isEmpty {
            guard try readRows() else { return nil }
        }
        return pending.removeFirst()
    }

    /// Reads one `table:table-row` element into `pending` (several when it is repeated);
    /// false at the end of the table.
    private mutating func readRows() throws(TableError) -> Bool {
        var cells: [String] = []
        var repeatRows = 1
        var cell: (text: String, repeatCount: Int, value: String?)?
        var paragraphs = 0
        var inRow = false
        while let event = try scanner.next() {
            switch event {
            case .end("table:table"):
                return false
            case .start("table:table-row", let attributes, let selfClosing):
                repeatRows = try count(attributes["table:number-rows-repeated"], "table:number-rows-repeated")
                cells = []
                inRow = !selfClosing
                if selfClosing { skipRows(repeatRows) }
            case .start(let name, let attributes, let selfClosing) where inRow && (name == "table:table-cell" || name == "table:covered-table-cell"):
                let repeatCount = try count(attributes["table:number-columns-repeated"], "table:number-columns-repeated")
                let value = attributes["office:value"] ?? attributes["office:boolean-value"] ?? attributes["office:date-value"] ?? attributes["office:time-value"]
                if selfClosing {
                    append(value ?? "", repeatCount, to: &cells)
                } else {
                    cell = ("", repeatCount, value)
                    paragraphs = 0
                }
            case .start("text:p", _, _) where cell != nil:
                if paragraphs > 0 { cell?.text += "\n" }
                paragraphs += 1
            case .start("text:s", let attributes, _) where cell != nil:
                cell?.text += String(repeating: " ", count: attributes["text:c"].flatMap(Int.init) ?? 1)
            case .start("text:tab", _, _) where cell != nil:
                cell?.text += "\t"
            case .start("text:line-break", _, _) where cell != nil:
                cell?.text += "\n"
            case .text(let text) where cell != nil:
                cell?.text += text
                if (cell?.text.utf8.count ?? 0) > CSVReader.maxFieldBytes {
                    throw TableError(file: file, kind: .fieldTooLong(limit: CSVReader.maxFieldBytes), row: rowNumber + 1, column: cells.count + 1)
                }
            case .end(let name) where name == "table:table-cell" || name == "table:covered-table-cell":
                if let finished = cell { append(finished.value ?? finished.text, finished.repeatCount, to: &cells) }
                cell = nil
            case .end("table:table-row"):
                while cells.last?.isEmpty == true { cells.removeLast() }
                if cells.isEmpty {
                    skipRows(repeatRows)
                    return true
                }
                repeatedRows += min(repeatRows, Self.maxRepeat + 1) - 1
                guard repeatRows <= XLSXReader.maxRow - rowNumber else {
                    throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveRowPastEnd, ["limit": "\(XLSXReader.maxRow)"])), row: rowNumber + 1)
                }
                guard repeatedRows <= Self.maxRepeat else {
                    throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveRowRepeated, [
                        "count": "\(repeatRows)", "limit": "\(Self.maxRepeat)",
                    ])), row: rowNumber + 1)
                }
                for _ in 0..<repeatRows {
                    rowNumber += 1
                    pending.append(TableRow(number: rowNumber, cells: cells))
                }
                return true
            default:
                break
            }
        }
        return false
    }

    /// Empty rows, however many are declared, only move the numbering, within a sheet's rows.
    private mutating func skipRows(_ count: Int) {
        rowNumber += min(count, XLSXReader.maxRow - rowNumber)
    }

    /// A repeat count as the attribute `name` gives it (1 when absent); anything but a whole
    /// number from 1 up is damage.
    private func count(_ text: String?, _ name: String) throws(TableError) -> Int {
        guard let text else { return 1 }
        guard let value = Int(text), value >= 1 else {
            throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveBadRepeat, ["attribute": name, "value": text])), row: rowNumber + 1)
        }
        return value
    }

    /// Appends a cell `count` times; a repeated empty cell only matters if something follows
    /// it, so it is expanded within the column limit.
    private func append(_ text: String, _ count: Int, to cells: inout [String]) {
        let room = max(0, CSVReader.maxColumns - cells.count)
        cells += Array(repeating: text, count: min(count, room))
    }
}

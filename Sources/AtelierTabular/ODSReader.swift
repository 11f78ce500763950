import AtelierCore
import Foundation

/// OpenDocument spreadsheets (LibreOffice, common in French public bodies): the first table,
/// or the one named. Repeated rows and cells are expanded (bounded), trailing empty ones are
/// not; numbers, booleans and dates are read from their values, text from its paragraphs.
public struct ODSReader: TableReader {
    public static let maxRepeat = 100_000

    public let file: String
    public let sheet: String
    public private(set) var header: [String] = []
    private var scanner: XMLScanner
    private var pending: [TableRow] = []
    private var rowNumber = 0

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
                repeatRows = attributes["table:number-rows-repeated"].flatMap(Int.init) ?? 1
                cells = []
                inRow = !selfClosing
                if selfClosing { rowNumber += repeatRows }
            case .start(let name, let attributes, let selfClosing) where inRow && (name == "table:table-cell" || name == "table:covered-table-cell"):
                let repeatCount = attributes["table:number-columns-repeated"].flatMap(Int.init) ?? 1
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
            case .end(let name) where name == "table:table-cell" || name == "table:covered-table-cell":
                if let finished = cell { append(finished.value ?? finished.text, finished.repeatCount, to: &cells) }
                cell = nil
            case .end("table:table-row"):
                while cells.last?.isEmpty == true { cells.removeLast() }
                if cells.isEmpty {
                    rowNumber += repeatRows
                    return true
                }
                guard repeatRows <= Self.maxRepeat else {
                    throw TableError(file: file, kind: .malformedArchive(Catalogue.text(.archiveRowRepeated, ["count": "\(repeatRows)"])), row: rowNumber + 1)
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

    /// Appends a cell `count` times; a repeated empty cell only matters if something follows
    /// it, so it is expanded within the column limit.
    private func append(_ text: String, _ count: Int, to cells: inout [String]) {
        let room = max(0, CSVReader.maxColumns - cells.count)
        cells += Array(repeating: text, count: min(count, room))
    }
}

import AtelierCore
import Foundation

/// Excel workbooks (Microsoft Forms, LimeSurvey, KoboToolbox exports): the first sheet, or
/// the one named; shared strings, inline strings, numbers, booleans; empty cells the XML
/// leaves out come back empty; formulas are not evaluated (their cached value is read).
/// Rows are numbered as Excel shows them.
public struct XLSXReader: TableReader {
    public static let maxSharedStrings = 2_000_000
    /// The shared-string table's text, in all: past it, a small zipped file would fill memory.
    public static let maxSharedBytes = 64 << 20
    /// Excel's last row: a row numbered otherwise is damage, not data.
    public static let maxRow = 1_048_576

    public let file: String
    public let sheet: String
    public private(set) var header: [String] = []
    private var scanner: XMLScanner
    private let sharedStrings: [String]
    private var previousRow = 0
    private var sheetEnded = false

    public init(path: String, sheet requested: String? = nil) throws(TableError) {
        try self.init(archive: SpreadsheetArchive(path: path), sheet: requested)
    }

    /// The sheet `requested` (the first by default) of a package already opened.
    init(archive: SpreadsheetArchive, sheet requested: String?) throws(TableError) {
        let path = archive.file
        file = path
        let sheets = try Self.sheets(in: archive).compactMap { sheet in sheet.relation.map { (name: sheet.name, relation: $0) } }
        var targets: [String: String] = [:]
        for case let .start(name, attributes, _) in try archive.events("xl/_rels/workbook.xml.rels") where name == "Relationship" {
            if let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        guard let chosen = requested.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            throw TableError(file: path, kind: .noSuchSheet(requested ?? "", available: sheets.map(\.name)))
        }
        guard let target = targets[chosen.relation] else {
            throw TableError(file: path, kind: .malformedArchive(TabularMessage.text(.archiveNoSheetPart, ["sheet": chosen.name])))
        }
        sheet = chosen.name
        sharedStrings = try Self.readSharedStrings(archive, file: path)
        scanner = XMLScanner(bytes: try archive.bytes(target))
        guard let first = try readRow() else { throw TableError(file: path, kind: .empty) }
        header = first.cells
    }

    /// The names of a workbook's sheets, in order.
    public static func sheetNames(path: String) throws(TableError) -> [String] {
        try sheetNames(in: SpreadsheetArchive(path: path))
    }

    static func sheetNames(in archive: SpreadsheetArchive) throws(TableError) -> [String] {
        try sheets(in: archive).map(\.name)
    }

    /// The sheets the workbook part lists, with the relation that locates each one's part.
    private static func sheets(in archive: SpreadsheetArchive) throws(TableError) -> [(name: String, relation: String?)] {
        try archive.events("xl/workbook.xml").compactMap { event in
            guard case let .start("sheet", attributes, _) = event, let name = attributes["name"] else { return nil }
            return (name, attributes["r:id"])
        }
    }

    public var description: Localized {
        Localized(fr: "Excel (.xlsx), feuille « \(sheet) »", en: "Excel (.xlsx), sheet « \(sheet) »")
    }

    private static func readSharedStrings(_ archive: SpreadsheetArchive, file: String) throws(TableError) -> [String] {
        guard archive.contains("xl/sharedStrings.xml") else { return [] }
        var scanner = XMLScanner(bytes: try archive.bytes("xl/sharedStrings.xml"))
        var strings: [String] = []
        var total = 0
        var current: String?
        var inText = false
        while let event = try scanner.next() {
            switch event {
            case .start("si", _, _): current = ""
            case .start("t", _, let selfClosing): inText = !selfClosing
            case .end("t"): inText = false
            case .text(let text) where inText:
                current? += text
                if (current?.utf8.count ?? 0) > CSVReader.maxFieldBytes {
                    throw TableError(file: file, kind: .fieldTooLong(limit: CSVReader.maxFieldBytes))
                }
            case .end("si"):
                let string = unescaped(current ?? "")
                total += string.utf8.count
                if total > maxSharedBytes {
                    throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveSharedBytes, ["limit": "\(maxSharedBytes)"])))
                }
                strings.append(string)
                current = nil
                if strings.count > maxSharedStrings {
                    throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveSharedStrings, ["limit": "\(maxSharedStrings)"])))
                }
            default: break
            }
        }
        return strings
    }

    public mutating func nextRow() throws(TableError) -> TableRow? {
        try readRow()
    }

    /// The next row with a value: the sheet's tags taken apart where they lie (no String per tag),
    /// a String made for each cell's value only.
    private mutating func readRow() throws(TableError) -> TableRow? {
        var number: Int?
        var cells: [String] = []
        var column = 0
        var type = CellType.number
        var value = ""
        var capturing = false
        var formula = false, cached = false
        while let token = try scanner.nextToken() {
            switch token {
            case .end(let name) where scanner.name(name, is: "sheetData"):
                sheetEnded = true
            case .start(let name, let selfClosing) where scanner.name(name, is: "row"):
                let written = scanner.attribute("r")
                let declared = written.map { scanner.integer($0) }
                guard let next = declared ?? (previousRow + 1), (previousRow + 1...Self.maxRow).contains(next) else {
                    throw damage(.archiveBadRow, ["row": written.map { scanner.text($0) } ?? "", "after": "\(previousRow)", "limit": "\(Self.maxRow)"],
                                 row: previousRow + 1)
                }
                number = next
                previousRow = next
                cells = []
                column = 0
                if selfClosing { continue }
            case .start(let name, let selfClosing) where scanner.name(name, is: "c"):
                if let reference = scanner.attribute("r"), let index = scanner.withBytes(reference, Self.columnIndex) { column = index }
                type = if let attribute = scanner.attribute("t") { scanner.withBytes(attribute, CellType.init) } else { .number }
                value = ""
                formula = false
                cached = false
                if selfClosing { column += 1 }
            case .start(let name, _) where scanner.name(name, is: "f"):
                formula = true
            case .start(let name, let selfClosing) where scanner.name(name, is: "v"):
                cached = true
                capturing = !selfClosing
            case .start(let name, false) where scanner.name(name, is: "t"):
                capturing = true
            case .end(let name) where scanner.name(name, is: "v") || scanner.name(name, is: "t"):
                capturing = false
            case .text(let range) where capturing:
                value += scanner.text(range)
                try checkLength(value, row: number, column: column)
            case .cdata(let text) where capturing:
                value += text
                try checkLength(value, row: number, column: column)
            case .end(let name) where scanner.name(name, is: "c"):
                guard column < CSVReader.maxColumns else {
                    throw TableError(file: file, kind: .tooManyColumns(limit: CSVReader.maxColumns), row: number)
                }
                // The cell's name, for an error (not made for every cell).
                func reference() -> String { "\(ColumnLetters.letters(column))\(number ?? 0)" }
                if formula && !cached {
                    throw damage(.archiveFormulaWithoutValue, ["cell": reference()], row: number)
                }
                guard let text = type.text(value, sharedStrings: sharedStrings) else {
                    throw damage(.archiveSharedStringIndex, ["cell": reference(), "index": value, "count": "\(sharedStrings.count)"], row: number)
                }
                if column >= cells.count { cells += repeatElement("", count: column - cells.count + 1) }
                cells[column] = text
                column += 1
            case .end(let name) where scanner.name(name, is: "row"):
                guard let number, !cells.allSatisfy(\.isEmpty) else { continue }
                return TableRow(number: number, cells: cells)
            default:
                break
            }
        }
        guard sheetEnded else { throw damage(.archiveTruncatedSheet, ["sheet": sheet], row: nil) }
        return nil
    }

    private func checkLength(_ value: String, row: Int?, column: Int) throws(TableError) {
        if value.utf8.count > CSVReader.maxFieldBytes {
            throw TableError(file: file, kind: .fieldTooLong(limit: CSVReader.maxFieldBytes), row: row, column: column + 1)
        }
    }

    /// A cell's `t` attribute: where its value is.
    enum CellType {
        case sharedString, inline, number

        /// The type the attribute's value names.
        init(_ attribute: UnsafeBufferPointer<UInt8>) {
            if attribute.elementsEqual("s".utf8) {
                self = .sharedString
            } else if attribute.elementsEqual("inlineStr".utf8) || attribute.elementsEqual("str".utf8) {
                self = .inline
            } else {
                self = .number
            }
        }

        /// The cell's text; nil for a shared-string index the table does not have.
        func text(_ value: String, sharedStrings: [String]) -> String? {
            switch self {
            case .sharedString: Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil }
            case .inline: XLSXReader.unescaped(value)
            case .number: value
            }
        }
    }

    private func damage(_ key: TabularMessage, _ arguments: [String: String], row: Int?) -> TableError {
        TableError(file: file, kind: .malformedArchive(TabularMessage.text(key, arguments)), row: row)
    }

    /// `B7` → 1.
    static func columnIndex(_ reference: some Collection<UInt8>) -> Int? {
        let letters = reference.prefix { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0 & 0xDF) }
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return letters.reduce(0) { $0 * 26 + Int($1 & 0xDF) - 64 } - 1
    }

    /// Text with Excel's escapes read: `_xHHHH_` stands for a character XML cannot hold or would
    /// change (Excel writes a carriage return as `_x000D_`), and `_x005F_` for a literal "_".
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                output.append(scalar)
                index += 7
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }
}

import AtelierCore
import Foundation

/// A row of a table: its number as a spreadsheet shows it (the header is row 1) and its
/// cells as text.
public struct TableRow: Sendable, Equatable {
    public let number: Int
    public let cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// Why reading a table stopped, and where.
public struct TableError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case unreadable(String)
        case empty
        case unclosedQuote(openedOnLine: Int)
        case fieldTooLong(limit: Int)
        case tooManyColumns(limit: Int)
        case malformedArchive(Localized)
        case noSuchSheet(String, available: [String])
    }

    public let file: String
    public let kind: Kind
    /// The row (and column) where reading stopped, when there is one.
    public let row: Int?
    public let column: Int?

    public init(file: String, kind: Kind, row: Int? = nil, column: Int? = nil) {
        self.file = file
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// What a row-by-row table reader offers, whatever the file format.
public protocol TableReader {
    var file: String { get }
    var header: [String] { get }
    /// How the file was read: encoding, delimiter, sheet; for the methods section of reports.
    var description: Localized { get }
    mutating func nextRow() throws(TableError) -> TableRow?
    /// Fills `row` with the next row, or returns false at the end (readers of text make it
    /// from `nextRow()`; the CSV reader fills it straight from its bytes).
    mutating func nextRawRow(_ row: inout RawRow) throws(TableError) -> Bool
}

/// CSV, TSV and text exports: encoding and delimiter detected (an explicit delimiter wins),
/// RFC 4180 quoting with line breaks and doubled quotes inside fields, CRLF, LF or a lone CR.
public struct CSVReader: TableReader {
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    public static let maxFieldBytes = 1 << 20
    public static let maxColumns = 16_384

    public let file: String
    public private(set) var header: [String] = []
    public let encoding: TextEncoding
    public let encodingGuessed: Bool
    public private(set) var delimiter: UInt8

    private var bytes: ChunkedBytes
    private var line = 1
    /// The last record ended with a CR: a LF right after it belongs to that line end.
    private var skipLineFeed = false
    private let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private var rowNumber = 0

    public init(path: String, delimiter: UInt8? = nil) throws(TableError) {
        file = path
        let handle: FileHandle
        let prefix: [UInt8]
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            prefix = [UInt8](try handle.read(upToCount: 65_536) ?? Data())
        } catch {
            throw TableError(file: path, kind: .unreadable(error.localizedDescription))
        }
        let detected = TextEncoding.detect(prefix)
        encoding = detected.encoding
        encodingGuessed = detected.guessed
        do {
            let source = try ByteSource(handle: handle, skipping: detected.bomLength, transcodeUTF16: detected.encoding == .utf16LE)
            bytes = ChunkedBytes(source: source, file: path)
        } catch {
            throw TableError(file: path, kind: .unreadable(error.localizedDescription))
        }
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        if delimiter == nil {
            try bytes.fill(atLeast: 65_536)
            self.delimiter = Self.detectDelimiter(bytes.buffer[bytes.position...].prefix(65_536))
        }
        var first = RawRow()
        first.encoding = encoding
        repeat {
            guard try readRecord(into: &first) else { throw TableError(file: path, kind: .empty) }
            rowNumber += 1
        } while first.isBlank
        header = (0..<first.count).map(first.text)
    }

    public var description: Localized {
        let name = delimiter == UInt8(ascii: "\t") ? "tab" : String(UnicodeScalar(delimiter))
        return Localized(fr: "CSV, \(encoding.rawValue)\(encodingGuessed ? " (supposé)" : ""), séparateur « \(name) »",
                         en: "CSV, \(encoding.rawValue)\(encodingGuessed ? " (assumed)" : ""), delimiter « \(name) »")
    }

    public mutating func nextRow() throws(TableError) -> TableRow? {
        var row = RawRow()
        guard try nextRawRow(&row) else { return nil }
        return TableRow(number: row.number, cells: (0..<row.count).map(row.text))
    }

    public mutating func nextRawRow(_ row: inout RawRow) throws(TableError) -> Bool {
        row.encoding = encoding
        while try readRecord(into: &row) {
            rowNumber += 1
            row.number = rowNumber
            if row.isBlank { continue }
            return true
        }
        return false
    }

    /// The delimiter whose count per line is the most consistent over the first lines,
    /// counted outside quotes; the comma when none is found.
    static func detectDelimiter(_ sample: ArraySlice<UInt8>) -> UInt8 {
        var counts: [[Int]] = Array(repeating: [], count: delimiters.count)
        var current = [Int](repeating: 0, count: delimiters.count)
        var quoted = false
        var lines = 0
        for byte in sample {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if current.contains(where: { $0 > 0 }) || lines == 0 {
                    for index in delimiters.indices { counts[index].append(current[index]) }
                    lines += 1
                }
                current = [Int](repeating: 0, count: delimiters.count)
                if lines >= 20 { break }
                continue
            }
            if let index = delimiters.firstIndex(of: byte) { current[index] += 1 }
        }
        if current.contains(where: { $0 > 0 }) { for index in delimiters.indices { counts[index].append(current[index]) } }
        var best: (score: Int, delimiter: UInt8) = (0, delimiters[0])
        for (index, perLine) in counts.enumerated() {
            guard let first = perLine.first, first > 0 else { continue }
            let consistent = perLine.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (score, delimiters[index]) }
        }
        return best.delimiter
    }

    /// Where the parser is within a field.
    private enum FieldState {
        case start, unquoted, quoted, quoteSeen
    }

    /// Reads the next record into `row`; false at the end of the file. A plain record is read
    /// by `PlainRecord`; any other by a state machine over the buffer by index: the row records where each field lies and shares the buffer (a
    /// quoted field is unquoted in place); the record being read is kept when the buffer is
    /// refilled.
    private mutating func readRecord(into fields: inout RawRow) throws(TableError) -> Bool {
        if skipLineFeed {
            skipLineFeed = false
            if try bytes.peek() == lf { bytes.position += 1 }
        }
        guard try bytes.peek() != nil else { return false }
        fields.clear(number: rowNumber + 1)
        let plainEnd = bytes.buffer.withUnsafeBufferPointer { [position = bytes.position, delimiter] buffer in
            PlainRecord.scan(buffer, from: position, delimiter: delimiter, maxFieldBytes: Self.maxFieldBytes, maxColumns: Self.maxColumns, into: &fields)
        }
        if let plainEnd {
            skipLineFeed = bytes.buffer[plainEnd] == cr
            bytes.position = plainEnd + 1
            line += 1
            fields.share(bytes.buffer)
            return true
        }
        fields.clear(number: rowNumber + 1)
        var state = FieldState.start
        var recordStart = bytes.position
        var fieldStart = recordStart
        var closingQuote = -1
        var escapedQuotes = false
        var index = fieldStart
        var quoteLine = line
        var afterCR = false
        while true {
            if index >= bytes.buffer.count {
                bytes.position = recordStart
                try bytes.fill(atLeast: index - recordStart + 1)
                let moved = bytes.position - recordStart
                recordStart += moved
                fieldStart += moved
                index += moved
                closingQuote += moved
                fields.shiftFields(by: moved)
                if index >= bytes.buffer.count {
                    if state == .quoted {
                        throw TableError(file: file, kind: .unclosedQuote(openedOnLine: quoteLine), row: rowNumber + 1, column: fields.count + 1)
                    }
                    appendField(fieldStart, index, state: state, closingQuote: closingQuote, escaped: escapedQuotes, to: &fields)
                    bytes.position = index
                    line += 1
                    fields.share(bytes.buffer)
                    return true
                }
            }
            if state == .start || state == .unquoted, bytes.buffer[index] != quote || state == .unquoted {
                // Most bytes: run to the next delimiter or line end, eight bytes at a time.
                let stop = bytes.buffer.withUnsafeBufferPointer { ByteScan.first(of: delimiter, lf, cr, in: $0, from: index) }
                if stop > index { state = .unquoted }
                index = stop
                if index - fieldStart > Self.maxFieldBytes {
                    throw tooLong(state: state, quoteLine: quoteLine, line: line, row: rowNumber + 1, column: fields.count + 1)
                }
                if index >= bytes.buffer.count { continue }
            }
            if state == .quoted {
                // Inside quotes: run to the next quote or line end, eight bytes at a time.
                index = bytes.buffer.withUnsafeBufferPointer { ByteScan.first(of: quote, lf, cr, in: $0, from: index) }
                afterCR = false
                if index - fieldStart > Self.maxFieldBytes {
                    throw tooLong(state: state, quoteLine: quoteLine, line: line, row: rowNumber + 1, column: fields.count + 1)
                }
                if index >= bytes.buffer.count { continue }
            }
            let byte = bytes.buffer[index]
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteSeen
                    closingQuote = index
                } else if byte == lf {
                    if !afterCR { line += 1 }
                } else if byte == cr {
                    line += 1
                }
                afterCR = byte == cr
                index += 1
                continue
            case .quoteSeen where byte == quote:
                escapedQuotes = true
                state = .quoted
                index += 1
                continue
            case .start where byte == quote:
                state = .quoted
                quoteLine = line
                index += 1
                continue
            default:
                break
            }
            if byte == delimiter || byte == lf || byte == cr {
                appendField(fieldStart, index, state: state, closingQuote: closingQuote, escaped: escapedQuotes, to: &fields)
                if fields.count > Self.maxColumns {
                    throw TableError(file: file, kind: .tooManyColumns(limit: Self.maxColumns), row: rowNumber + 1, column: fields.count)
                }
                index += 1
                if byte != delimiter {
                    skipLineFeed = byte == cr
                    bytes.position = index
                    line += 1
                    fields.share(bytes.buffer)
                    return true
                }
                fieldStart = index
                state = .start
                escapedQuotes = false
                closingQuote = -1
                continue
            }
            if state == .start { state = .unquoted }
            index += 1
            if index - fieldStart > Self.maxFieldBytes {
                throw TableError(file: file, kind: .fieldTooLong(limit: Self.maxFieldBytes), row: rowNumber + 1, column: fields.count + 1)
            }
        }
    }

    /// The error for a field past the length limit (memory stays bounded, quoted or not): an
    /// over-long quoted field spanning lines is most likely a quote left open.
    private func tooLong(state: FieldState, quoteLine: Int, line: Int, row: Int, column: Int) -> TableError {
        let kind: TableError.Kind = state == .quoted && line > quoteLine ? .unclosedQuote(openedOnLine: quoteLine) : .fieldTooLong(limit: Self.maxFieldBytes)
        return TableError(file: file, kind: kind, row: row, column: column)
    }

    /// Records the field in `bytes.buffer[start..<end]` in the row: without its quotes, doubled
    /// quotes made single (text after a closing quote is kept, as spreadsheets do), rewritten in
    /// place when it has to be.
    private mutating func appendField(_ start: Int, _ end: Int, state: FieldState, closingQuote: Int, escaped: Bool, to row: inout RawRow) {
        let isQuoted = state == .quoteSeen || (closingQuote > start && bytes.buffer[start] == quote)
        if !isQuoted || !escaped && closingQuote + 1 >= end {
            row.appendField(at: isQuoted ? (start + 1)..<closingQuote : start..<end)
            return
        }
        let quote = quote
        let written = bytes.rewrite { buffer in
            var write = start
            var previousQuote = false
            for read in (start + 1)..<end where read != closingQuote {
                let byte = buffer[read]
                if escaped && byte == quote && previousQuote {
                    previousQuote = false
                    continue
                }
                previousQuote = byte == quote
                buffer[write] = byte
                write += 1
            }
            return write
        }
        row.appendField(at: start..<written)
    }

}

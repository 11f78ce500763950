/// A row as bytes: where each field's bytes lie (quotes removed, doubled quotes made single) in
/// `bytes`. The CSV reader shares its own buffer as `bytes` and records where each field is, so
/// reading copies nothing per row (the buffer is released when the next row is read);
/// `text(_:)` makes a String only when one is needed.
public struct RawRow: Sendable {
    public internal(set) var number = 0
    public internal(set) var bytes: [UInt8] = []
    /// Field i is `bytes[starts[i]..<ends[i]]`, for i < `count`: the arrays keep their length
    /// from one row to the next, so that recording fields allocates nothing.
    public private(set) var starts: [Int] = []
    public private(set) var ends: [Int] = []
    public private(set) var count = 0
    /// How the bytes are encoded (Windows-1252 fields are decoded when made into text).
    public internal(set) var encoding: TextEncoding = .utf8

    public init() {}

    @inlinable public func range(_ field: Int) -> Range<Int> {
        starts[field]..<ends[field]
    }

    /// Field `field`'s bytes; empty past the last field.
    @inlinable public func withBytes<Result>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard field < count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let range = range(field)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public func text(_ field: Int) -> String {
        withBytes(field) { encoding.decode($0) }
    }

    /// Whether the row is one empty field: a blank line.
    var isBlank: Bool { count == 1 && starts[0] == ends[0] }

    /// Empties the row, letting go of the buffer it shared.
    mutating func clear(number: Int) {
        self.number = number
        bytes = []
        count = 0
    }

    mutating func append<Bytes: Sequence>(field: Bytes) where Bytes.Element == UInt8 {
        let start = bytes.count
        bytes.append(contentsOf: field)
        appendField(at: start..<bytes.count)
    }

    /// Records a field lying at `range` of the buffer the row will share.
    mutating func appendField(at range: Range<Int>) {
        if count == starts.count {
            starts.append(range.lowerBound)
            ends.append(range.upperBound)
        } else {
            starts[count] = range.lowerBound
            ends[count] = range.upperBound
        }
        count += 1
    }

    /// Lets `body` record fields after the last one, in room for at least `room` of them: it
    /// writes each field's start and end where the two pointers point, up to the room it is
    /// given, and returns how many it recorded.
    mutating func recordFields(room: Int, _ body: (_ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, _ room: Int) -> Int) {
        if starts.count - count < room {
            let more = room - (starts.count - count)
            starts.append(contentsOf: repeatElement(0, count: more))
            ends.append(contentsOf: repeatElement(0, count: more))
        }
        let first = count
        guard starts.count > first else { return }
        let recorded = starts.withUnsafeMutableBufferPointer { starts in
            ends.withUnsafeMutableBufferPointer { ends in body(starts.baseAddress! + first, ends.baseAddress! + first, starts.count - first) }
        }
        count += recorded
    }

    /// Moves the recorded fields by `offset`, after the buffer they lie in has moved.
    mutating func shiftFields(by offset: Int) {
        guard offset != 0 else { return }
        for index in 0..<count {
            starts[index] += offset
            ends[index] += offset
        }
    }

    /// The row's fields lie in `buffer`.
    mutating func share(_ buffer: [UInt8]) {
        bytes = buffer
    }

    /// The row as text, for readers that read text (xlsx, ods).
    init(_ row: TableRow) {
        number = row.number
        for cell in row.cells { append(field: cell.utf8) }
    }
}

extension TableReader {
    /// The row as bytes, made from `nextRow()`: what readers of text (xlsx, ods) offer.
    public mutating func nextRawRow(_ row: inout RawRow) throws(TableError) -> Bool {
        guard let next = try nextRow() else { return false }
        row = RawRow(next)
        return true
    }
}

/// Rows laid end to end in one buffer, to hand a batch of them from the thread that reads to
/// the thread that counts: one copy per row, none per field.
public struct RowBatch: Sendable {
    private var bytes: [UInt8] = []
    /// Where each field lay in the row's own buffer: copied as they are (the thread that reads
    /// has the more work), moved by the row's `shift` when the row is loaded.
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Each row's number, where its fields are in `starts`/`ends`, and by how much they move.
    private var rows: [(number: Int, fields: Range<Int>, shift: Int)] = []
    public private(set) var encoding: TextEncoding = .utf8

    public init() {}

    public var count: Int { rows.count }
    /// The bytes held, to close a batch before it grows past a bound.
    public var byteCount: Int { bytes.count }

    /// Copies the row's span of bytes (its fields lie in order in it) and where each field is.
    public mutating func append(_ row: RawRow) {
        encoding = row.encoding
        let first = starts.count
        let low = row.count > 0 ? row.starts[0] : 0, high = row.count > 0 ? row.ends[row.count - 1] : 0
        rows.append((row.number, first..<(first + row.count), bytes.count - low))
        row.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[low..<high])) }
        row.starts.withUnsafeBufferPointer { starts.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<row.count])) }
        row.ends.withUnsafeBufferPointer { ends.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<row.count])) }
    }

    /// Makes `row` the batch's row `index` (sharing the batch's bytes).
    public func load(_ index: Int, into row: inout RawRow) {
        let (number, fields, shift) = rows[index]
        row.clear(number: number)
        row.encoding = encoding
        if !fields.isEmpty { row.recordFields(room: fields.count) { rowStarts, rowEnds, _ in
            for offset in 0..<fields.count {
                rowStarts[offset] = starts[fields.lowerBound + offset] + shift
                rowEnds[offset] = ends[fields.lowerBound + offset] + shift
            }
            return fields.count
        } }
        row.share(bytes)
    }
}

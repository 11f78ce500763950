/// A row as bytes: its fields laid end to end (quotes removed, doubled quotes made single)
/// with where each ends. One is reused for every row of a file, so reading allocates nothing
/// per row; `text(_:)` makes a String only when one is needed.
public struct RawRow: Sendable {
    public internal(set) var number = 0
    public internal(set) var bytes: [UInt8] = []
    /// `ends[i]` is the offset just past field i.
    public internal(set) var ends: [Int] = []
    /// How the bytes are encoded (Windows-1252 fields are decoded when made into text).
    public internal(set) var encoding: TextEncoding = .utf8

    public init() {}

    @inlinable public var count: Int { ends.count }

    @inlinable public func range(_ field: Int) -> Range<Int> {
        (field == 0 ? 0 : ends[field - 1])..<ends[field]
    }

    /// Field `field`'s bytes; empty past the last field.
    @inlinable public func withBytes<Result>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard field < ends.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let range = range(field)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public func text(_ field: Int) -> String {
        withBytes(field) { encoding.decode($0) }
    }

    mutating func clear(number: Int) {
        self.number = number
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    mutating func append<Bytes: Sequence>(field: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
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

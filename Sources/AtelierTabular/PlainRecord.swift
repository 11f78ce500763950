/// The CSV reader's fast path: a record whose fields are all plain — unquoted, or quoted with
/// no quote and no line break inside and the delimiter or the line end right after the closing
/// quote — and that ends within the buffer. Nearly every record of a real export is one. Any
/// other record is left to the reader's state machine, which reads these the same way
/// (`PlainRecordTests` checks both on random records).
enum PlainRecord {
    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Records in `row` where each field of the record starting at `start` lies, and returns the
    /// index of the line end (LF or CR) closing it; nil when the record is not plain, does not
    /// end in the buffer, or has a field or a number of fields past the limits (`row` then holds
    /// fields to discard).
    @inline(__always)
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, maxFieldBytes: Int, maxColumns: Int,
                     into row: inout RawRow) -> Int? {
        var index = start
        while index < buffer.count {
            let end: Int
            if buffer[index] == quote {
                let closing = ByteScan.first(of: quote, lf, cr, in: buffer, from: index + 1)
                guard closing + 1 < buffer.count, buffer[closing] == quote else { return nil }
                end = closing + 1
                guard end - index <= maxFieldBytes else { return nil }
                row.appendField(at: (index + 1)..<closing)
            } else {
                end = ByteScan.first(of: delimiter, lf, cr, in: buffer, from: index)
                guard end < buffer.count, end - index <= maxFieldBytes else { return nil }
                row.appendField(at: index..<end)
            }
            guard row.count <= maxColumns else { return nil }
            let byte = buffer[end]
            if byte == lf || byte == cr { return end }
            guard byte == delimiter else { return nil }
            index = end + 1
        }
        return nil
    }
}

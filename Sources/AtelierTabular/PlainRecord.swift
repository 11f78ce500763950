import CCSVScan

/// The CSV reader's fast path: a record whose fields are all plain — unquoted, or quoted with
/// no quote and no line break inside and the delimiter or the line end right after the closing
/// quote — and that ends within the buffer. Nearly every record of a real export is one. It is
/// read in C, sixteen bytes at a time (`CCSVScan`), straight into the row; any other record is
/// left to the reader's state machine, which reads these the same way (`PlainRecordProperties`
/// checks the fast path against an RFC 4180 reading on random records).
enum PlainRecord {
    /// Records in `row` where each field of the record starting at `start` lies, and returns the
    /// index of the line end (LF or CR) closing it; nil when the record is not plain, does not
    /// end in the buffer, or has a field or a number of fields past the limits (`row` then holds
    /// what it held).
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, maxFieldBytes: Int, maxColumns: Int,
                     into row: inout RawRow) -> Int? {
        var room = 64
        while true {
            var end = ATELIER_CSV_NOT_PLAIN
            row.recordFields(room: room) { starts, ends, room in
                var fields = 0
                end = atelier_csv_plain_record(buffer.baseAddress, buffer.count, start, delimiter, maxFieldBytes, maxColumns,
                                               room, starts, ends, &fields)
                return end >= 0 ? fields : 0
            }
            if end >= 0 { return end }
            guard end == ATELIER_CSV_NEEDS_ROOM else { return nil }
            room *= 2
        }
    }
}

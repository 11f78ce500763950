@testable import AtelierTabular
import PropertyBased
import Testing

/// The CSV reader's fast path reads a record as RFC 4180 does, or leaves it to the state
/// machine: on random records (quotes anywhere, delimiters, line breaks, text after a closing
/// quote, a record cut short), every record it accepts has the fields and the end a plain
/// RFC 4180 reading gives, and it accepts the plain ones.
@Suite struct PlainRecordProperties {
    private static let pieces = ["a", "é", " ", ",", ";", "\"", "\"\"", "\n", "\r", "x\"y", "\"a\"", "\"a,b\"", "\"\"", "12",
                                 "sixteen bytes or more", "\"a quoted field, longer than sixteen bytes\""]
    private static let record = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...12).map { $0.joined() }

    /// The fields of the record at the start of `bytes` and the index of its line end, read the
    /// textbook way; nil when it does not end in `bytes`.
    private static func reference(_ bytes: [UInt8]) -> (fields: [[UInt8]], end: Int)? {
        var fields: [[UInt8]] = [], field: [UInt8] = []
        var quoted = false, wasQuoted = false, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\""), field.isEmpty, !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                fields.append(field)
                if byte != UInt8(ascii: ",") { return (fields, index) }
                (field, wasQuoted) = ([], false)
            } else {
                field.append(byte)
            }
            index += 1
        }
        return nil
    }

    @Test func acceptedRecordsReadAsRFC4180() async {
        let accepted = Counter()
        await propertyCheck(count: 2_000, input: Self.record) { text in
            let bytes = Array(text.utf8)
            var row = RawRow()
            let end = bytes.withUnsafeBufferPointer {
                PlainRecord.scan($0, from: 0, delimiter: UInt8(ascii: ","), maxFieldBytes: 1 << 20, maxColumns: 100, into: &row)
            }
            guard let end else { return }
            accepted.add()
            let fields = (0..<row.count).map { Array(bytes[row.range($0)]) }
            let expected = Self.reference(bytes)
            #expect(expected?.end == end, "\(text.debugDescription)")
            #expect(expected?.fields == fields, "\(text.debugDescription)")
        }
        #expect(accepted.count > 200)
    }

    @Test func plainRecordsAreAccepted() {
        let bytes = Array("\"2026/05/20 18:00:51\",\"Satisfait·e\",,8,\"\",\"En famille\"\r\n\"suite\"".utf8)
        var row = RawRow()
        let end = bytes.withUnsafeBufferPointer {
            PlainRecord.scan($0, from: 0, delimiter: UInt8(ascii: ","), maxFieldBytes: 1 << 20, maxColumns: 100, into: &row)
        }
        row.share(bytes)
        #expect(end == bytes.firstIndex(of: UInt8(ascii: "\r")))
        #expect((0..<row.count).map(row.text) == ["2026/05/20 18:00:51", "Satisfait·e", "", "8", "", "En famille"])
    }

    @Test func fieldsPastTheLimitsAreLeftToTheStateMachine() {
        for (text, maxFieldBytes, maxColumns) in [("abcdef\n", 5, 10), ("\"abcd\"\n", 5, 10), ("a,b,c\n", 5, 2)] {
            var row = RawRow()
            let end = Array(text.utf8).withUnsafeBufferPointer {
                PlainRecord.scan($0, from: 0, delimiter: UInt8(ascii: ","), maxFieldBytes: maxFieldBytes, maxColumns: maxColumns, into: &row)
            }
            #expect(end == nil, "\(text.debugDescription)")
        }
    }
}

/// A count shared with the property's closure.
private final class Counter: @unchecked Sendable {
    private(set) var count = 0
    func add() { count += 1 }
}

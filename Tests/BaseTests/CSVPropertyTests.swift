import AtelierTabular
import Foundation
import PropertyBased
import Testing
import TestSupport

/// The CSV writer and reader agree: any table of awkward text (quotes, delimiters, line breaks,
/// lone carriage returns, formula-looking starts, accents) written by `CSVWriter` is read back by
/// `CSVReader` as written, formula starts neutralised (a one-column row with nothing in it is a
/// blank line, which the reader skips, before the header too; a file of blank lines is empty).
@Suite struct CSVProperties {
    private static let alphabet: [Character] = ["a", "é", "œ", " ", ",", ";", "\"", "\n", "\r", "\r\n", "'", "=", "+", "-", "@", "\t", "1", "|", "\u{301}"]
    private static let field = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...8).map { String($0) }

    @Test func whatTheWriterWritesTheReaderReadsBack() async throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        await propertyCheck(count: 300, input: Gen.int(in: 1...5), Self.field.array(of: 5).array(of: 1...12)) { columns, table in
            let rows = table.map { Array($0.prefix(columns)) }
            let url = folder.appendingPathComponent("table.csv")
            try rows.map(CSVWriter.line).joined().write(to: url, atomically: false, encoding: .utf8)
            let neutralised = rows.filter { $0 != [""] }.map { $0.map { "=+-@".unicodeScalars.contains($0.unicodeScalars.first ?? " ") ? "'" + $0 : $0 } }
            guard !neutralised.isEmpty else {
                #expect(throws: TableError(file: url.path, kind: .empty)) { try CSVReader(path: url.path, delimiter: UInt8(ascii: ",")) }
                return
            }
            var reader = try CSVReader(path: url.path, delimiter: UInt8(ascii: ","))
            var read = [reader.header]
            while let row = try reader.nextRow() { read.append(row.cells) }
            #expect(read == neutralised)
        }
    }
}

@testable import AtelierReport
import AtelierTabular
import Foundation
import PropertyBased
import Testing
import TestSupport

/// What Atelier writes in a workbook, Atelier reads back: any text (line ends, tabs, control
/// characters, « _x » sequences that look like Excel's escapes, accents, spaces at the ends)
/// written as a string cell comes back as written, control characters as U+FFFD.
@Suite struct XLSXProperties {
    private static let alphabet: [Character] = ["a", "é", " ", "\t", "\n", "\r", "\r\n", "_", "x", "0", "D", "\u{1}", "\u{0}", "&", "<", "\"", "\u{301}", "𝄞"]
    private static let text = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...10).map { String($0) }

    @Test func stringsWrittenInAWorkbookReadBackTheSame() async throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        await propertyCheck(count: 60, input: Self.text.array(of: 1...6)) { texts in
            let url = folder.appendingPathComponent("strings.xlsx")
            let book = try XLSXBook(url: url, language: .fr)
            let sheet = book.sheet("Feuille")
            book.writeString(sheet, 0, 0, "en-tête", nil)
            for (row, text) in texts.enumerated() { book.writeString(sheet, UInt32(row + 1), 0, text, nil) }
            try book.close()
            var reader = try XLSXReader(path: url.path)
            var read: [String] = []
            while let row = try reader.nextRow() { read.append(row.cells.first ?? "") }
            let expected = texts.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) ? "\u{FFFD}" : $0 })) }
            #expect(read == expected.filter { !$0.isEmpty }, "\(texts.map(\.debugDescription))")
        }
    }
}

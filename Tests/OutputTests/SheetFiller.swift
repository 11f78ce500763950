import AtelierTabular
import Foundation
import XCTest
import ZIPFoundation

/// Fills cells of an .xlsx written by libxlsxwriter, as a grader typing in Excel would: each
/// named cell (empty or not) gets an inline string. The sheet is the `index`-th worksheet (1-based).
enum SheetFiller {
    static func fill(_ url: URL, sheet index: Int, _ cells: [String: String]) throws {
        try edit(url, sheet: index) { xml in try fill(&xml, cells) }
    }

    /// Adds rows of inline strings after the sheet's last row, from row `first` (1-based).
    static func append(_ url: URL, sheet index: Int, rows: [[String]], from first: Int) throws {
        try edit(url, sheet: index) { xml in
            let added = rows.enumerated().map { offset, cells in
                "<row r=\"\(first + offset)\">" + cells.enumerated().map { column, value in
                    "<c r=\"\(ColumnLetters.letters(column))\(first + offset)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
                }.joined() + "</row>"
            }.joined()
            xml = xml.replacingOccurrences(of: "</sheetData>", with: added + "</sheetData>")
        }
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    private static func edit(_ url: URL, sheet index: Int, _ change: (inout String) throws -> Void) throws {
        let archive = try Archive(url: url, accessMode: .update)
        let path = "xl/worksheets/sheet\(index).xml"
        let entry = try XCTUnwrap(archive[path], "no \(path) in \(url.lastPathComponent)")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        var xml = String(decoding: data, as: UTF8.self)
        try change(&xml)
        try archive.remove(entry)
        let changed = Data(xml.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(changed.count), compressionMethod: .deflate) { position, size in
            changed.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private static func fill(_ xml: inout String, _ cells: [String: String]) throws {
        for (reference, value) in cells {
            let escaped = escape(value)
            let pattern = try NSRegularExpression(pattern: "<c r=\"\(reference)\"((?: (?!t=)[a-z]+=\"[^\"]*\")*)(?: t=\"[^\"]*\")?(?:/>|>.*?</c>)")
            let whole = NSRange(xml.startIndex..., in: xml)
            guard let match = pattern.firstMatch(in: xml, range: whole), let range = Range(match.range, in: xml),
                  let attributes = Range(match.range(at: 1), in: xml) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: "no cell \(reference) in the sheet"])
            }
            xml.replaceSubrange(range, with: "<c r=\"\(reference)\"\(xml[attributes]) t=\"inlineStr\"><is><t>\(escaped)</t></is></c>")
        }
    }
}

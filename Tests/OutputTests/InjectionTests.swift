import AtelierCore
import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// Hostile survey answers — formulas, markup, NUL bytes, invalid UTF-8 — through `impact` to
/// JSON, xlsx, HTML and text: spreadsheets hold strings (read back, not eyeballed), the JSON is
/// valid, the HTML is escaped.
final class InjectionTests: ScratchFolderTestCase {

    static let hostile = ["=HYPERLINK(\"http://x.example\",\"clic\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "<img src=x onerror=alert(1)>", "-2+3", "nul\u{0}octet"]

    func testHostileAnswersStayTextInEveryOutput() throws {
        let original = Fixtures.bytes(Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"))
        var lines = String(decoding: original, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        for (index, value) in Self.hostile.enumerated() {
            lines.append("\"2026/06/0\(index + 1)10:00:00\",\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\",\"8\",\"3\",\"En famille\",\"Plutôt d'accord\"")
        }
        var bytes = [UInt8](lines.joined(separator: "\r\n").utf8)
        bytes += [13, 10] + Array("\"2026/06/09 10:00:00\",\"Tr".utf8) + [0xE8, 0xFF] + Array("s\",\"8\",\"3\",\"En famille\",\"Plutôt d'accord\"\r\n".utf8)
        let export = folder.appendingPathComponent("hostile.csv")
        try Data(bytes).write(to: export)
        let outputs = ["json", "xlsx", "html"].map { folder.appendingPathComponent("impact.\($0)") }
        let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", export.path, "--json", outputs[0].path,
                                          "--xlsx", outputs[1].path, "--html", outputs[2].path, "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.error)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: outputs[0])) as? [String: Any], "the JSON is valid")
        let refused = ((json["responses"] as? [String: Any])?["problems"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        for value in Self.hostile {
            XCTAssertTrue(refused.contains(value), "JSON keeps « \(value) » as text: \(refused)")
        }

        var sheet = try XLSXReader(path: outputs[1].path, sheet: "Excluded rows")
        var cells: [String] = []
        while let row = try sheet.nextRow() { cells += row.cells }
        for value in Self.hostile {
            let stored = value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            XCTAssertTrue(cells.contains(stored), "the workbook holds « \(stored) » as a string (a NUL reads U+FFFD)")
        }
        let archive = try Archive(url: outputs[1], accessMode: .read)
        for entry in archive where entry.path.hasPrefix("xl/worksheets/") {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            XCTAssertFalse(String(decoding: xml, as: UTF8.self).contains("<f>"), "\(entry.path) holds no formula")
        }

        let html = try String(contentsOf: outputs[2], encoding: .utf8)
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("\u{0}"))
        XCTAssertFalse(run.output.contains("\u{0}") && run.output.contains("<img src=x onerror"), "the summary prints the values as text")
    }
}

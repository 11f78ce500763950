import AtelierTabular
import Foundation
import TestSupport
import XCTest

final class CSVReaderTests: ScratchFolderTestCase {

    private func file(_ bytes: [UInt8], name: String = "export.csv") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func read(_ bytes: [UInt8], delimiter: UInt8? = nil) throws -> (CSVReader, [TableRow]) {
        var reader = try CSVReader(path: try file(bytes), delimiter: delimiter)
        var rows: [TableRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (reader, rows)
    }

    func testGoogleFormsExportEveryFieldQuotedCRLF() throws {
        let text = "\"Horodateur\",\"Vous êtes venu·e :\",\"Commentaire\"\r\n\"2026/05/20 18:05:31\",\"En famille\",\"Très \"\"bien\"\", merci\"\r\n\"2026/05/20 18:07:02\",\"Seul·e\",\"Deux\nlignes\"\r\n"
        let (reader, rows) = try read(Array(text.utf8))
        XCTAssertEqual(reader.header, ["Horodateur", "Vous êtes venu·e :", "Commentaire"])
        XCTAssertEqual(reader.encoding, .utf8)
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(rows, [
            TableRow(number: 2, cells: ["2026/05/20 18:05:31", "En famille", "Très \"bien\", merci"]),
            TableRow(number: 3, cells: ["2026/05/20 18:07:02", "Seul·e", "Deux\nlignes"]),
        ])
    }

    func testFrenchExcelWindows1252WithSemicolons() throws {
        // "Âge;Satisfaction;Note" / "45;Très satisfait;4,5" in Windows-1252, with € and œ.
        var bytes: [UInt8] = [0xC2] + Array("ge;Satisfaction;Note\r\n45;Tr".utf8) + [0xE8] + Array("s satisfait;4,5\r\n".utf8)
        bytes += Array("12;C".utf8) + [0x9C] + Array("ur ".utf8) + [0x80] + Array(";3\r\n".utf8)
        let (reader, rows) = try read(bytes)
        XCTAssertEqual(reader.encoding, .windows1252)
        XCTAssertTrue(reader.encodingGuessed)
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(reader.header, ["Âge", "Satisfaction", "Note"])
        XCTAssertEqual(rows.map(\.cells), [["45", "Très satisfait", "4,5"], ["12", "Cœur €", "3"]])
        XCTAssertEqual(reader.description.en, "CSV, Windows-1252 (assumed), delimiter « ; »")
    }

    func testUTF8WithBOMAndUTF16LEWithBOM() throws {
        let (bom, bomRows) = try read([0xEF, 0xBB, 0xBF] + Array("Q1;Q2\nÉté;œuvre\n".utf8))
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.header, ["Q1", "Q2"])
        XCTAssertEqual(bomRows.first?.cells, ["Été", "œuvre"])
        let text = "Q1\tQ2\r\nÉté\t😀 œuvre\r\n"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (wide, wideRows) = try read(utf16)
        XCTAssertEqual(wide.encoding, .utf16LE)
        XCTAssertEqual(wide.delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(wideRows.first?.cells, ["Été", "😀 œuvre"])
    }

    func testPipeDelimiterLoneCRAndExplicitDelimiter() throws {
        let (pipe, pipeRows) = try read(Array("a|b|c\r1|2|3\r4|5|6\r".utf8))
        XCTAssertEqual(pipe.delimiter, UInt8(ascii: "|"))
        XCTAssertEqual(pipeRows.map(\.number), [2, 3])
        XCTAssertEqual(pipeRows.last?.cells, ["4", "5", "6"])
        let (forced, forcedRows) = try read(Array("a;b,c\n1;2,3\n".utf8), delimiter: UInt8(ascii: ","))
        XCTAssertEqual(forced.header, ["a;b", "c"])
        XCTAssertEqual(forcedRows.first?.cells, ["1;2", "3"])
    }

    func testBlankLinesAreSkippedAndRowsKeepTheirNumbers() throws {
        let (_, rows) = try read(Array("a,b\n1,2\n\n3,4\n".utf8))
        XCTAssertEqual(rows.map(\.number), [2, 4])
    }

    func testAnUnclosedQuoteSaysWhereItOpened() throws {
        XCTAssertThrowsError(try read(Array("a,b\n1,\"open\n2,3\n4,5\n".utf8))) { error in
            let error = error as! TableError
            XCTAssertEqual(error.kind, .unclosedQuote(openedOnLine: 2))
            XCTAssertEqual(error.row, 2)
            XCTAssertEqual(error.column, 2)
        }
    }

    func testAQuotedFieldMayNotGrowPastTheLimit() throws {
        let long = "a,b\n1,\"" + String(repeating: "x", count: CSVReader.maxFieldBytes + 10) + "\"\n"
        XCTAssertThrowsError(try read(Array(long.utf8))) { error in
            XCTAssertEqual((error as! TableError).kind, .fieldTooLong(limit: CSVReader.maxFieldBytes), "found by the limits script: quoted fields were unbounded")
        }
        let open = "a,b\n1,\"" + String(repeating: "abc\n", count: CSVReader.maxFieldBytes / 3)
        XCTAssertThrowsError(try read(Array(open.utf8))) { error in
            XCTAssertEqual((error as! TableError).kind, .unclosedQuote(openedOnLine: 2))
        }
    }

    func testEmptyAndMissingFiles() throws {
        XCTAssertThrowsError(try CSVReader(path: try file([]))) { XCTAssertEqual(($0 as! TableError).kind, .empty) }
        XCTAssertThrowsError(try CSVReader(path: folder.appendingPathComponent("nope.csv").path)) {
            guard case .unreadable = ($0 as! TableError).kind else { return XCTFail("\($0)") }
        }
    }

    func testFieldsAcrossChunkBoundaries() throws {
        var text = "id,commentaire\n"
        for index in 0..<30_000 {
            text += "\(index),\"Très bien, \"\"vraiment\"\" — œuvre n°\(index)\r\nligne 2\"\r\n"
        }
        let (_, rows) = try read(Array(text.utf8))
        XCTAssertEqual(rows.count, 30_000)
        XCTAssertEqual(rows[29_999].cells, ["29999", "Très bien, \"vraiment\" — œuvre n°29999\r\nligne 2"])
        XCTAssertEqual(rows[29_999].number, 30_001)
    }
}

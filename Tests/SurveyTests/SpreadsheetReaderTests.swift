import AtelierImpact
@testable import AtelierTabular
import Foundation
import TestSupport
import XCTest

final class SpreadsheetReaderTests: XCTestCase {
    private func rows(_ file: String) throws -> (any TableReader, [TableRow]) {
        var reader = try TableFile.open(path: Fixtures.examples.appendingPathComponent("surveys/\(file)").path)
        var rows: [TableRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (reader, rows)
    }

    func testFormulaCellsAreReadThroughTheirCachedValueNeverEvaluated() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("formulas.xlsx")
        try Fixtures.workbook(at: url, rows: #"<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>HYPERLINK("http://x.example","clic")</f><v>clic</v></c></row></sheetData></worksheet>"#)
        var reader = try TableFile.open(path: url.path)
        XCTAssertEqual(reader.header, ["a", "b"])
        XCTAssertEqual(try reader.nextRow()?.cells, ["2", "clic"], "the cached values; the formulas are not evaluated")
    }

    func testMicrosoftFormsWorkbook() throws {
        let (reader, rows) = try rows("vr-abbaye-msforms.xlsx")
        XCTAssertTrue(reader is XLSXReader)
        XCTAssertEqual(Array(reader.header.prefix(5)), ["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom"])
        XCTAssertEqual(rows.count, 60)
        XCTAssertEqual(rows.first?.number, 2)
        XCTAssertEqual(rows[4].cells[9], "=HYPERLINK(\"http://example.invalid\",\"cliquez\")", "a formula-looking answer is read as text")
        XCTAssertEqual(rows[0].cells[4], "", "an empty cell the XML leaves out comes back empty")
        XCTAssertEqual(reader.description.en, "Excel (.xlsx), sheet « Form1 »")
    }

    func testPaperKeyedOpenDocument() throws {
        let (reader, rows) = try rows("quiz-fete-science-papier.ods")
        XCTAssertTrue(reader is ODSReader)
        XCTAssertEqual(reader.header.count, 4, "trailing repeated empty cells are not expanded into columns")
        XCTAssertEqual(rows.count, 46, "a repeated row is expanded; the million trailing empty rows are not")
        XCTAssertEqual(rows[10].cells, rows[11].cells)
        XCTAssertEqual(rows[11].number, rows[10].number + 1)
    }

    func testAskingForAMissingSheetNamesTheSheets() throws {
        let path = Fixtures.examples.appendingPathComponent("surveys/vr-abbaye-msforms.xlsx").path
        XCTAssertThrowsError(try TableFile.open(path: path, sheet: "Réponses")) { error in
            XCTAssertEqual((error as? TableError)?.kind, .noSuchSheet("Réponses", available: ["Form1"]))
        }
    }

    func testAZipThatIsNoSpreadsheetAndAZipBomb() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("export.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]).write(to: fake)
        XCTAssertThrowsError(try TableFile.open(path: fake.path)) { error in
            guard case .malformedArchive? = (error as? TableError)?.kind else { return XCTFail("\(error)") }
        }
    }

    func testExportsSavedAgainByLibreOfficeGiveTheSameIndicators() throws {
        let resaved = Fixtures.repository.appendingPathComponent("Tests/Fixtures/libreoffice")
        for (mockup, original, copy) in [("vr-abbaye.yaml", "vr-abbaye-msforms.xlsx", "vr-abbaye-msforms.ods"),
                                         ("quiz-fete-science.yaml", "quiz-fete-science-papier.ods", "quiz-fete-science-papier.xlsx"),
                                         ("voix-du-quartier.yaml", "voix-du-quartier-google.csv", "voix-du-quartier-google.xlsx")] {
            let plan = try Fixtures.plan(mockup)
            let engine = IndicatorEngine(plan: plan)
            let expected = engine.report(try Fixtures.aggregate(plan, [original])).indicators
            let actual = engine.report(try Fixtures.aggregate(plan, [copy], in: resaved)).indicators
            XCTAssertFalse(expected.allSatisfy { $0.value == nil }, mockup)
            XCTAssertEqual(actual.map(\.value), expected.map(\.value), copy)
            XCTAssertEqual(actual.map(\.n), expected.map(\.n), copy)
        }
    }

    func testCellReferencesGiveTheirColumn() {
        XCTAssertEqual(XLSXReader.columnIndex("B7".utf8), 1)
        XCTAssertEqual(XLSXReader.columnIndex("aa3".utf8), 26, "lower case, as some generators write it")
        XCTAssertEqual(XLSXReader.columnIndex("XFD1048576".utf8), 16_383, "Excel's last column")
        XCTAssertNil(XLSXReader.columnIndex("12".utf8))
        XCTAssertNil(XLSXReader.columnIndex((String(repeating: "Z", count: 40) + "1").utf8), "a reference too long for a column, not an overflow")
    }

    func testXMLEntitiesAndCharacterReferences() {
        XCTAssertEqual(XMLEntities.decode("a &amp; b &lt;c&gt; &#233;&#x153; &unknown;"), "a & b <c> éœ &unknown;")
        // Found by the workbook property test: an entity followed by a combining accent.
        XCTAssertEqual(XMLEntities.decode("&amp;\u{301} &lt;\u{301}"), "&\u{301} <\u{301}")
    }

    func testExcelEscapesInStringsAreRead() {
        // Excel and libxlsxwriter write a carriage return as _x000D_ (a Microsoft Forms answer on
        // several lines), and a literal "_x" sequence with its "_" as _x005F_.
        XCTAssertEqual(XLSXReader.unescaped("ligne 1_x000D_\nligne 2"), "ligne 1\r\nligne 2")
        XCTAssertEqual(XLSXReader.unescaped("_x005F_x0041_ _x12_ _xZZZZ_ x_"), "_x0041_ _x12_ _xZZZZ_ x_")
    }
}

import AtelierCore
import AtelierImpact
import AtelierReport
import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// The impact workbook as a director gets it: its sheets, a native chart per question, values
/// read back equal to the report's, and every sheet set to print on A4 landscape, one page wide.
final class ImpactWorkbookTests: ScratchFolderTestCase {
    func testSheetsChartsValuesAndPrintSetup() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let engine = IndicatorEngine(plan: plan)
        let report = engine.report(try Fixtures.aggregate(plan, ["voix-du-quartier-google.csv"]))
        let url = folder.appendingPathComponent("impact.xlsx")
        try ImpactWorkbook(ImpactPresentation(language: .fr, sources: [("voix-du-quartier-google.csv", Localized(verbatim: "CSV"))])).write(report, engine: engine, to: url)

        let questions = engine.distributions(report.aggregate).map(\.question.id)
        XCTAssertEqual(try XLSXReader.sheetNames(path: url.path), ["Projet", "Indicateurs"] + questions + ["Objectifs", "Ventilations", "Lignes écartées"])

        let archive = try Archive(url: url, accessMode: .read)
        func part(_ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try XCTUnwrap(archive[path], path)) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        XCTAssertEqual(archive.filter { $0.path.hasPrefix("xl/charts/chart") }.count, questions.count, "one native chart per question")
        for index in 1...(questions.count + 4) {
            let sheet = try part("xl/worksheets/sheet\(index).xml")
            XCTAssertTrue(sheet.contains(#"<pageSetUpPr fitToPage="1"/>"#), "sheet \(index) fits the page width")
            XCTAssertTrue(sheet.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#), "sheet \(index) prints on A4 landscape")
        }

        var indicators = try TableFile.open(path: url.path, sheet: "Indicateurs")
        var values: [String: String] = [:]
        while let row = try indicators.nextRow() { values[row.cells[0]] = row.cells[3] }
        XCTAssertEqual(report.indicators.compactMap(\.value).count, 6)
        for result in report.indicators {
            let written = values[result.indicator.id].flatMap(Double.init)
            XCTAssertEqual(written == nil, result.value == nil, result.indicator.id)
            if let written, let value = result.value {
                XCTAssertEqual(written, value, accuracy: 1e-14 * abs(value), "\(result.indicator.id): 16 significant digits, as Excel keeps 15")
            }
        }
    }
}

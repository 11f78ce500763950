import Foundation
import XCTest

/// Reports speak in words and never contradict themselves: targets written as people read them,
/// segments and objectives named by their text, and no rounding that shows a value meeting a
/// target its status says it misses.
final class ReportWordsTests: ScratchFolderTestCase {
    func testADisplayedValueNeverContradictsItsStatus() throws {
        let plan = try String(contentsOf: Fixtures.repository.appendingPathComponent("Tests/Fixtures/exports/plan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: #"measure: mean, question: Q3, target: ">= 3""#, with: #"measure: mean, question: Q3, target: ">= 4""#)
        let mockup = folder.appendingPathComponent("plan.yaml")
        try plan.write(to: mockup, atomically: true, encoding: .utf8)
        // Nine answers of 4 and one of 3.966: a mean of 3.9966, just under the target.
        let sheets = try String(contentsOf: Fixtures.repository.appendingPathComponent("Tests/Fixtures/exports/google-sheets.csv"), encoding: .utf8)
        let header = String(sheets.split(whereSeparator: \.isNewline)[0])
        let rows = (0..<10).map { "20/05/2026 18:0\($0):00,,,\"\($0 == 9 ? "3,966" : "4")\",,,," }
        let export = folder.appendingPathComponent("export.csv")
        try ([header] + rows).joined(separator: "\n").appending("\n").write(to: export, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("rapport.html")
        let run = try AtelierProcess.run(["impact", mockup.path, "--responses", export.path, "--html", html.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        let line = try XCTUnwrap(run.output.split(separator: "\n").first { $0.hasPrefix("I3 ") })
        XCTAssertTrue(line.hasPrefix("I3 Lieux cités (moyenne) : 3,997 ["), String(line))
        XCTAssertTrue(line.hasSuffix("— cible ≥ 4 → non atteint"), String(line))
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.contains("<p class=\"value\">3,997</p>"), "the card agrees with its status")
        XCTAssertTrue(page.contains("cible ≥ 4"))
    }

    func testTargetsSegmentsAndObjectivesReadInWords() throws {
        let run = try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/google-sheets.csv", "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        for expected in ["— cible ≥ 60 % →", "I2 Recommandation (NPS) : -20 [", "— cible ≥ 0 →", "    Vous êtes venu·e — En famille : 69,7 % (n = 33)",
                         "O2 Identifier trois lieux disparus du quartier : "] {
            XCTAssertTrue(run.output.contains(expected), "« \(expected) » in\n\(run.output)")
        }
    }
}

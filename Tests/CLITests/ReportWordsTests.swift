import AtelierTabular
import Foundation
import TestSupport
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

/// Open answers listed as written, as text, or left out on request.
final class VerbatimTests: ScratchFolderTestCase {
    func testOpenAnswersAreListedAsTextOrLeftOut() throws {
        let expected = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.repository.appendingPathComponent("Tests/Fixtures/exports/expected.json"))) as? [String: Any])?["verbatims"] as? [String])
        let html = folder.appendingPathComponent("r.html"), xlsx = folder.appendingPathComponent("r.xlsx")
        let run = try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/kobo-labels.csv",
                                          "--html", html.path, "--xlsx", xlsx.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        var sheet = try XLSXReader(path: xlsx.path, sheet: "Verbatims")
        var answers: [String] = []
        while let row = try sheet.nextRow() { answers.append(row.cells[2]) }
        XCTAssertEqual(answers, expected, "every open answer of the kept rows, none of the refused submission")
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.contains("« &lt;b&gt;Bravo&lt;/b&gt; &amp; merci »"), "escaped, never markup")
        XCTAssertTrue(page.contains("(\(expected.count), par question et par groupe)"), "the method note says they are listed")
        XCTAssertTrue(answers.contains { $0.hasPrefix("=HYPERLINK") }, "a formula-looking answer reads back as the text it was (a formula would have no saved text)")

        let hidden = try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/kobo-labels.csv",
                                             "--html", html.path, "--xlsx", xlsx.path, "--no-verbatims", "--lang", "fr"])
        XCTAssertEqual(hidden.status, 0, hidden.error)
        XCTAssertFalse(try XLSXReader.sheetNames(path: xlsx.path).contains("Verbatims"))
        let hiddenPage = try String(contentsOf: html, encoding: .utf8)
        XCTAssertFalse(hiddenPage.contains("Bravo"))
        XCTAssertTrue(hiddenPage.contains("Les réponses libres ne sont pas listées (--no-verbatims)"))

        let aggregate = folder.appendingPathComponent("site.json")
        XCTAssertEqual(try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/kobo-labels.csv",
                                               "--aggregate", aggregate.path]).status, 0)
        XCTAssertFalse(try String(contentsOf: aggregate, encoding: .utf8).contains("Bravo"), "no open answer leaves a site unless it says so")
        XCTAssertEqual(try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/kobo-labels.csv",
                                               "--aggregate", aggregate.path, "--share-verbatims"]).status, 0)
        XCTAssertTrue(try String(contentsOf: aggregate, encoding: .utf8).contains("Bravo"))
    }
}

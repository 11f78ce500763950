import AtelierCore
import AtelierReport
import TestSupport
import XCTest

final class ReporterTests: XCTestCase {
    /// A fixed mockup with one error and one warning, and an accented line before them.
    private let source = """
    format: atelier/1
    title: Médiation | <b>essai</b>
    institution: {name: Musée, type: musuem}
    sumary: x

    """

    private var checked: CheckedFile {
        CheckedFile(path: "essai.yaml", source: source, findings: Fixtures.decode(source).findings.filter { $0.rule != "missing-key" })
    }

    func testTextReportLooksLikeACompiler() {
        let text = TextReporter(language: .en, colour: false).render([checked])
        XCTAssertEqual(text, """
        essai.yaml:3:34: error: « musuem » is not an accepted value for « institution.type »: did you mean « museum »? [unknown-value]
         3 | institution: {name: Musée, type: musuem}
           |                                  ^
           = fix: Write one of the values: museum, library, archives, heritage-site, performing-arts, cultural-centre, youth-centre, school, university, association, third-place, fablab, other.
        essai.yaml:4:1: warning: Unknown key « sumary » at the top of the file: did you mean « summary »? [unknown-key]
         4 | sumary: x
           | ^
           = why: Atelier reads what is written there as if it were under « summary », to check it all the same; the file stays invalid until the key is corrected.
           = fix: Keys accepted here: format, title, summary, language, institution, team, partners, dates, audiences, objectives, tools, activities, data, rights, accessibility, sustainability, budget, evaluation.
        1 file(s) checked: 1 error(s), 1 warning(s), 0 info(s).

        """)
    }

    func testTextReportInFrenchWithColour() {
        let text = TextReporter(language: .fr, colour: true).render([checked])
        XCTAssertTrue(text.hasPrefix("\u{1B}[1messai.yaml:3:34:\u{1B}[0m \u{1B}[1;31merreur:\u{1B}[0m « musuem » n'est pas une valeur acceptée"))
        XCTAssertTrue(text.contains("   = correction : Écrivez l'une des valeurs : museum,"))
        XCTAssertTrue(text.hasSuffix("\u{1B}[1m1 fichier(s) vérifié(s) : 1 erreur(s), 1 avertissement(s), 0 info(s).\u{1B}[0m\n"))
        XCTAssertFalse(TextReporter(language: .fr, colour: false).render([checked]).contains("\u{1B}"))
    }

    func testCaretFollowsTabsInTheSourceLine() {
        let finding = Finding(rule: "r", severity: .info, position: SourcePosition(line: 1, column: 3), message: Localized(verbatim: "m"))
        let text = TextReporter(language: .en, colour: false).render([CheckedFile(path: "f", source: "\tab", findings: [finding])])
        XCTAssertTrue(text.contains(" 1 | \tab\n   | \t ^\n"))
    }

    func testJSONReportFollowsTheContract() throws {
        let json = JSONReporter.render([checked], language: .fr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.first?["path"] as? String, "essai.yaml")
        let first = try XCTUnwrap((files.first?["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["rule"] as? String, "unknown-value")
        XCTAssertEqual(first["severity"] as? String, "error")
        XCTAssertEqual(first["path"] as? String, "institution.type")
        XCTAssertEqual(first["line"] as? Int, 3)
        XCTAssertEqual(first["column"] as? Int, 34)
        XCTAssertEqual(first["message"] as? String, "« musuem » n'est pas une valeur acceptée pour « institution.type » : vouliez-vous écrire « museum » ?")
        XCTAssertTrue(first["why"] is NSNull)
        XCTAssertNotNil(first["fix"] as? String)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 1, "warnings": 1, "infos": 0, "suppressed": 0])
    }

    func testJSONEscapesControlCharacters() {
        XCTAssertEqual(JSONValue.string("a\"b\\c\n\u{01}é").rendered(), "\"a\\\"b\\\\c\\n\\u0001é\"")
        XCTAssertEqual(JSONValue.number(0.1).rendered(), "0.1")
        XCTAssertEqual(JSONValue.number(.nan).rendered(), "null")
        XCTAssertEqual(JSONValue.object([("a", .array([]))]).rendered(pretty: false), "{\"a\":[]}")
    }

    func testMarkdownReportEscapesDocumentText() {
        let finding = Finding(rule: "r", severity: .warning, position: SourcePosition(line: 2, column: 1),
                              message: Localized(verbatim: "a | <img src=x onerror=alert(1)> *b*"), fix: Localized(verbatim: "f"))
        let markdown = MarkdownReporter(language: .en).render([CheckedFile(path: "x_y.yaml", source: "", findings: [finding])])
        XCTAssertEqual(markdown, """
        # Mockup check

        ## x\\_y.yaml

        | Line | Severity | Rule | Finding | Fix |
        |---|---|---|---|---|
        | 2:1 | warning | `r` | a \\| &lt;img src=x onerror=alert(1)&gt; \\*b\\* | f |

        1 file(s) checked: 0 error(s), 1 warning(s), 0 info(s).

        """)
        XCTAssertTrue(MarkdownReporter(language: .fr).render([CheckedFile(path: "ok.yaml", source: "", findings: [])]).contains("Aucune remarque."))
    }

    func testSummaryAndWorstSeverity() {
        XCTAssertEqual(CheckSummary([checked]).worst, .error)
        XCTAssertNil(CheckSummary([CheckedFile(path: "a", source: "", findings: [])]).worst)
    }
}

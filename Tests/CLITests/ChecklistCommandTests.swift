import Foundation
import TestSupport
import XCTest

/// `atelier checklist …` and the checklist options of `check`, as a trainer runs them.
final class ChecklistCommandTests: XCTestCase {
    private let trainerChecklist = "Examples/checklists/reseau-mediatheques.yaml"

    private func atelier(_ arguments: [String]) throws -> AtelierProcess.Run {
        try AtelierProcess.run(arguments)
    }

    func testListAndShow() throws {
        let list = try atelier(["checklist", "list", "--lang", "fr"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.output, "mediation-essentials\tLes essentiels de la médiation numérique\t73 règles\n")
        let show = try atelier(["checklist", "show", trainerChecklist, "--lang", "en"])
        XCTAssertEqual(show.status, 0)
        let lines = show.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 75)
        XCTAssertTrue(lines.contains("objective-measurable\tObjectives\terror\tObjective {id} has no success criterion (success)."))
        XCTAssertTrue(lines.contains("offline-use\tSustainability\toff\tTool {id} depends on the network and does not work offline."))
    }

    func testTestRunsEveryExample() throws {
        let builtIn = try atelier(["checklist", "test", "--lang", "en"])
        XCTAssertEqual(builtIn.status, 0, builtIn.output)
        XCTAssertEqual(builtIn.output, "mediation-essentials: 73 rules, 167 examples, 0 failure(s).\n")
        let trainer = try atelier(["checklist", "test", trainerChecklist, "--lang", "en"])
        XCTAssertEqual(trainer.output, "\(trainerChecklist): 2 rules, 4 examples, 0 failure(s).\n")
    }

    func testABrokenChecklistExitsTwoWithPositions() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("c.yaml")
        try "id: c\ntitle: {fr: c, en: c}\nextends: [mediation-essentials]\nseverities:\n  objective-verb: eror\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try atelier(["check", "Examples", "--checklist", file.path, "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.output, "", "a broken checklist never runs with rules missing")
        XCTAssertEqual(run.error, "atelier: \(file.path):5:19: « eror » is not an accepted value for « severities.objective-verb »: did you mean « error »? Write one of the values: info, warning, error, off.\n")
        let french = try atelier(["check", "Examples", "--checklist", file.path, "--lang", "fr"])
        XCTAssertEqual(french.error, "atelier: \(file.path):5:19: « eror » n'est pas une valeur acceptée pour « severities.objective-verb » : vouliez-vous écrire « error » ? Écrivez l'une des valeurs : info, warning, error, off.\n")
    }

    func testCheckWithATrainerChecklist() throws {
        let run = try atelier(["check", "Examples/broken/pedagogie.yaml", "--checklist", trainerChecklist, "--format", "json"])
        XCTAssertEqual(run.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let file = try XCTUnwrap((object["files"] as? [[String: Any]])?.first)
        let findings = try XCTUnwrap(file["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        XCTAssertTrue(rules.contains("partner-library"))
        XCTAssertEqual(findings.first { $0["rule"] as? String == "objective-measurable" }?["severity"] as? String, "error")
        let readiness = try XCTUnwrap(file["readiness"] as? [String: Any])
        let score = try XCTUnwrap(readiness["score"] as? Double)
        let builtIn = try atelier(["check", "Examples/broken/pedagogie.yaml", "--format", "json"])
        let builtInObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(builtIn.output.utf8)) as? [String: Any])
        let builtInScore = try XCTUnwrap(((builtInObject["files"] as? [[String: Any]])?.first?["readiness"] as? [String: Any])?["score"] as? Double)
        XCTAssertLessThan(score, builtInScore, "raising the severity of failed rules lowers readiness")
        XCTAssertEqual(score, 0.451, "regression value")
        XCTAssertEqual((readiness["sections"] as? [String: Double])?["accessibility"], 0)
    }

    func testSuppressedFindingsAreMarkedInJSONAndMarkdownAndHiddenInText() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mockup = folder.appendingPathComponent("m.yaml")
        let base = try String(contentsOf: Fixtures.library.exampleBase, encoding: .utf8)
        try base.replacingOccurrences(of: "text: Nommer trois œuvres de la salle", with: "text: Découvrir trois œuvres de la salle")
            .replacingOccurrences(of: "objectives: [{id: O1", with: "# atelier: ignore objective-verb — imposé par le financeur\nobjectives: [{id: O1")
            .write(to: mockup, atomically: true, encoding: .utf8)
        let json = try atelier(["check", mockup.path, "--format", "json"])
        XCTAssertEqual(json.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let finding = try XCTUnwrap(((object["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["suppressed"] as? Bool, true)
        XCTAssertEqual(finding["suppression"] as? String, "imposé par le financeur")
        XCTAssertEqual((object["summary"] as? [String: Int])?["suppressed"], 1)
        let markdown = try atelier(["check", mockup.path, "--format", "markdown", "--lang", "fr"])
        XCTAssertTrue(markdown.output.contains("*(ignorée : imposé par le financeur)*"), markdown.output)
        let text = try atelier(["check", mockup.path, "--lang", "fr"])
        XCTAssertFalse(text.output.contains("objective-verb"))
        XCTAssertTrue(text.output.hasSuffix("1 fichier(s) vérifié(s) : 0 erreur(s), 0 avertissement(s), 0 info(s), 1 ignorée(s) par commentaire.\n"))
    }

    func testVerbsPrintsEveryEntryWithItsMeaningAndReason() throws {
        for (language, count) in [("fr", 174), ("en", 127)] {
            let run = try atelier(["checklist", "verbs", "--lang", language])
            XCTAssertEqual(run.status, 0)
            let lines = run.output.split(separator: "\n")
            XCTAssertEqual(lines.count, count, "as the README says")
            XCTAssertTrue(lines.allSatisfy { $0.split(separator: "\t").count == 3 }, run.output)
        }
        let run = try atelier(["checklist", "verbs", "--lang", "fr", "Être capable de filmer un témoignage"])
        XCTAssertEqual(run.output, "filmer\tappliquer\tUn geste de médiation mené avec un outil (appliquer) : on en vérifie le produit — transcription, photo, film, interview, dessin.\n")
    }

    func testDocInMarkdownAndHTML() throws {
        let markdown = try atelier(["checklist", "doc", "--lang", "fr"])
        XCTAssertEqual(markdown.status, 0)
        XCTAssertTrue(markdown.output.hasPrefix("# Liste de contrôle : Les essentiels de la médiation numérique\n\n73 règles, classées par section."))
        XCTAssertTrue(markdown.output.contains("\n## Accessibilité\n"))
        // The reasons cite the law (France's in a document without a mockup), not a placeholder.
        XCTAssertFalse(markdown.output.contains("{accessfr}") || markdown.output.contains("{lawfr}"))
        XCTAssertTrue(markdown.output.contains("obligatoire pour les organismes publics : RGAA 4.1 (loi du 11 février 2005, art. 47)."))
        XCTAssertTrue(markdown.output.contains("| `podcast-transcript` | erreur | tools\\[type=podcast\\|audio-guide\\].accessibility.transcript vaut true |"))
        XCTAssertTrue(markdown.output.contains("| `personal-data-basis` | erreur | si data.personal vaut true : data.legal-basis est renseigné |"))
        let html = try atelier(["checklist", "doc", "--format", "html", "--lang", "en"])
        XCTAssertTrue(html.output.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.output.contains("<h2>Data and rights</h2>"))
        XCTAssertTrue(html.output.contains("<td>objective-single-sentence</td>"))
        XCTAssertFalse(html.output.contains("<script"))
    }
}

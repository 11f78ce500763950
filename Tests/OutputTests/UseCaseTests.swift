import AtelierCore
import AtelierReport
import AtelierUseCases
import Foundation
import TestSupport
import XCTest

/// The library's jobs give what the command line gives: the server calls these, so they must
/// be the same jobs, not look-alikes.
final class UseCaseTests: XCTestCase {
    private let toolkit = Toolkit(library: Fixtures.library)
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.scratchFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testImpactGivesTheCommandLinesJSON() throws {
        let mockup = Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml").path
        let export = Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv").path
        let outcome = try ImpactUseCase.run(ImpactRequest(mockup: try SourceDocument.read(mockup), responses: [export], language: .fr), toolkit: toolkit)
        let command = try AtelierProcess.run(["impact", mockup, "--responses", export, "--json", "-", "--lang", "fr"])
        XCTAssertEqual(command.status, 0, command.error)
        XCTAssertEqual(outcome.reports.json, command.output)
        XCTAssertTrue(outcome.reports.json.contains("\"indicators\""))
    }

    func testCheckGivesTheCommandLinesFindings() throws {
        let mockup = Fixtures.examples.appendingPathComponent("vr-abbaye.yaml").path
        let outcome = try CheckUseCase.run(CheckRequest(documents: [try SourceDocument.read(mockup)], language: .en), toolkit: toolkit)
        let command = try AtelierProcess.run(["check", mockup, "--format", "json", "--lang", "en"])
        XCTAssertEqual(JSONReporter.render(outcome.files, language: .en), command.output)
        XCTAssertEqual(outcome.summary.errors, 0)
    }

    func testRenderRefusesAMockupItCannotRead() throws {
        let broken = SourceDocument(path: "cassee.yaml", bytes: Array("format: atelier/1\ntitle: [".utf8))
        XCTAssertThrowsError(try RenderUseCase.run(RenderRequest(document: broken, language: .fr), toolkit: toolkit)) { error in
            XCTAssertEqual((error as? UserError)?.message.fr,
                           "cassee.yaml ne peut pas être mise en page : corrigez d'abord ses erreurs (atelier check cassee.yaml).")
        }
    }

    func testSurveyRefusesAMockupWithoutQuestions() throws {
        var text = try String(contentsOf: Fixtures.examples.appendingPathComponent("vr-abbaye.yaml"), encoding: .utf8)
        text = text.components(separatedBy: "\nevaluation:")[0] + "\n"
        let document = SourceDocument(path: "sans-questions.yaml", bytes: Array(text.utf8))
        XCTAssertThrowsError(try SurveyUseCase.run(SurveyRequest(document: document, language: .en), toolkit: toolkit)) { error in
            XCTAssertEqual((error as? UserError)?.message.en,
                           "sans-questions.yaml has no questions (evaluation.questions): there is no questionnaire to make.")
        }
    }

    func testGradeSheetNeedsGroups() throws {
        let rubric = try toolkit.rubric("presentation-atelier")
        XCTAssertNil(GradeSheetUseCase.run(GradeSheetRequest(rubric: rubric, groups: [], graders: ["Camille"], language: .fr)))
        XCTAssertThrowsError(try toolkit.rubric("inconnue")) { error in
            XCTAssertTrue((error as? UserError)?.message.fr.hasPrefix("Grille « inconnue » introuvable. Grilles fournies : ") == true)
        }
    }

    func testDemoWritesEveryOutputAndSaysWhatItMet() throws {
        let outcome = try DemoUseCase.run(DemoRequest(examples: Fixtures.examples.path, output: folder.path, language: .en), toolkit: toolkit)
        let names = outcome.written.map { String($0.dropFirst(folder.path.count + 1)) }
        XCTAssertEqual(outcome.check.files.count, try Fixtures.files(in: Fixtures.examples, ending: ".yaml").count)
        for expected in ["check.txt", "check.json", "checklist.html", "fiche-vr-abbaye.html", "impact-voix-du-quartier.xlsx",
                         "agregats-voix-du-quartier-mediatheque.json", "reseau-voix-du-quartier.html", "grille-vierge.xlsx", "notes.json"] {
            XCTAssertTrue(names.contains(expected), expected)
        }
        XCTAssertTrue(names.contains { $0.hasPrefix("retours/") })
        XCTAssertEqual(names, names.sorted())
        XCTAssertTrue(outcome.notices.contains { $0.en.contains("archives-expo-virtuelle.yaml") }, "a sheet not ready is said, not hidden")
        let check = try String(contentsOfFile: folder.appendingPathComponent("check.json").path, encoding: .utf8)
        XCTAssertEqual(check, JSONReporter.render(outcome.check.files, language: .en))
    }
}

import AtelierChecklist
import AtelierCore
@testable import AtelierGrading
import AtelierMockup
import Foundation
import TestSupport
import XCTest

/// The rubric and checklist formats' JSON Schemas: written from the declarations the loaders
/// validate with, and that every built-in rubric and checklist satisfies.
final class RubricSchemaTests: XCTestCase {
    func testEveryBuiltInRubricIsADocumentOfTheSchema() throws {
        let rubrics = try Fixtures.files(in: Fixtures.templates.appendingPathComponent("rubrics"), ending: ".yaml")
        XCTAssertFalse(rubrics.isEmpty)
        for file in rubrics {
            let findings = JSONSchemaWriter.findings(Fixtures.bytes(file), against: RubricSchema.document)
            XCTAssertEqual(findings.map { "\($0.rule) \($0.path) \($0.message.en)" }, [], file.lastPathComponent)
        }
        let misspelt = JSONSchemaWriter.findings(Array("id: g\ntitle: {fr: G, en: G}\ncriteres: []\n".utf8), against: RubricSchema.document)
        XCTAssertEqual(Set(misspelt.map(\.rule)), ["unknown-key"], "a misspelt key is reported, and stands in for the missing one")
    }

    func testTheLoaderReportsWhatTheSchemaFindsWithItsPosition() {
        let text = "id: g\ntitle: {fr: G, en: G}\ncriteria:\n  - {id: c, label: {fr: C, en: C}, poids: 2, levels: [{label: {fr: A, en: A}, points: 1}]}\n"
        XCTAssertThrowsError(try RubricLoader.load(Array(text.utf8), file: "g.yaml")) { error in
            let problems = (error as? DefinitionError)?.problems ?? []
            XCTAssertEqual(problems.map { $0.sentence(in: .en) },
                           ["g.yaml:4:36: Unknown key « poids » in « criteria[0] ». Keys accepted here: id, label, weight, levels, auto, feedback-only."])
        }
    }

    func testEveryBuiltInChecklistIsADocumentOfItsSchema() throws {
        let files = try Fixtures.files(in: Fixtures.templates.appendingPathComponent("checklists"), ending: ".yaml").filter { $0.lastPathComponent != "example-base.yaml" }
            + [Fixtures.repository.appendingPathComponent("Examples/checklists/reseau-mediatheques.yaml")]
        for file in files {
            let findings = JSONSchemaWriter.findings(Fixtures.bytes(file), against: ChecklistSchema.document)
            XCTAssertEqual(findings.map { "\($0.rule) \($0.path) \($0.message.en)" }, [], file.lastPathComponent)
            XCTAssertTrue(String(decoding: Fixtures.bytes(file), as: UTF8.self).hasPrefix("# yaml-language-server: $schema="), "its modeline points to the schema")
        }
    }

    func testTheCommandWritesEachFormatsSchema() throws {
        let rubric = try AtelierProcess.run(["schema", "--for", "rubric"])
        XCTAssertEqual(rubric.status, 0, rubric.error)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rubric.output.utf8)) as? [String: Any])
        XCTAssertEqual(document["$id"] as? String, "https://atelier.invalid/schema/rubric-1.schema.json")
        XCTAssertEqual(document["required"] as? [String], ["id", "title", "criteria"])
        XCTAssertEqual(rubric.output, try String(contentsOf: Fixtures.templates.appendingPathComponent("schema/rubric.schema.json"), encoding: .utf8),
                       "the committed rubric schema is the one the command writes")
        let checklist = try AtelierProcess.run(["schema", "--for", "checklist"])
        XCTAssertEqual(checklist.output, try String(contentsOf: Fixtures.templates.appendingPathComponent("schema/checklist.schema.json"), encoding: .utf8),
                       "the committed checklist schema is the one the command writes")
        let mockup = try AtelierProcess.run(["schema"])
        XCTAssertEqual(mockup.output, try String(contentsOf: Fixtures.templates.appendingPathComponent("schema/mockup.schema.json"), encoding: .utf8),
                       "the mockup's schema is unchanged by default")
    }
}

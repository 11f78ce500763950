import AtelierCore
@testable import AtelierGrading
import AtelierMockup
import Foundation
import XCTest

/// The rubric format's JSON Schema: written from a declaration that names the keys the loader
/// reads, and that every built-in rubric satisfies.
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

    func testTheSchemaNamesTheKeysTheLoaderReads() throws {
        func names(_ node: SchemaNode) -> [String] {
            if case .object(let fields) = node { return fields.map(\.name) }
            return []
        }
        XCTAssertEqual(names(RubricSchema.root), RubricLoader.topKeys)
        XCTAssertEqual(names(RubricSchema.criterion), RubricLoader.criterionKeys)
        XCTAssertEqual(names(RubricSchema.level), RubricLoader.levelKeys)
    }

    func testTheCommandWritesEachFormatsSchema() throws {
        let rubric = try AtelierProcess.run(["schema", "--for", "rubric"])
        XCTAssertEqual(rubric.status, 0, rubric.error)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rubric.output.utf8)) as? [String: Any])
        XCTAssertEqual(document["$id"] as? String, "https://atelier.invalid/schema/rubric-1.schema.json")
        XCTAssertEqual(document["required"] as? [String], ["id", "title", "criteria"])
        XCTAssertEqual(rubric.output, try String(contentsOf: Fixtures.templates.appendingPathComponent("schema/rubric.schema.json"), encoding: .utf8),
                       "the committed rubric schema is the one the command writes")
        let mockup = try AtelierProcess.run(["schema"])
        XCTAssertEqual(mockup.output, try String(contentsOf: Fixtures.templates.appendingPathComponent("schema/mockup.schema.json"), encoding: .utf8),
                       "the mockup's schema is unchanged by default")
    }
}

import AtelierCore
import AtelierMockup
import TestSupport
import XCTest

final class SchemaTests: XCTestCase {
    func testCommittedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Fixtures.library.schemaFile, encoding: .utf8)
        XCTAssertEqual(committed, JSONSchemaWriter.text(), "run `make schema` and commit Templates/schema/mockup.schema.json")
    }

    func testSchemaIsDraft07WithFrenchDescriptionsAndEnumDescriptions() throws {
        let data = Data(JSONSchemaWriter.text().utf8)
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
        XCTAssertEqual(schema["required"] as? [String], ["format", "title", "institution", "dates", "audiences", "objectives", "tools", "activities", "evaluation"])
        let properties = try XCTUnwrap(schema["properties"] as? [String: [String: Any]])
        XCTAssertEqual(properties["title"]?["description"] as? String, "Titre du projet de médiation.")
        let tools = try XCTUnwrap(properties["tools"]?["items"] as? [String: Any])
        let type = try XCTUnwrap((tools["properties"] as? [String: [String: Any]])?["type"])
        XCTAssertEqual((type["enum"] as? [String])?.first, "ar")
        XCTAssertEqual((type["enumDescriptions"] as? [String])?.first, "Réalité augmentée")
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
    }
}

import AtelierCore
import AtelierYAML

/// A format Atelier reads, as its JSON Schema presents it: the declaration, its address and title.
public struct SchemaDocument: Sendable {
    public let root: SchemaNode
    public let id: String
    public let title: String
    public let description: String

    public init(root: SchemaNode, id: String, title: String, description: String) {
        self.root = root
        self.id = id
        self.title = title
        self.description = description
    }

    /// The problems of `root` read as a document of this format: structure, types, unknown keys
    /// (with the closest known one), required keys, accepted values.
    public func findings(in root: YAMLNode) -> [Finding] {
        var validator = Validator(builtinScales: [])
        _ = validator.validateDocument(root, as: self.root)
        return validator.findings
    }

    public static let mockup = SchemaDocument(
        root: MockupSchema.root, id: "https://atelier.invalid/schema/mockup-1.schema.json", title: "Maquette de projet de médiation (atelier/1)",
        description: "Le format des maquettes lues par Atelier : publics, outils, objectifs, calendrier et plan d'évaluation.")
}

/// The draft-07 JSON Schema of a format, for editors (completion, hover help, squiggles).
/// It is written from the format's declaration, so it cannot drift from what Atelier accepts.
public enum JSONSchemaWriter {
    public static func document(_ schema: SchemaDocument = .mockup) -> JSONValue {
        guard case .object(let members) = node(schema.root) else { return .null }
        return .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string(schema.id)),
            ("title", .string(schema.title)),
            ("description", .string(schema.description)),
        ] + members)
    }

    public static func text(_ schema: SchemaDocument = .mockup) -> String { document(schema).rendered() + "\n" }

    /// The problems of `bytes` read as a document of `schema`: structure, types, unknown keys.
    public static func findings(_ bytes: [UInt8], against schema: SchemaDocument) -> [Finding] {
        let document = YAMLLoader.load(bytes)
        guard let root = document.root, document.problems.isEmpty else { return document.problems.map(\.finding) }
        return schema.findings(in: root)
    }

    private static func node(_ schema: SchemaNode) -> JSONValue {
        switch schema {
        case .scalar(let type):
            return scalar(type)
        case .localizedText:
            return .object([("oneOf", .array([
                .object([("type", .string("string"))]),
                .object([
                    ("type", .string("object")),
                    ("properties", .object(Language.allCases.map { ($0.rawValue, .object([("type", .string("string"))])) })),
                    ("additionalProperties", .bool(false)),
                ]),
            ]))])
        case .object(let fields):
            var members: [(String, JSONValue)] = [
                ("type", .string("object")),
                ("properties", .object(fields.map { field in
                    guard case .object(let inner) = node(field.node) else { return (field.name, .null) }
                    return (field.name, .object([("description", .string(field.description))] + inner))
                })),
            ]
            let required = fields.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { members.append(("required", .array(required))) }
            members.append(("additionalProperties", .bool(false)))
            return .object(members)
        case .list(let item, _):
            return .object([("type", .string("array")), ("items", node(item))])
        case .dictionary(let item, _):
            return .object([("type", .string("object")), ("additionalProperties", node(item))])
        case .any:
            return .object([])
        case .bilingualText:
            return node(.object(SchemaNode.bilingualFields))
        }
    }

    private static func pattern(_ regex: String, types: [String] = ["string"]) -> JSONValue {
        .object([("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string))), ("pattern", .string(regex))])
    }

    private static func scalar(_ type: ScalarType) -> JSONValue {
        switch type {
        case .text, .ref, .scale:
            return .object([("type", .string("string"))])
        case .id:
            return pattern("^[A-Za-z][A-Za-z0-9_-]*$")
        case .date:
            return pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        case .dateTime:
            return pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?$")
        case .moment:
            return pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$")
        case .duration:
            return .object([("type", .string("string")), ("examples", .array(["45min", "2h", "1h30", "1.5h", "2 jours"].map(JSONValue.string)))])
        case .bool:
            let accepted: [JSONValue] = [.bool(true), .bool(false)] + ["yes", "no", "oui", "non"].map(JSONValue.string)
            return .object([("type", .array([.string("boolean"), .string("string")])), ("enum", .array(accepted))])
        case .integer:
            return .object([("type", .string("integer"))])
        case .number:
            return pattern("^-?[0-9][0-9  ]*([.,][0-9]+)?$", types: ["number", "string"])
        case .percent:
            return pattern("^[0-9]+([.,][0-9]+)? ?%$", types: ["number", "string"])
        case .choice(let choices):
            return .object([
                ("type", .string("string")),
                ("enum", .array(choices.map { .string($0.value) })),
                ("enumDescriptions", .array(choices.map { .string($0.description) })),
            ])
        case .country:
            return pattern("^[A-Z]{2}$")
        case .currency:
            return pattern("^[A-Z]{3}$")
        case .email:
            return .object([("type", .string("string")), ("format", .string("email"))])
        case .formatVersion:
            return .object([("const", .string(MockupSchema.formatVersion))])
        }
    }
}

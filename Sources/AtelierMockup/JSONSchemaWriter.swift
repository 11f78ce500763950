import AtelierCore

/// The draft-07 JSON Schema of the format, for editors (completion, hover help, squiggles).
/// It is written from `MockupSchema`, so it cannot drift from what `check` accepts.
public enum JSONSchemaWriter {
    public static func document() -> JSONValue {
        guard case .object(let members) = node(MockupSchema.root) else { return .null }
        return .object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://atelier.invalid/schema/mockup-1.schema.json")),
            ("title", .string("Maquette de projet de médiation (atelier/1)")),
            ("description", .string("Le format des maquettes lues par Atelier : publics, outils, objectifs, calendrier et plan d'évaluation.")),
        ] + members)
    }

    public static func text() -> String { document().rendered() + "\n" }

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

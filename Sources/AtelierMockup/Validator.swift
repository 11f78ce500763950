import AtelierCore
import AtelierYAML

/// Checks a YAML tree against a schema and types its scalars. Reports every problem at
/// once, each where it is written, and never the consequence of another: a reference is
/// only judged dangling when the list it points into was read whole.
struct Validator {
    private(set) var findings: [Finding] = []
    private var ids: [String: [String: SourcePosition]] = [:]
    private var incompleteNamespaces: Set<String> = []
    private var references: [(namespace: String, id: String, position: SourcePosition, path: FieldPath)] = []
    private var scaleReferences: [(name: String, position: SourcePosition, path: FieldPath)] = []
    let builtinScales: Set<String>

    init(builtinScales: Set<String>) {
        self.builtinScales = builtinScales
    }

    /// Validates `root` against `schema` and then the references between its parts.
    mutating func validateDocument(_ root: YAMLNode, as schema: SchemaNode) -> Value? {
        let value = validate(root, as: schema, at: .root, keyPosition: nil, idNamespace: nil)
        checkReferences()
        return value
    }

    private mutating func report(
        _ rule: String, _ severity: Severity = .error, at position: SourcePosition, path: FieldPath,
        _ message: Localized, fix: Localized? = nil, why: Localized? = nil
    ) {
        findings.append(Finding(rule: rule, severity: severity, path: path, position: position, message: message, why: why, fix: fix))
    }

    private static func place(of path: FieldPath) -> Localized {
        path.components.isEmpty ? MockupMessage.text(.placeTop) : MockupMessage.text(.placeIn, ["path": path.description])
    }

    private static func shown(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _): text
        case .mapping: "{…}"
        case .sequence: "[…]"
        }
    }

    private mutating func wrongType(_ node: YAMLNode, expected: Localized, path: FieldPath) {
        let message = MockupMessage.text(.mockupWrongType, localized: [
            "field": Localized(verbatim: path.description), "expected": expected, "value": Localized(verbatim: Self.shown(node)),
        ])
        report("wrong-type", at: node.position, path: path, message, fix: MockupMessage.text(.mockupWriteExpected, localized: ["expected": expected]))
    }

    private mutating func validate(_ node: YAMLNode, as schema: SchemaNode, at path: FieldPath, keyPosition: SourcePosition?, idNamespace: String?) -> Value? {
        switch schema {
        case .scalar(let type):
            return validateScalar(node, as: type, at: path, idNamespace: idNamespace)
        case .localizedText:
            return validateLocalizedText(node, at: path)
        case .object(let fields):
            return validateObject(node, fields: fields, at: path, keyPosition: keyPosition, idNamespace: idNamespace)
        case .bilingualText:
            return validateObject(node, fields: SchemaNode.bilingualFields, at: path, keyPosition: keyPosition, idNamespace: nil,
                                  expected: schema.expectedForm)
        case .list(let item, let namespace):
            guard let items = node.items else {
                if let namespace { incompleteNamespaces.insert(namespace) }
                wrongType(node, expected: schema.expectedForm, path: path)
                return nil
            }
            var values: [Value] = []
            for (index, itemNode) in items.enumerated() where !itemNode.isEmpty {
                if let value = validate(itemNode, as: item, at: path.appending(index), keyPosition: nil, idNamespace: namespace) {
                    values.append(value)
                } else if let namespace {
                    incompleteNamespaces.insert(namespace)
                }
            }
            return .list(values, node.position)
        case .dictionary(let item, let namespace):
            guard let entries = node.entries else {
                if let namespace { incompleteNamespaces.insert(namespace) }
                wrongType(node, expected: schema.expectedForm, path: path)
                return nil
            }
            var values: [(key: String, value: Value)] = []
            for entry in entries {
                if let namespace { register(entry.key, in: namespace, at: entry.keyPosition, path: path.appending(entry.key)) }
                if let value = validate(entry.value, as: item, at: path.appending(entry.key), keyPosition: entry.keyPosition, idNamespace: nil) {
                    values.append((entry.key, value))
                }
            }
            return .dictionary(values, node.position)
        case .any:
            return nil
        }
    }

    private mutating func validateObject(_ node: YAMLNode, fields: [Field], at path: FieldPath, keyPosition: SourcePosition?, idNamespace: String?,
                                         expected: Localized = MockupMessage.text(.formMapping)) -> Value? {
        guard let entries = node.entries else {
            wrongType(node, expected: expected, path: path)
            return nil
        }
        var values: [String: Value] = [:]
        var present: Set<String> = []
        var standingIn: Set<String> = []
        let written = Set(entries.map(\.key))
        // One unknown key and one required key missing, nothing alike: the one is taken for the other.
        let unknown = entries.filter { entry in !fields.contains { $0.name == entry.key } }
        let missing = fields.filter { $0.required && !written.contains($0.name) }
        let loneMissing = unknown.count == 1 && missing.count == 1 ? missing.first : nil
        for entry in entries {
            let entryPath = path.appending(entry.key)
            guard let field = fields.first(where: { $0.name == entry.key }) else {
                if let standIn = reportUnknownKey(entry, fields: fields, path: path, written: written, loneMissing: loneMissing, idNamespace: idNamespace) {
                    standingIn.insert(standIn.name)
                    if let value = standIn.value { values[standIn.name] = value }
                }
                continue
            }
            present.insert(field.name)
            if entry.value.isEmpty {
                if field.required, case .scalar = field.node {
                    report("missing-value", at: entry.keyPosition, path: entryPath,
                           MockupMessage.text(.mockupMissingValue, ["key": entry.key]),
                           fix: MockupMessage.text(.mockupWriteExpected, localized: ["expected": field.node.expectedForm]))
                }
                if field.name == "id", let idNamespace { incompleteNamespaces.insert(idNamespace) }
                continue
            }
            let namespace = field.name == "id" ? idNamespace : nil
            if let value = validate(entry.value, as: field.node, at: entryPath, keyPosition: entry.keyPosition, idNamespace: namespace) {
                values[field.name] = value
            } else if let namespace {
                incompleteNamespaces.insert(namespace)
            }
        }
        for field in fields where field.required && !present.contains(field.name) && !standingIn.contains(field.name) {
            if field.name == "id", let idNamespace { incompleteNamespaces.insert(idNamespace) }
            report("missing-key", at: keyPosition ?? node.position, path: path.appending(field.name),
                   MockupMessage.text(.mockupMissingKey, localized: ["key": Localized(verbatim: field.name), "place": Self.place(of: path)]),
                   fix: MockupMessage.text(.mockupMissingKeyFix, localized: ["key": Localized(verbatim: field.name), "expected": field.node.expectedForm]))
        }
        checkOrder(values, at: path)
        return .record(Record(path: path, position: node.position, values: values, fields: fields))
    }

    /// Reports a key the format does not have. When it is the misspelling of a key that is not
    /// written (`publics:` for `audiences:`), it stands in for that key: the key is not reported
    /// missing again, the references to its identifiers are not reported dangling, and the
    /// finding is an error at the key's place when the key is required — one mistake, one finding.
    /// When nothing resembles it but it is the only unknown key where one required key is missing
    /// (`titre:` where `text:` is expected), it is taken for that key.
    /// Returns the key it stands in for, with what is written under it when that reads as the key's value.
    private mutating func reportUnknownKey(_ entry: YAMLEntry, fields: [Field], path: FieldPath, written: Set<String>, loneMissing: Field?,
                                           idNamespace: String?) -> (name: String, value: Value?)? {
        let candidates = fields.map(\.name) + fields.flatMap(\.aliases)
        let spaced = Self.spaceBeforeColon(entry.key)
        let suggested = fields.first { $0.name == spaced?.key } ?? TextMatching.closest(to: entry.key, among: candidates).first.map { match in
            fields.first { $0.name == match || $0.aliases.contains(match) }!
        } ?? loneMissing
        let suggestion = suggested?.name
        let standIn = suggested.flatMap { written.contains($0.name) ? nil : $0 }
        if let namespace = standIn?.node.namespace { incompleteNamespaces.insert(namespace) }
        let read = standIn.flatMap { readStandIn(entry, as: $0, at: path.appending(entry.key), idNamespace: idNamespace) }
        let arguments: [String: Localized] = [
            "key": Localized(verbatim: entry.key), "place": Self.place(of: path),
            "suggestion": Localized(verbatim: suggestion ?? ""),
            "space": spaced?.space ?? Localized(verbatim: ""),
        ]
        let message = MockupMessage.text(spaced != nil && suggestion == spaced?.key ? .mockupKeySpaceBeforeColon
                                     : suggestion == nil ? .mockupUnknownKey : .mockupUnknownKeySuggestion, localized: arguments)
        let fix = spaced != nil && suggestion == spaced?.key ? MockupMessage.text(.mockupKeySpaceBeforeColonFix, localized: arguments)
            : MockupMessage.text(entry.value.isEmpty ? .mockupUnknownKeyCommaFix : .mockupUnknownKeyFix,
                             ["key": entry.key, "keys": fields.map(\.name).joined(separator: ", ")])
        report("unknown-key", standIn?.required == true ? .error : .warning, at: entry.keyPosition,
               path: path.appending(standIn?.name ?? entry.key), message, fix: fix,
               why: read == nil ? MockupMessage.text(.mockupUnknownKeyWhy) : MockupMessage.text(.mockupUnknownKeyReadAsWhy, localized: arguments))
        return standIn.map { ($0.name, read) }
    }

    /// The value under a key standing in for `field` (`publics:` for `audiences:`), read as that
    /// field's so that the rules still judge what it says (at its own place in the file) — when
    /// it reads without error: a wrong guess at the key must not add findings of its own.
    private mutating func readStandIn(_ entry: YAMLEntry, as field: Field, at path: FieldPath, idNamespace: String?) -> Value? {
        guard !entry.value.isEmpty else { return nil }
        var trial = self
        let before = findings.count
        guard let value = trial.validate(entry.value, as: field.node, at: path, keyPosition: entry.keyPosition,
                                         idNamespace: field.name == "id" ? idNamespace : nil),
              !trial.findings[before...].contains(where: { $0.severity == .error }) else { return nil }
        self = trial
        return value
    }

    /// A key ending with the space a French word processor puts before « : » (no-break, narrow
    /// no-break, thin): the key without it, and the space's name.
    private static func spaceBeforeColon(_ key: String) -> (key: String, space: Localized)? {
        let names: [Unicode.Scalar: Localized] = [
            "\u{00A0}": Localized(fr: "insécable (U+00A0)", en: "no-break (U+00A0)"),
            "\u{202F}": Localized(fr: "fine insécable (U+202F)", en: "narrow no-break (U+202F)"),
            "\u{2009}": Localized(fr: "fine (U+2009)", en: "thin (U+2009)"),
        ]
        guard let last = key.unicodeScalars.last, let name = names[last] else { return nil }
        let trimmed = String(String.UnicodeScalarView(key.unicodeScalars.reversed().drop { names[$0] != nil || $0 == " " }.reversed()))
        return trimmed.isEmpty ? nil : (trimmed, name)
    }

    /// A date written the everyday way (« 15/05/2026 », « 30 juin 2026 »), converted to the form
    /// `type` reads, when it reads it.
    private static func convertedDate(_ text: String, as type: ScalarType) -> String? {
        guard let converted = WrittenDate.converted(text) else { return nil }
        return switch type {
        case .date: ScalarParser.date(converted) != nil ? converted : nil
        case .dateTime: ScalarParser.dateTime(converted) != nil ? converted : nil
        case .moment: ScalarParser.moment(converted) != nil ? converted : nil
        default: nil
        }
    }

    /// An object with both a `start` and an `end` must not end before it starts.
    private mutating func checkOrder(_ values: [String: Value], at path: FieldPath) {
        guard case .scalar(.moment(let start), _)? = values["start"],
              case .scalar(.moment(let end), let endPosition)? = values["end"],
              end.latest < start.earliest else { return }
        report("end-before-start", at: endPosition, path: path.appending("end"),
               MockupMessage.text(.mockupEndBeforeStart, ["start": start.description, "end": end.description]),
               fix: MockupMessage.text(.mockupEndBeforeStartFix))
    }

    private mutating func validateLocalizedText(_ node: YAMLNode, at path: FieldPath) -> Value? {
        if let text = node.scalarText {
            return .localized(Localized(verbatim: text), node.position)
        }
        let languageFields = Language.allCases.map { Field($0.rawValue, .scalar(.text), "") }
        guard case .record(let record)? = validateObject(node, fields: languageFields, at: path, keyPosition: nil, idNamespace: nil) else {
            return nil
        }
        guard let any = record.text("fr") ?? record.text("en") else {
            wrongType(node, expected: MockupMessage.text(.formLocalizedText), path: path)
            return nil
        }
        return .localized(Localized(fr: record.text("fr") ?? any, en: record.text("en") ?? any), node.position)
    }

    private mutating func validateScalar(_ node: YAMLNode, as type: ScalarType, at path: FieldPath, idNamespace: String?) -> Value? {
        guard let text = node.scalarText else {
            wrongType(node, expected: type.expectedForm, path: path)
            return nil
        }
        let position = node.position
        func invalid() -> Value? {
            if let converted = Self.convertedDate(text, as: type) {
                report("invalid-value", at: position, path: path,
                       MockupMessage.text(.mockupWrittenDate, ["value": text, "converted": converted]),
                       fix: MockupMessage.text(.mockupWrittenDateFix, ["converted": converted]))
                return nil
            }
            report("invalid-value", at: position, path: path,
                   MockupMessage.text(.mockupInvalidValue, localized: ["value": Localized(verbatim: text), "expected": type.expectedForm]),
                   fix: MockupMessage.text(.mockupWriteExpected, localized: ["expected": type.expectedForm]))
            return nil
        }
        func typed(_ value: ScalarValue?) -> Value? {
            guard let value else { return invalid() }
            if let range = ScalarBounds.violated(by: value) {
                report("out-of-range", at: position, path: path,
                       MockupMessage.text(.mockupOutOfRange, ["value": text, "low": range.low, "high": range.high]),
                       fix: MockupMessage.text(.mockupOutOfRangeFix, ["low": range.low, "high": range.high]))
                return nil
            }
            return .scalar(value, position)
        }
        switch type {
        case .text:
            return .scalar(.text(text), position)
        case .id:
            guard ScalarParser.isIdentifier(text) else { return invalid() }
            if let idNamespace { register(text, in: idNamespace, at: position, path: path) }
            return .scalar(.text(text), position)
        case .ref(let namespace):
            references.append((namespace, text, position, path))
            return .scalar(.text(text), position)
        case .scale:
            scaleReferences.append((text, position, path))
            return .scalar(.text(text), position)
        case .choice(let choices):
            return validateChoice(text, choices: choices, at: position, path: path)
        case .formatVersion:
            guard text == MockupSchema.formatVersion else {
                report("format-version", at: position, path: path, MockupMessage.text(.mockupFormat, ["value": text]), fix: MockupMessage.text(.mockupFormatFix))
                return nil
            }
            return .scalar(.text(text), position)
        case .date: return typed(ScalarParser.date(text).map { .moment(Moment(date: $0)) })
        case .dateTime: return typed(ScalarParser.dateTime(text).map { .moment($0) })
        case .moment: return typed(ScalarParser.moment(text).map { .moment($0) })
        case .duration: return typed(ScalarParser.durationMinutes(text).map { .duration($0) })
        case .bool: return typed(ScalarParser.bool(text).map { .bool($0) })
        case .integer: return typed(ScalarParser.integer(text).map { .integer($0) })
        case .number: return typed(ScalarParser.number(text).map { .number($0) })
        case .percent: return typed(ScalarParser.percent(text).map { .number($0) })
        case .country:
            if !ScalarParser.isCode(text, letters: 2), let code = CountryNames.code(of: text) {
                report("invalid-value", at: position, path: path, MockupMessage.text(.mockupCountryName, ["value": text, "code": code]),
                       fix: MockupMessage.text(.mockupCountryNameFix, ["code": code]))
                return nil
            }
            return typed(ScalarParser.isCode(text, letters: 2) ? .text(text) : nil)
        case .currency: return typed(ScalarParser.isCode(text, letters: 3) ? .text(text) : nil)
        case .email: return typed(ScalarParser.isEmail(text) ? .text(text) : nil)
        }
    }

    /// An enumerated value; a difference of case alone is forgiven.
    private mutating func validateChoice(_ text: String, choices: [Choice], at position: SourcePosition, path: FieldPath) -> Value? {
        if let match = choices.first(where: { $0.value.lowercased() == text.lowercased() }) {
            return .scalar(.text(match.value), position)
        }
        let values = choices.map(\.value)
        if let everyday = choices.first(where: { $0.everydayWords.contains(TextMatching.normalized(text)) }) {
            report("unknown-value", at: position, path: path,
                   MockupMessage.text(.mockupValueSynonym, ["value": text, "suggestion": everyday.value]),
                   fix: MockupMessage.text(.mockupValueSynonymFix, ["suggestion": everyday.value]))
            return nil
        }
        let suggestion = TextMatching.closest(to: text, among: values).first
        let arguments = ["value": text, "field": path.description, "suggestion": suggestion ?? ""]
        report("unknown-value", at: position, path: path,
               MockupMessage.text(suggestion == nil ? .mockupUnknownValue : .mockupUnknownValueSuggestion, arguments),
               fix: MockupMessage.text(.mockupUnknownValueFix, ["values": values.joined(separator: ", ")]))
        return nil
    }

    private mutating func register(_ id: String, in namespace: String, at position: SourcePosition, path: FieldPath) {
        if let first = ids[namespace]?[id] {
            report("duplicate-id", at: position, path: path,
                   MockupMessage.text(.mockupDuplicateId, ["id": id, "line": "\(first.line)"]),
                   fix: MockupMessage.text(.mockupDuplicateIdFix, ["list": namespace]))
        } else {
            ids[namespace, default: [:]][id] = position
        }
    }

    private mutating func checkReferences() {
        for reference in references where !incompleteNamespaces.contains(reference.namespace) {
            let declared = ids[reference.namespace] ?? [:]
            guard declared[reference.id] == nil else { continue }
            let known = declared.keys.sorted()
            let suggestion = TextMatching.closest(to: reference.id, among: known).first
            let arguments = ["id": reference.id, "list": reference.namespace, "suggestion": suggestion ?? "", "ids": known.joined(separator: ", ")]
            report("dangling-ref", at: reference.position, path: reference.path,
                   MockupMessage.text(suggestion == nil ? .mockupDanglingRef : .mockupDanglingRefSuggestion, arguments),
                   fix: MockupMessage.text(known.isEmpty ? .mockupDanglingRefNone : .mockupDanglingRefFix, arguments))
        }
        let declaredScales = Set(ids["evaluation.scales"]?.keys.map { $0 } ?? [])
        for reference in scaleReferences where !declaredScales.contains(reference.name) && !builtinScales.contains(reference.name) {
            if incompleteNamespaces.contains("evaluation.scales") { continue }
            report("unknown-scale", at: reference.position, path: reference.path,
                   MockupMessage.text(.mockupUnknownScale, ["name": reference.name]),
                   fix: MockupMessage.text(.mockupUnknownScaleFix, ["names": builtinScales.sorted().joined(separator: ", ")]))
        }
    }
}

// AtelierMockup owns the mockup format `atelier/1`: its declarative schema (which drives the
// validation, the typed values and the JSON Schema alike), the scalar parsers, the validator
// that reports every structural problem at once, and the typed Mockup model.

import AtelierCore

/// One accepted value of an enumerated field, with what it means. The French words of its
/// description (« Bibliothèque, médiathèque ») and its `synonyms` are how French speakers
/// write it: written instead of the value, they get the value in the answer.
public struct Choice: Sendable {
    public let value: String
    public let description: String
    public let synonyms: [String]

    public init(_ value: String, _ description: String, synonyms: [String] = []) {
        self.value = value
        self.description = description
        self.synonyms = synonyms
    }

    /// The words that stand for this value, normalised.
    var everydayWords: Set<String> {
        Set((description.split(separator: ",").map(String.init) + synonyms).map(TextMatching.normalized))
    }
}

/// The type of a scalar field. Every scalar is text in the YAML; its field's type decides
/// how it is read.
public enum ScalarType: Sendable {
    case text
    case id
    case ref(String)
    case scale
    case date
    case dateTime
    /// A date or a date and time.
    case moment
    case duration
    case bool
    case integer
    case number
    case percent
    case choice([Choice])
    case country
    case currency
    case email
    case formatVersion
}

/// The shape of a value in the format.
public indirect enum SchemaNode: Sendable {
    case scalar(ScalarType)
    /// A text, or a map of language codes to texts (`{fr: …, en: …}`).
    case localizedText
    /// A text written in both languages, as definition files (checklists, rubrics) need it:
    /// `{fr: …, en: …}`.
    case bilingualText
    case object([Field])
    /// A list; when `ids` is set, its items are objects whose `id` is unique in the list
    /// and that `ref(ids)` fields point at.
    case list(SchemaNode, ids: String? = nil)
    /// A map whose keys are chosen by the user (names of scales); the keys form the
    /// namespace `ids` when it is set.
    case dictionary(SchemaNode, ids: String? = nil)
    /// A value whose shape depends on another field (a checklist rule's `check`, a built-in
    /// function's `options`): the schema accepts it, its reader judges it.
    case any
}

/// A key of an object, with its type, whether it is required, what it means and the
/// names users are likely to write instead of it.
public struct Field: Sendable {
    public let name: String
    public let node: SchemaNode
    public let required: Bool
    public let description: String
    public let aliases: [String]

    public init(_ name: String, _ node: SchemaNode, required: Bool = false, _ description: String, aliases: [String] = []) {
        self.name = name
        self.node = node
        self.required = required
        self.description = description
        self.aliases = aliases
    }
}

extension ScalarType {
    /// How to write a value of this type, for messages.
    var expectedForm: Localized {
        switch self {
        case .text: MockupMessage.text(.formText)
        case .id: MockupMessage.text(.formId)
        case .ref(let list): MockupMessage.text(.formRef, ["list": list])
        case .scale: MockupMessage.text(.formText)
        case .date: MockupMessage.text(.formDate)
        case .dateTime: MockupMessage.text(.formDateTime)
        case .moment: MockupMessage.text(.formMoment)
        case .duration: MockupMessage.text(.formDuration)
        case .bool: MockupMessage.text(.formBool)
        case .integer: MockupMessage.text(.formInteger)
        case .number: MockupMessage.text(.formNumber)
        case .percent: MockupMessage.text(.formPercent)
        case .choice(let choices): MockupMessage.text(.formChoice, ["values": choices.map(\.value).joined(separator: ", ")])
        case .country: MockupMessage.text(.formCountry)
        case .currency: MockupMessage.text(.formCurrency)
        case .email: MockupMessage.text(.formEmail)
        case .formatVersion: Localized(verbatim: MockupSchema.formatVersion)
        }
    }
}

extension SchemaNode {
    var expectedForm: Localized {
        switch self {
        case .scalar(let type): type.expectedForm
        case .localizedText: MockupMessage.text(.formLocalizedText)
        case .bilingualText: MockupMessage.text(.formBilingualText)
        case .object, .dictionary: MockupMessage.text(.formMapping)
        case .list: MockupMessage.text(.formList)
        case .any: MockupMessage.text(.formAny)
        }
    }
}

extension SchemaNode {
    /// The two texts of `bilingualText`.
    static let bilingualFields: [Field] = [
        Field("fr", .scalar(.text), required: true, "Le texte en français."),
        Field("en", .scalar(.text), required: true, "Le texte en anglais."),
    ]

    /// The namespace of identifiers this node declares (`audiences` for the audiences' list).
    var namespace: String? {
        switch self {
        case .list(_, let ids), .dictionary(_, let ids): ids
        default: nil
        }
    }
}

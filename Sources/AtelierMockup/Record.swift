import AtelierCore

/// A scalar read with its field's type.
public enum ScalarValue: Hashable, Sendable {
    case text(String)
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case moment(Moment)
    /// A duration in minutes.
    case duration(Double)
}

/// A value that passed validation. Values that did not are absent: the validator has
/// reported them.
public indirect enum Value: Sendable {
    case scalar(ScalarValue, SourcePosition)
    case localized(Localized, SourcePosition)
    case record(Record)
    case list([Value], SourcePosition)
    case dictionary([(key: String, value: Value)], SourcePosition)
}

/// A validated mapping: the typed values of its keys, with where each was written. It keeps
/// the fields its schema declares at its place, so that every key the model or a rule reads
/// is a key of the format: reading an undeclared one (a typo in the code, a field renamed in
/// the schema) stops a debug build — the tests — at the read.
public struct Record: Sendable {
    public let path: FieldPath
    public let position: SourcePosition
    let values: [String: Value]
    private let fields: [Field]

    init(path: FieldPath, position: SourcePosition, values: [String: Value], fields: [Field]) {
        self.path = path
        self.position = position
        self.values = values
        self.fields = fields
    }

    /// Whether the format declares `key` at this record's place.
    public func declares(_ key: String) -> Bool {
        fields.contains { $0.name == key }
    }

    public subscript(key: String) -> Value? { value(key) }

    /// The text of the first of `keys` that the format declares here and the record holds: a
    /// generic reader's way to name any item (its label, title, name or text).
    public func text(firstOf keys: [String]) -> String? {
        keys.lazy.filter(declares).compactMap(text).first
    }

    /// The value under `key` for a reader that walks paths it did not write (a finding's path,
    /// a checklist's list of keys): nil when the format does not declare `key` here.
    public func valueIfDeclared(_ key: String) -> Value? {
        declares(key) ? values[key] : nil
    }

    public var keys: Set<String> { Set(values.keys) }

    private func value(_ key: String) -> Value? {
        assert(declares(key), "« \(key) » is not a key of the format at « \(path) »")
        return values[key]
    }

    private func scalar(_ key: String) -> ScalarValue? {
        if case .scalar(let value, _)? = value(key) { return value }
        return nil
    }

    public func text(_ key: String) -> String? {
        if case .text(let text)? = scalar(key) { return text }
        return nil
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let value)? = scalar(key) { return value }
        return nil
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = scalar(key) { return value }
        return nil
    }

    public func number(_ key: String) -> Double? {
        switch scalar(key) {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    public func moment(_ key: String) -> Moment? {
        if case .moment(let value)? = scalar(key) { return value }
        return nil
    }

    public func date(_ key: String) -> CalendarDate? { moment(key)?.date }

    public func durationMinutes(_ key: String) -> Double? {
        if case .duration(let value)? = scalar(key) { return value }
        return nil
    }

    public func record(_ key: String) -> Record? {
        if case .record(let record)? = value(key) { return record }
        return nil
    }

    public func records(_ key: String) -> [Record] {
        guard case .list(let items, _)? = value(key) else { return [] }
        return items.compactMap {
            if case .record(let record) = $0 { return record }
            return nil
        }
    }

    public func texts(_ key: String) -> [String] {
        guard case .list(let items, _)? = value(key) else { return [] }
        return items.compactMap {
            if case .scalar(.text(let text), _) = $0 { return text }
            return nil
        }
    }

    public func numbers(_ key: String) -> [Double] {
        guard case .list(let items, _)? = value(key) else { return [] }
        return items.compactMap {
            switch $0 {
            case .scalar(.number(let value), _): value
            case .scalar(.integer(let value), _): Double(value)
            default: nil
            }
        }
    }

    public func localizedTexts(_ key: String) -> [Localized] {
        guard case .list(let items, _)? = value(key) else { return [] }
        return items.compactMap {
            if case .localized(let text, _) = $0 { return text }
            return nil
        }
    }

    public func entries(_ key: String) -> [(key: String, value: Record)] {
        guard case .dictionary(let entries, _)? = value(key) else { return [] }
        return entries.compactMap { entry in
            if case .record(let record) = entry.value { return (entry.key, record) }
            return nil
        }
    }
}

extension Record {
    /// Every text value under this record, with its path: what a trainee wrote, wherever it is.
    public var allTexts: [(path: FieldPath, text: String)] {
        var found: [(FieldPath, String)] = []
        func walk(_ value: Value, _ path: FieldPath) {
            switch value {
            case .scalar(.text(let text), _): found.append((path, text))
            case .localized(let text, _): found.append((path, text.fr))
            case .record(let record): for key in record.values.keys.sorted() { walk(record.values[key]!, path.appending(key)) }
            case .list(let items, _): for (index, item) in items.enumerated() { walk(item, path.appending(index)) }
            case .dictionary(let entries, _): for entry in entries { walk(entry.value, path.appending(entry.key)) }
            case .scalar: break
            }
        }
        for key in values.keys.sorted() { walk(values[key]!, self.path.appending(key)) }
        return found
    }
}

extension Mockup {
    /// The places where a mockup says what its project is (its title, summary, objectives and
    /// their success criteria, its tools' purposes, its path without digital, its afterlife):
    /// sentences that are the project's own, unlike a question or an activity's title that two
    /// projects may well share.
    static let describingPlaces: Set<String> = [
        "title", "summary", "objectives[].text", "objectives[].success", "tools[].purpose",
        "accessibility.non-digital-alternative", "sustainability.after-project",
    ]

    /// The texts at the places that describe the project, with their paths.
    public var describingTexts: [(path: FieldPath, text: String)] {
        record.allTexts.filter { Self.describingPlaces.contains($0.path.shape) }
    }

    /// The lists that plan how the project runs, each read whole as one text: its activities
    /// (title and start of each) and its questionnaire (each question's text). One activity or
    /// question may well be shared by two projects; the whole list, dates included, is a
    /// template's plan kept as it is. Lists of fewer than two items are left out.
    public var plans: [(path: FieldPath, text: String, count: Int)] {
        let activityLines = activities.map { "\($0.title) @ \($0.start)" }
        let questionLines = evaluation?.questions.map(\.text) ?? []
        return [(record.path.appending("activities"), activityLines), (record.path.appending("evaluation").appending("questions"), questionLines)]
            .filter { $0.1.count >= 2 }
            .map { (path: $0.0, text: TextMatching.normalized($0.1.joined(separator: "\n")), count: $0.1.count) }
    }
}

/// What Atelier's mockup templates write where a project describes and plans itself: their
/// sentences (titles, objectives, purposes…) and their plans (activities, questionnaire), all
/// normalised, for the checker to recognise one left as it is. Placeholders between ‹ › are
/// not kept: they have their own rule.
public struct TemplateTexts: Sendable {
    public let sentences: Set<String>
    public let plans: Set<String>

    public static let none = TemplateTexts(sentences: [], plans: [])

    public init(sentences: Set<String>, plans: Set<String>) {
        self.sentences = sentences
        self.plans = plans
    }

    /// The texts of these template mockups.
    public init(templates: [Mockup]) {
        sentences = Set(templates.flatMap { $0.describingTexts.map(\.text) }.filter { !$0.contains("‹") }.map(TextMatching.normalized))
        plans = Set(templates.flatMap { $0.plans.map(\.text) }.filter { !$0.contains("‹") })
    }
}

extension FieldPath {
    /// The path with its list indices left out (`objectives[2].text` → `objectives[].text`).
    var shape: String {
        components.reduce(into: "") { text, component in
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index: text += "[]"
            }
        }
    }
}

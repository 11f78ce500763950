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

/// A validated mapping: the typed values of its keys, with where each was written.
public struct Record: Sendable {
    public let path: FieldPath
    public let position: SourcePosition
    let values: [String: Value]

    init(path: FieldPath, position: SourcePosition, values: [String: Value]) {
        self.path = path
        self.position = position
        self.values = values
    }

    public subscript(key: String) -> Value? { values[key] }

    public var keys: Set<String> { Set(values.keys) }

    private func scalar(_ key: String) -> ScalarValue? {
        if case .scalar(let value, _)? = values[key] { return value }
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
        if case .record(let record)? = values[key] { return record }
        return nil
    }

    public func records(_ key: String) -> [Record] {
        guard case .list(let items, _)? = values[key] else { return [] }
        return items.compactMap {
            if case .record(let record) = $0 { return record }
            return nil
        }
    }

    public func texts(_ key: String) -> [String] {
        guard case .list(let items, _)? = values[key] else { return [] }
        return items.compactMap {
            if case .scalar(.text(let text), _) = $0 { return text }
            return nil
        }
    }

    public func numbers(_ key: String) -> [Double] {
        guard case .list(let items, _)? = values[key] else { return [] }
        return items.compactMap {
            switch $0 {
            case .scalar(.number(let value), _): value
            case .scalar(.integer(let value), _): Double(value)
            default: nil
            }
        }
    }

    public func localizedTexts(_ key: String) -> [Localized] {
        guard case .list(let items, _)? = values[key] else { return [] }
        return items.compactMap {
            if case .localized(let text, _) = $0 { return text }
            return nil
        }
    }

    public func entries(_ key: String) -> [(key: String, value: Record)] {
        guard case .dictionary(let entries, _)? = values[key] else { return [] }
        return entries.compactMap { entry in
            if case .record(let record) = entry.value { return (entry.key, record) }
            return nil
        }
    }
}

// AtelierYAML owns reading YAML text into a positioned tree through libyaml's event API.
// Scalars stay text (with their quoting style): types come later, from the field being read.
// Everything the mockup format refuses (anchors, aliases, tags, merge keys, duplicate keys,
// several documents, tab indentation, invalid UTF-8) comes back as a typed problem with a
// position, and the work is bounded (size, depth, node count).

import AtelierCore

/// How a scalar was written. Quoted scalars are always text, even when empty.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A node of a YAML document with the position where it starts.
public struct YAMLNode: Sendable, Hashable {
    public indirect enum Content: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    public let content: Content
    public let position: SourcePosition

    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// A plain scalar with no text: YAML's "no value" (`key:` followed by nothing).
    public var isEmpty: Bool {
        if case .scalar(let text, .plain) = content { return text.isEmpty }
        return false
    }

    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value of `key` in a mapping node.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }
}

/// One `key: value` pair of a mapping, with the key's own position.
public struct YAMLEntry: Sendable, Hashable {
    public let key: String
    public let keyPosition: SourcePosition
    public let value: YAMLNode

    public init(key: String, keyPosition: SourcePosition, value: YAMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

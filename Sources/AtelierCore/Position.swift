// AtelierCore owns the vocabulary every other module shares: source positions, field paths,
// languages and localized text, findings and their severities, the message catalogues, and
// the small text helpers (accent folding, "did you mean") that several layers need.

/// A place in a source file: 1-based line and column, the column counted in characters.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Where a value sits in a mockup, written with dotted keys and 0-based `[index]`:
/// `objectives[1].text`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public let components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = FieldPath()

    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    public var parent: FieldPath? {
        components.isEmpty ? nil : FieldPath(Array(components.dropLast()))
    }

    /// Whether `prefix` is this path or one of its ancestors.
    public func hasPrefix(_ prefix: FieldPath) -> Bool {
        components.starts(with: prefix.components)
    }

    public var lastKey: String? {
        if case .key(let key) = components.last { return key }
        return nil
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

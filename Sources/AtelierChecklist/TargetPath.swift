// AtelierChecklist owns the pedagogical checklists: their file format and strict loader,
// the path language rules use to select parts of a mockup, the closed set of declarative
// checks, the built-in functions for what a declaration cannot say (Bloom verbs, alignment,
// schedule), suppressions, readiness scores and the runner of each rule's examples.

import AtelierCore
import AtelierMockup

/// A selection of parts of a mockup: dotted keys, lists entered with `[*]` (every item, records
/// or plain values such as `audiences[*].needs[*]`), `[key=value]` (the items whose `key` is
/// `value`; `[type=podcast|audio-guide]`: one of the values) or `[key]` (the items where `key`
/// is written). `tools[type=podcast].accessibility.transcript`.
public struct TargetPath: Sendable, Hashable, CustomStringConvertible {
    public struct Segment: Sendable, Hashable {
        public let key: String
        public let selector: Selector?
    }

    public enum Selector: Sendable, Hashable {
        case all
        case equals(key: String, value: String)
        /// `[ai]`: the items where that key is written.
        case has(key: String)
    }

    public let segments: [Segment]
    public let description: String

    /// One part of the mockup a path selects; `value` is nil where the path leads to a key
    /// that is not written (its parent exists).
    public struct Match: Sendable {
        public let path: FieldPath
        public let value: Value?
        /// The nearest enclosing list item, for messages (`{id}` of the tool, the objective…).
        public let item: Record?
    }

    /// Parses and checks a path against the format; the error says what is wrong in it.
    public init(parsing text: String, schema: SchemaNode = MockupSchema.root) throws(TargetPathError) {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard let open = part.firstIndex(of: "[") else {
                segments.append(Segment(key: String(part), selector: nil))
                continue
            }
            guard part.last == "]" else { throw .syntax(text) }
            let key = String(part[..<open])
            let inside = part[part.index(after: open)..<part.index(before: part.endIndex)]
            if inside == "*" {
                segments.append(Segment(key: key, selector: .all))
            } else if let equals = inside.firstIndex(of: "="), !inside[..<equals].isEmpty, !inside[inside.index(after: equals)...].isEmpty {
                segments.append(Segment(key: key, selector: .equals(key: String(inside[..<equals]), value: String(inside[inside.index(after: equals)...]))))
            } else if !inside.isEmpty, inside.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                segments.append(Segment(key: key, selector: .has(key: String(inside))))
            } else {
                throw .syntax(text)
            }
        }
        guard !segments.isEmpty, segments.allSatisfy({ !$0.key.isEmpty }) else { throw .syntax(text) }
        self.segments = segments
        self.description = text
        try Self.validate(segments, against: schema, text: text)
    }

    private static func validate(_ segments: [Segment], against schema: SchemaNode, text: String) throws(TargetPathError) {
        var node = schema
        for (index, segment) in segments.enumerated() {
            guard case .object(let fields) = node else { throw .notAnObject(text, segment.key) }
            guard let field = fields.first(where: { $0.name == segment.key }) else {
                throw .unknownKey(text, segment.key, suggestion: TextMatching.closest(to: segment.key, among: fields.map(\.name)).first)
            }
            let isLast = index == segments.count - 1
            switch (field.node, segment.selector) {
            case (.list(let item, _), let selector?):
                switch selector {
                case .equals(let key, _):
                    guard case .object(let itemFields) = item, let selected = itemFields.first(where: { $0.name == key }),
                          case .scalar = selected.node else {
                        throw .badSelector(text, key)
                    }
                case .has(let key):
                    guard case .object(let itemFields) = item, itemFields.contains(where: { $0.name == key }) else {
                        throw .badSelector(text, key)
                    }
                case .all:
                    break
                }
                node = item
            case (.list, nil) where !isLast:
                throw .listNeedsSelector(text, segment.key)
            case (_, .some):
                throw .notAList(text, segment.key)
            case (.dictionary, _) where !isLast:
                throw .notAnObject(text, segment.key)
            default:
                node = field.node
            }
        }
    }

    /// The keys before the first list selector: where a count of the selection is reported.
    public var listPath: FieldPath {
        var components: [FieldPath.Component] = []
        for segment in segments {
            components.append(.key(segment.key))
            if segment.selector != nil { break }
        }
        return FieldPath(components)
    }

    /// The parts of `root` this path selects.
    public func matches(in root: Record) -> [Match] {
        var current = [Match(path: .root, value: .record(root), item: nil)]
        for segment in segments {
            var next: [Match] = []
            for match in current {
                let path = match.path.appending(segment.key)
                guard case .record(let record)? = match.value else {
                    if segment.selector == nil { next.append(Match(path: path, value: nil, item: match.item)) }
                    continue
                }
                let child = record[segment.key]
                guard let selector = segment.selector else {
                    next.append(Match(path: path, value: child, item: match.item))
                    continue
                }
                guard case .list(let items, _)? = child else { continue }
                for (index, element) in items.enumerated() {
                    switch element {
                    case .record(let record) where selector.accepts(record):
                        next.append(Match(path: record.path, value: element, item: record))
                    case .record:
                        continue
                    default:
                        // A list of plain values (`needs: [visual, cognitive]`): `[*]` selects each.
                        next.append(Match(path: path.appending(index), value: element, item: match.item))
                    }
                }
            }
            current = next
        }
        return current
    }
}

extension TargetPath.Selector {
    func accepts(_ record: Record) -> Bool {
        switch self {
        case .all: return true
        case let .equals(key, value):
            guard case .scalar(let scalar, _)? = record[key] else { return false }
            return value.lowercased().split(separator: "|").contains { $0 == scalar.text.lowercased() }
        case .has(let key):
            return record[key] != nil
        }
    }
}

extension ScalarValue {
    /// The value written back as text, for comparisons and messages.
    public var text: String {
        switch self {
        case .text(let text): text
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .moment(let moment): moment.description
        case .duration(let minutes): "\(Int(minutes))min"
        }
    }
}

/// What is wrong in a path written in a checklist.
public enum TargetPathError: Error, Sendable, Equatable {
    case syntax(String)
    case unknownKey(String, String, suggestion: String?)
    case listNeedsSelector(String, String)
    case notAList(String, String)
    case notAnObject(String, String)
    case badSelector(String, String)
}

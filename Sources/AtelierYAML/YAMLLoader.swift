// AtelierYAML: YAML text to a positioned tree through libyaml, refusing what hides meaning
// (anchors, tags, merge keys, tabs, a second document) and bounding size and depth.

import AtelierCore
import CYAML

/// Reads YAML text into a positioned tree.
public enum YAMLLoader {
    public static func load(_ bytes: [UInt8], limits: YAMLLimits = .standard) -> YAMLDocument {
        if bytes.count > limits.maxBytes {
            let problem = YAMLProblem(.tooLarge(bytes: bytes.count, limit: limits.maxBytes), at: SourcePosition(line: 1, column: 1))
            return YAMLDocument(root: nil, problems: [problem])
        }
        if let encodingProblem = EncodingCheck.problem(in: bytes) {
            return YAMLDocument(root: nil, problems: [encodingProblem])
        }
        var builder = TreeBuilder(limits: limits)
        bytes.withUnsafeBufferPointer { buffer in
            builder.run(buffer, source: bytes)
        }
        return YAMLDocument(root: builder.root, problems: builder.problems)
    }

    public static func load(_ text: String, limits: YAMLLimits = .standard) -> YAMLDocument {
        load(Array(text.utf8), limits: limits)
    }
}

/// Refuses what is not UTF-8 before libyaml sees it, so the position is exact: a fast
/// validation first, then, for invalid text only, a scan that finds where.
enum EncodingCheck {
    static func problem(in bytes: [UInt8]) -> YAMLProblem? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return YAMLProblem(.unsupportedEncoding("UTF-16"), at: SourcePosition(line: 1, column: 1))
        }
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if scalar != "\u{FEFF}" || line > 1 || column > 1 {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return YAMLProblem(.invalidUTF8, at: SourcePosition(line: line, column: column))
            }
        }
    }
}

/// Builds the tree from libyaml's events with an explicit stack (no recursion).
struct TreeBuilder {
    private struct Frame {
        enum Kind { case mapping, sequence }
        let kind: Kind
        let position: SourcePosition
        var entries: [YAMLEntry] = []
        var items: [YAMLNode] = []
        var pendingKey: PendingKey?
        var seen: [String: SourcePosition] = [:]

        var awaitsKey: Bool { kind == .mapping && pendingKey == nil }
    }

    private struct PendingKey {
        let text: String
        let position: SourcePosition
        /// A refused key (duplicate, merge key): its value is read and dropped.
        let discard: Bool
    }

    let limits: YAMLLimits
    private(set) var root: YAMLNode?
    private(set) var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
    private var nodeCount = 0
    private var documents = 0
    private var stopped = false
    /// Where each line of the text starts (libyaml counts LF, CR and CRLF as one line end).
    private var lineStarts: [Int] = []
    /// The last scalar end found in bytes: its line, its column in characters, its byte.
    private var cursor = (line: 0, column: 0, index: 0)

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, source: [UInt8]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        lineStarts = Self.lineStarts(buffer)
        var event = yaml_event_t()
        while !stopped {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                problems.append(Self.syntaxProblem(parser, source: source))
                return
            }
            let type = event.type
            handle(&event, in: buffer)
            yaml_event_delete(&event)
            if type == YAML_STREAM_END_EVENT { return }
        }
    }

    private static func lineStarts(_ buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            if byte == 0x0D, index < buffer.count, buffer[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(index) }
        }
        return starts
    }

    private static func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func syntaxProblem(_ parser: yaml_parser_t, source: [UInt8]) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let position = position(parser.problem_mark)
        let line = Array(sourceLine(position.line, in: source))
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        if indentation.contains("\t") {
            return YAMLProblem(.tabIndentation, at: position)
        }
        if problem == "mapping values are not allowed in this context",
           line.firstIndex(of: ":").map({ $0 + 1 == position.column }) == true {
            return YAMLProblem(.syntax(problem: "misaligned key", openedAt: nil), at: position)
        }
        let openedAt = parser.context == nil ? nil : Self.position(parser.context_mark)
        return YAMLProblem(.syntax(problem: problem, openedAt: openedAt), at: position)
    }

    /// Line `number` (1-based) of the source, as characters.
    private static func sourceLine(_ number: Int, in source: [UInt8]) -> Substring {
        let text = String(decoding: source, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard lines.indices.contains(number - 1) else { return "" }
        return lines[number - 1]
    }

    private mutating func handle(_ event: inout yaml_event_t, in buffer: UnsafeBufferPointer<UInt8>) {
        let start = Self.position(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(.multipleDocuments, at: start)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            noteProperties(anchor: scalar.anchor, tag: scalar.tag, at: start)
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            attach(YAMLNode(.scalar(text, Self.style(scalar.style)), at: start))
            if scalar.style == YAML_PLAIN_SCALAR_STYLE, let cut = hashAfter(event.end_mark, in: buffer) {
                problems.append(YAMLProblem(.textCutByHash(cut.word), at: cut.position))
            }
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            problems.append(YAMLProblem(.alias(name), at: start))
            attach(YAMLNode(.scalar("", .plain), at: start))
        case YAML_MAPPING_START_EVENT:
            noteProperties(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, at: start)
            open(.mapping, at: start)
        case YAML_SEQUENCE_START_EVENT:
            noteProperties(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, at: start)
            open(.sequence, at: start)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            close()
        default:
            break
        }
    }

    /// « #word » right after a plain scalar on its line (« le hashtag #MonQuartier »): YAML takes
    /// it for a comment; a comment written as such has a space after its « # ». libyaml counts
    /// marks in characters: the scalar's end is found from its line's first byte.
    private mutating func hashAfter(_ end: yaml_mark_t, in buffer: UnsafeBufferPointer<UInt8>) -> (word: String, position: SourcePosition)? {
        guard Int(end.line) < lineStarts.count else { return nil }
        // Scalars end in reading order: the walk goes on from the last one on the same line.
        if cursor.line != Int(end.line) || cursor.column > Int(end.column) {
            cursor = (Int(end.line), 0, lineStarts[Int(end.line)])
        }
        var index = cursor.index
        var characters = cursor.column
        while index < buffer.count, characters < Int(end.column) {
            index += 1
            while index < buffer.count, buffer[index] & 0xC0 == 0x80 { index += 1 }
            characters += 1
        }
        cursor = (Int(end.line), characters, index)
        let blanks: Set<UInt8> = [0x20, 0x09]
        let scalarEnd = index
        var column = Int(end.column)
        while index < buffer.count, blanks.contains(buffer[index]) {
            index += 1
            column += 1
        }
        guard index > scalarEnd, index + 1 < buffer.count, buffer[index] == UInt8(ascii: "#") else { return nil }
        let stops = blanks.union([0x0A, 0x0D])
        guard !stops.contains(buffer[index + 1]), buffer[index + 1] != UInt8(ascii: "#") else { return nil }
        var wordEnd = index + 1
        while wordEnd < buffer.count, !stops.contains(buffer[wordEnd]) { wordEnd += 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<wordEnd]), as: UTF8.self),
                SourcePosition(line: Int(end.line) + 1, column: column + 1))
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private mutating func noteProperties(anchor: UnsafeMutablePointer<UInt8>?, tag: UnsafeMutablePointer<UInt8>?, at position: SourcePosition) {
        if let anchor {
            problems.append(YAMLProblem(.anchor(String(cString: anchor)), at: position))
        }
        if let tag {
            let full = String(cString: tag)
            let shortForm = full.hasPrefix("tag:yaml.org,2002:") ? "!!" + full.dropFirst("tag:yaml.org,2002:".count) : full
            problems.append(YAMLProblem(.tag(shortForm), at: position))
        }
    }

    private mutating func fail(_ kind: YAMLProblem.Kind, at position: SourcePosition) {
        problems.append(YAMLProblem(kind, at: position))
        stopped = true
        root = nil
    }

    private mutating func count(at position: SourcePosition) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            fail(.tooManyNodes(limit: limits.maxNodes), at: position)
            return false
        }
        return true
    }

    private mutating func open(_ kind: Frame.Kind, at position: SourcePosition) {
        guard count(at: position) else { return }
        if stack.last?.awaitsKey == true {
            fail(.complexKey, at: position)
            return
        }
        if stack.count >= limits.maxDepth {
            fail(.tooDeep(limit: limits.maxDepth), at: position)
            return
        }
        stack.append(Frame(kind: kind, position: position))
    }

    private mutating func close() {
        guard let frame = stack.popLast() else { return }
        switch frame.kind {
        case .mapping: attach(YAMLNode(.mapping(frame.entries), at: frame.position), counted: true)
        case .sequence: attach(YAMLNode(.sequence(frame.items), at: frame.position), counted: true)
        }
    }

    private mutating func attach(_ node: YAMLNode, counted: Bool = false) {
        if !counted, !count(at: node.position) { return }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            if let pending = stack[top].pendingKey {
                if !pending.discard {
                    stack[top].entries.append(YAMLEntry(key: pending.text, keyPosition: pending.position, value: node))
                }
                stack[top].pendingKey = nil
            } else {
                let (pending, problem) = Self.acceptKey(node, seen: &stack[top].seen)
                stack[top].pendingKey = pending
                if let problem { problems.append(problem) }
            }
        }
    }

    /// Takes `node` as the next key of a mapping, refusing merge keys and duplicates.
    private static func acceptKey(_ node: YAMLNode, seen: inout [String: SourcePosition]) -> (PendingKey, YAMLProblem?) {
        let key = node.scalarText ?? ""
        let refusal: YAMLProblem.Kind?
        if case .scalar("<<", .plain) = node.content {
            refusal = .mergeKey
        } else if let first = seen[key] {
            refusal = .duplicateKey(key, first: first)
        } else {
            refusal = nil
            seen[key] = node.position
        }
        let pending = PendingKey(text: key, position: node.position, discard: refusal != nil)
        return (pending, refusal.map { YAMLProblem($0, at: node.position) })
    }
}

/// A YAML document as a tree of texts, lists and ordered mappings — what a form edits — and
/// its text in block style. Every scalar is text, as the mockup format reads it; a text is
/// quoted only where YAML would read it otherwise.
public indirect enum YAMLTree: Sendable, Equatable {
    case text(String)
    case list([YAMLTree])
    case mapping([(key: String, value: YAMLTree)])
    case empty

    public static func == (lhs: YAMLTree, rhs: YAMLTree) -> Bool {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)): left == right
        case (.list(let left), .list(let right)): left == right
        case (.mapping(let left), .mapping(let right)): left.map(\.key) == right.map(\.key) && left.map(\.value) == right.map(\.value)
        case (.empty, .empty): true
        default: false
        }
    }

    /// The tree of a loaded node, positions dropped.
    public init(_ node: YAMLNode) {
        if let entries = node.entries {
            self = .mapping(entries.map { ($0.key, YAMLTree($0.value)) })
        } else if let items = node.items {
            self = .list(items.map(YAMLTree.init))
        } else if let text = node.scalarText, !node.isEmpty {
            self = .text(text)
        } else {
            self = .empty
        }
    }

    /// The document's text: two spaces per level, lists under their key.
    public var yaml: String {
        var output = ""
        switch self {
        case .mapping(let entries): Self.write(entries, indent: 0, into: &output)
        case .list(let items): Self.write(items, indent: 0, into: &output)
        case .text(let text): output = Self.scalar(text) + "\n"
        case .empty: break
        }
        return output
    }

    private static func write(_ entries: [(key: String, value: YAMLTree)], indent: Int, into output: inout String, firstPrefix: String? = nil) {
        for (index, entry) in entries.enumerated() {
            let lead = index == 0 ? (firstPrefix ?? String(repeating: " ", count: indent)) : String(repeating: " ", count: indent)
            output += lead + scalar(entry.key) + ":"
            switch entry.value {
            case .text(let text): output += " " + scalar(text) + "\n"
            case .empty: output += "\n"
            case .list(let items) where items.isEmpty: output += " []\n"
            case .mapping(let nested) where nested.isEmpty: output += " {}\n"
            case .list(let items):
                output += "\n"
                write(items, indent: indent + 2, into: &output)
            case .mapping(let nested):
                output += "\n"
                write(nested, indent: indent + 2, into: &output)
            }
        }
    }

    private static func write(_ items: [YAMLTree], indent: Int, into output: inout String) {
        let dash = String(repeating: " ", count: indent) + "- "
        for item in items {
            switch item {
            case .text(let text): output += dash + scalar(text) + "\n"
            case .empty: output += String(repeating: " ", count: indent) + "-\n"
            case .list(let nested) where nested.isEmpty: output += dash + "[]\n"
            case .mapping(let nested) where nested.isEmpty: output += dash + "{}\n"
            case .list(let nested):
                output += String(repeating: " ", count: indent) + "-\n"
                write(nested, indent: indent + 2, into: &output)
            case .mapping(let nested): write(nested, indent: indent + 2, into: &output, firstPrefix: dash)
            }
        }
    }

    /// `text` as a plain scalar when YAML reads it back unchanged, else double-quoted.
    static func scalar(_ text: String) -> String {
        plainIsSafe(text) ? text : quoted(text)
    }

    private static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{FEFF}" }) { return false }
        if text == "---" || text == "..." || text == "~" || text == "<<" { return false }
        return true
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

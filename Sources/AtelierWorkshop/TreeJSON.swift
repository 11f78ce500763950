import AtelierYAML

/// A YAML tree as the guided form sends and receives it, keeping the order of keys (JSON objects
/// do not): a mapping is `{"o": [[key, value], …]}`, a list `{"a": […]}`, a text a string, an
/// empty value null.
struct TreeJSON: Codable {
    let tree: YAMLTree

    init(_ tree: YAMLTree) {
        self.tree = tree
    }

    private enum Keys: String, CodingKey { case o, a }

    private struct Pair: Codable {
        let key: String
        let value: TreeJSON

        init(key: String, value: TreeJSON) {
            self.key = key
            self.value = value
        }

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            key = try container.decode(String.self)
            value = try container.decode(TreeJSON.self)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(key)
            try container.encode(value)
        }
    }

    init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() {
                tree = .empty
                return
            }
            if let text = try? single.decode(String.self) {
                tree = .text(text)
                return
            }
        }
        let container = try decoder.container(keyedBy: Keys.self)
        if let pairs = try container.decodeIfPresent([Pair].self, forKey: .o) {
            tree = .mapping(pairs.map { ($0.key, $0.value.tree) })
        } else {
            tree = .list(try container.decode([TreeJSON].self, forKey: .a).map(\.tree))
        }
    }

    func encode(to encoder: Encoder) throws {
        switch tree {
        case .empty:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .text(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .mapping(let entries):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(entries.map { Pair(key: $0.key, value: TreeJSON($0.value)) }, forKey: .o)
        case .list(let items):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(items.map(TreeJSON.init), forKey: .a)
        }
    }
}

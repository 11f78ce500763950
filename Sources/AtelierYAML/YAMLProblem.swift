import AtelierCore

/// Something in a YAML text that the loader refuses, with where it is.
public struct YAMLProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// libyaml could not parse the text; `problem` is libyaml's own words (or
        /// "misaligned key" when a key's colon is what libyaml tripped on), `openedAt`
        /// where the construct it was reading began (an unclosed bracket or quote).
        case syntax(problem: String, openedAt: SourcePosition?)
        case duplicateKey(String, first: SourcePosition)
        case anchor(String)
        case alias(String)
        case tag(String)
        case mergeKey
        case complexKey
        case multipleDocuments
        case tabIndentation
        /// « #word » after unquoted text: YAML reads it as a comment, cutting the text there.
        case textCutByHash(String)
        case invalidUTF8
        case unsupportedEncoding(String)
        case tooLarge(bytes: Int, limit: Int)
        case tooDeep(limit: Int)
        case tooManyNodes(limit: Int)
    }

    public let kind: Kind
    public let position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// Problems that stop the reading: what follows them was not read.
    public var isFatal: Bool {
        switch kind {
        case .syntax, .complexKey, .multipleDocuments, .tabIndentation, .invalidUTF8,
             .unsupportedEncoding, .tooLarge, .tooDeep, .tooManyNodes:
            true
        case .duplicateKey, .anchor, .alias, .tag, .mergeKey, .textCutByHash:
            false
        }
    }
}

/// The bounds the loader works within. The defaults are the documented limits.
public struct YAMLLimits: Sendable {
    public var maxBytes: Int
    public var maxDepth: Int
    public var maxNodes: Int

    public init(maxBytes: Int = 5_000_000, maxDepth: Int = 64, maxNodes: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let standard = YAMLLimits()
}

/// What reading a YAML text gave: the tree (absent when the text is empty or a fatal
/// problem stopped the reading) and every problem found.
public struct YAMLDocument: Sendable {
    public let root: YAMLNode?
    public let problems: [YAMLProblem]
}

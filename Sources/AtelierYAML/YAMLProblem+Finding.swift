import AtelierCore

extension YAMLProblem {
    /// The rule id under which the problem is reported.
    public var rule: String {
        switch kind {
        case .syntax: "yaml-syntax"
        case .duplicateKey: "yaml-duplicate-key"
        case .anchor: "yaml-anchor"
        case .alias: "yaml-alias"
        case .tag: "yaml-tag"
        case .mergeKey: "yaml-merge-key"
        case .complexKey: "yaml-complex-key"
        case .multipleDocuments: "yaml-multiple-documents"
        case .tabIndentation: "yaml-tab"
        case .textCutByHash: "yaml-hash"
        case .invalidUTF8, .unsupportedEncoding: "yaml-encoding"
        case .tooLarge, .tooDeep, .tooManyNodes: "yaml-limit"
        }
    }

    /// The problem as an error finding, explained in both languages.
    public var finding: Finding {
        let (message, why, fix) = texts
        return Finding(rule: rule, severity: kind.isDoubt ? .warning : .error, position: position, message: message, why: why, fix: fix)
    }

    private var texts: (Localized, Localized?, Localized) {
        switch kind {
        case let .syntax(problem, openedAt):
            let explanation = Self.explanation(of: problem, openedAt: openedAt)
            return (YAMLMessage.text(.yamlSyntax, localized: ["explanation": explanation]), nil, YAMLMessage.text(.yamlSyntaxFix))
        case let .duplicateKey(key, first):
            return (YAMLMessage.text(.yamlDuplicateKey, ["key": key, "line": "\(first.line)"]), nil,
                    YAMLMessage.text(.yamlDuplicateKeyFix, ["key": key]))
        case .anchor(let name):
            return (YAMLMessage.text(.yamlAnchor, ["name": name]), YAMLMessage.text(.yamlAnchorWhy), YAMLMessage.text(.yamlAnchorFix))
        case .alias(let name):
            return (YAMLMessage.text(.yamlAlias, ["name": name]), YAMLMessage.text(.yamlAnchorWhy), YAMLMessage.text(.yamlAnchorFix))
        case .tag(let tag):
            return (YAMLMessage.text(.yamlTag, ["tag": tag]), YAMLMessage.text(.yamlTagWhy), YAMLMessage.text(.yamlTagFix))
        case .mergeKey:
            return (YAMLMessage.text(.yamlMergeKey), YAMLMessage.text(.yamlAnchorWhy), YAMLMessage.text(.yamlMergeKeyFix))
        case .complexKey:
            return (YAMLMessage.text(.yamlComplexKey), nil, YAMLMessage.text(.yamlComplexKeyFix))
        case .multipleDocuments:
            return (YAMLMessage.text(.yamlMultipleDocuments), nil, YAMLMessage.text(.yamlMultipleDocumentsFix))
        case .tabIndentation:
            return (YAMLMessage.text(.yamlTab), YAMLMessage.text(.yamlTabWhy), YAMLMessage.text(.yamlTabFix))
        case .textCutByHash(let word):
            return (YAMLMessage.text(.yamlHash, ["word": word]), YAMLMessage.text(.yamlHashWhy), YAMLMessage.text(.yamlHashFix, ["word": word]))
        case .invalidUTF8:
            return (YAMLMessage.text(.yamlInvalidUTF8), nil, YAMLMessage.text(.yamlEncodingFix))
        case .unsupportedEncoding(let encoding):
            return (YAMLMessage.text(.yamlUnsupportedEncoding, ["encoding": encoding]), nil, YAMLMessage.text(.yamlEncodingFix))
        case let .tooLarge(bytes, limit):
            return (YAMLMessage.text(.yamlTooLarge, ["size": "\(bytes)", "limit": "\(limit)"]), nil, YAMLMessage.text(.yamlLimitFix))
        case .tooDeep(let limit):
            return (YAMLMessage.text(.yamlTooDeep, ["limit": "\(limit)"]), nil, YAMLMessage.text(.yamlLimitFix))
        case .tooManyNodes(let limit):
            return (YAMLMessage.text(.yamlTooManyNodes, ["limit": "\(limit)"]), nil, YAMLMessage.text(.yamlLimitFix))
        }
    }

    /// libyaml's problem text turned into a plain sentence.
    static func explanation(of problem: String, openedAt: SourcePosition?) -> Localized {
        let line = ["line": openedAt.map { "\($0.line)" } ?? "?"]
        switch problem {
        case "mapping values are not allowed in this context":
            return YAMLMessage.text(.yamlExplainMappingValues)
        case "did not find expected key", "misaligned key":
            return YAMLMessage.text(.yamlExplainExpectedKey)
        case "did not find expected ',' or ']'":
            return YAMLMessage.text(.yamlExplainUnclosedList, line)
        case "did not find expected ',' or '}'":
            return YAMLMessage.text(.yamlExplainUnclosedBlock, line)
        case "found unexpected end of stream":
            return YAMLMessage.text(.yamlExplainUnclosedQuote, line)
        case "could not find expected ':'":
            return YAMLMessage.text(.yamlExplainMissingColon)
        case "block sequence entries are not allowed in this context", "did not find expected '-' indicator":
            return YAMLMessage.text(.yamlExplainMisplacedDash)
        case "found character that cannot start any token":
            return YAMLMessage.text(.yamlExplainInvalidCharacter)
        default:
            return YAMLMessage.text(.yamlExplainOther, ["problem": problem])
        }
    }
}

extension YAMLProblem.Kind {
    /// Problems that may be what the writer meant (a real comment): a warning, not an error.
    var isDoubt: Bool {
        if case .textCutByHash = self { true } else { false }
    }
}

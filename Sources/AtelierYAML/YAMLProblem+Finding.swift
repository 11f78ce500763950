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
        case .invalidUTF8, .unsupportedEncoding: "yaml-encoding"
        case .tooLarge, .tooDeep, .tooManyNodes: "yaml-limit"
        }
    }

    /// The problem as an error finding, explained in both languages.
    public var finding: Finding {
        let (message, why, fix) = texts
        return Finding(rule: rule, severity: .error, position: position, message: message, why: why, fix: fix)
    }

    private var texts: (Localized, Localized?, Localized) {
        switch kind {
        case let .syntax(problem, openedAt):
            let explanation = Self.explanation(of: problem, openedAt: openedAt)
            return (Catalogue.text(.yamlSyntax, localized: ["explanation": explanation]), nil, Catalogue.text(.yamlSyntaxFix))
        case let .duplicateKey(key, first):
            return (Catalogue.text(.yamlDuplicateKey, ["key": key, "line": "\(first.line)"]), nil,
                    Catalogue.text(.yamlDuplicateKeyFix, ["key": key]))
        case .anchor(let name):
            return (Catalogue.text(.yamlAnchor, ["name": name]), Catalogue.text(.yamlAnchorWhy), Catalogue.text(.yamlAnchorFix))
        case .alias(let name):
            return (Catalogue.text(.yamlAlias, ["name": name]), Catalogue.text(.yamlAnchorWhy), Catalogue.text(.yamlAnchorFix))
        case .tag(let tag):
            return (Catalogue.text(.yamlTag, ["tag": tag]), Catalogue.text(.yamlTagWhy), Catalogue.text(.yamlTagFix))
        case .mergeKey:
            return (Catalogue.text(.yamlMergeKey), Catalogue.text(.yamlAnchorWhy), Catalogue.text(.yamlMergeKeyFix))
        case .complexKey:
            return (Catalogue.text(.yamlComplexKey), nil, Catalogue.text(.yamlComplexKeyFix))
        case .multipleDocuments:
            return (Catalogue.text(.yamlMultipleDocuments), nil, Catalogue.text(.yamlMultipleDocumentsFix))
        case .tabIndentation:
            return (Catalogue.text(.yamlTab), Catalogue.text(.yamlTabWhy), Catalogue.text(.yamlTabFix))
        case .invalidUTF8:
            return (Catalogue.text(.yamlInvalidUTF8), nil, Catalogue.text(.yamlEncodingFix))
        case .unsupportedEncoding(let encoding):
            return (Catalogue.text(.yamlUnsupportedEncoding, ["encoding": encoding]), nil, Catalogue.text(.yamlEncodingFix))
        case let .tooLarge(bytes, limit):
            return (Catalogue.text(.yamlTooLarge, ["size": "\(bytes)", "limit": "\(limit)"]), nil, Catalogue.text(.yamlLimitFix))
        case .tooDeep(let limit):
            return (Catalogue.text(.yamlTooDeep, ["limit": "\(limit)"]), nil, Catalogue.text(.yamlLimitFix))
        case .tooManyNodes(let limit):
            return (Catalogue.text(.yamlTooManyNodes, ["limit": "\(limit)"]), nil, Catalogue.text(.yamlLimitFix))
        }
    }

    /// libyaml's problem text turned into a plain sentence.
    static func explanation(of problem: String, openedAt: SourcePosition?) -> Localized {
        let line = ["line": openedAt.map { "\($0.line)" } ?? "?"]
        switch problem {
        case "mapping values are not allowed in this context":
            return Catalogue.text(.yamlExplainMappingValues)
        case "did not find expected key", "misaligned key":
            return Catalogue.text(.yamlExplainExpectedKey)
        case "did not find expected ',' or ']'":
            return Catalogue.text(.yamlExplainUnclosedList, line)
        case "did not find expected ',' or '}'":
            return Catalogue.text(.yamlExplainUnclosedBlock, line)
        case "found unexpected end of stream":
            return Catalogue.text(.yamlExplainUnclosedQuote, line)
        case "could not find expected ':'":
            return Catalogue.text(.yamlExplainMissingColon)
        case "block sequence entries are not allowed in this context", "did not find expected '-' indicator":
            return Catalogue.text(.yamlExplainMisplacedDash)
        case "found character that cannot start any token":
            return Catalogue.text(.yamlExplainInvalidCharacter)
        default:
            return Catalogue.text(.yamlExplainOther, ["problem": problem])
        }
    }
}

import AtelierCore
import AtelierYAML

/// A mockup file as read: its text, its tree, the typed model when the structure allows
/// one, and every structural finding.
public struct DecodedMockup: Sendable {
    public let tree: YAMLNode?
    public let mockup: Mockup?
    public let findings: [Finding]
}

/// Reads mockup files: YAML, then the schema, then the typed model.
public struct MockupDecoder: Sendable {
    /// The names of the scales that ship with Atelier (`Templates/scales/`).
    public let builtinScales: Set<String>
    public let limits: YAMLLimits

    public init(builtinScales: Set<String>, limits: YAMLLimits = .standard) {
        self.builtinScales = builtinScales
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) -> DecodedMockup {
        let document = YAMLLoader.load(bytes, limits: limits)
        var findings = document.problems.map(\.finding)
        guard let root = document.root else {
            if findings.isEmpty {
                findings.append(Finding(rule: "empty-file", severity: .error, position: SourcePosition(line: 1, column: 1),
                                        message: Catalogue.text(.mockupEmpty), fix: Catalogue.text(.mockupEmptyFix)))
            }
            return DecodedMockup(tree: nil, mockup: nil, findings: findings)
        }
        var validator = Validator(builtinScales: builtinScales)
        let value = validator.validateDocument(root, as: MockupSchema.root)
        findings += validator.findings
        let mockup: Mockup? = if case .record(let record)? = value { Mockup(record) } else { nil }
        return DecodedMockup(tree: root, mockup: mockup, findings: findings.sorted(by: Finding.readingOrder))
    }
}

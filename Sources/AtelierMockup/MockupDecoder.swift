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

    /// Reads a scale file (`Templates/scales/NAME.yaml`): the same form as a scale declared
    /// under `evaluation.scales`. Also checks that it has as many values as levels.
    public func decodeScale(_ bytes: [UInt8]) -> (scale: Mockup.Scale?, findings: [Finding]) {
        let document = YAMLLoader.load(bytes, limits: limits)
        guard let root = document.root, document.problems.isEmpty else {
            return (nil, document.problems.map(\.finding))
        }
        var validator = Validator(builtinScales: [])
        let value = validator.validateDocument(root, as: MockupSchema.scaleDefinition)
        guard case .record(let record)? = value, validator.findings.allSatisfy({ $0.severity != .error }) else {
            return (nil, validator.findings)
        }
        let scale = Mockup.Scale(record)
        guard scale.values.count == scale.levels.count, !scale.levels.isEmpty else {
            let finding = Finding(rule: "scale-values", severity: .error, path: FieldPath([.key("values")]),
                                  position: root.position(of: FieldPath([.key("values")])),
                                  message: MockupMessage.text(.scaleValuesCount, ["levels": "\(scale.levels.count)", "values": "\(scale.values.count)"]))
            return (nil, validator.findings + [finding])
        }
        return (scale, validator.findings)
    }

    public func decode(_ bytes: [UInt8]) -> DecodedMockup {
        let document = YAMLLoader.load(bytes, limits: limits)
        var findings = document.problems.map(\.finding)
        guard let root = document.root else {
            if findings.isEmpty {
                findings.append(Finding(rule: "empty-file", severity: .error, position: SourcePosition(line: 1, column: 1),
                                        message: MockupMessage.text(.mockupEmpty), fix: MockupMessage.text(.mockupEmptyFix)))
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

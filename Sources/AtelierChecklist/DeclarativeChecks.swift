import AtelierCore
import AtelierMockup

/// What a rule found in one mockup: whether it applied, and each place that breaks it.
public struct Outcome: Sendable {
    public struct Violation: Sendable {
        public let path: FieldPath
        public let arguments: [String: String]
        /// A severity the check chose for this place (the non-digital path is an error only
        /// for audiences at risk); nil keeps the rule's.
        public let severity: Severity?

        public init(path: FieldPath, arguments: [String: String] = [:], severity: Severity? = nil) {
            self.path = path
            self.arguments = arguments
            self.severity = severity
        }
    }

    public let applicable: Bool
    public let violations: [Violation]

    public init(applicable: Bool, violations: [Violation] = []) {
        self.applicable = applicable
        self.violations = violations
    }

    public static let notApplicable = Outcome(applicable: false)

    /// The items that break a rule, one violation each; not applicable to an empty list.
    /// The alignment checks (an objective no activity works on, a tool no activity uses…)
    /// all take this shape.
    public static func each<Item>(of items: [Item], failing: (Item) -> Bool, violation: (Item) -> Violation) -> Outcome {
        guard !items.isEmpty else { return .notApplicable }
        return Outcome(applicable: true, violations: items.filter(failing).map(violation))
    }
}

/// The declarative checks, evaluated over the parts a target selects.
enum DeclarativeChecks {
    static func evaluate(_ check: Check, on target: TargetPath, root: Record, missingPasses: Bool) -> Outcome {
        let matches = target.matches(in: root)
        switch check {
        case .countBetween(let min, let max):
            let count = matches.map { match -> Int in
                switch match.value {
                case nil: 0
                case .list(let items, _)?: items.count
                default: 1
                }
            }.reduce(0, +)
            guard count < min || max.map({ count > $0 }) == true else { return Outcome(applicable: true) }
            let path = target.listPath
            return Outcome(applicable: true, violations: [Outcome.Violation(path: path, arguments: ["count": "\(count)"])])
        case .unique:
            var seen: Set<String> = []
            var violations: [Outcome.Violation] = []
            for match in matches {
                guard case .scalar(let scalar, _)? = match.value else { continue }
                let key = TextMatching.normalized(scalar.text)
                if !seen.insert(key).inserted {
                    violations.append(Outcome.Violation(path: match.path, arguments: arguments(match, value: scalar.text)))
                }
            }
            return Outcome(applicable: !matches.isEmpty, violations: violations)
        default:
            guard !matches.isEmpty else { return .notApplicable }
            var violations: [Outcome.Violation] = []
            for match in matches {
                guard let value = match.value else {
                    if !missingPasses { violations.append(Outcome.Violation(path: match.path, arguments: arguments(match, value: ""))) }
                    continue
                }
                violations += failures(of: check, on: value, at: match, root: root)
            }
            return Outcome(applicable: true, violations: violations)
        }
    }

    /// Whether every selected part passes `check` (and there is at least one): a rule's `when`.
    static func holds(_ condition: Condition, in root: Record) -> Bool {
        guard condition.target.matches(in: root).contains(where: { $0.value != nil }) else { return false }
        let outcome = evaluate(condition.check, on: condition.target, root: root, missingPasses: false)
        return outcome.applicable && outcome.violations.isEmpty
    }

    /// The placeholders every declarative message may use: `{value}`, `{path}`, `{id}`, `{label}`.
    static func arguments(_ match: TargetPath.Match, value: String) -> [String: String] {
        var arguments = ["value": value, "path": match.path.description]
        arguments["id"] = match.item?.text(firstOf: ["id"]) ?? ""
        arguments["label"] = match.item?.text(firstOf: ["label", "title", "name", "text"]) ?? ""
        return arguments
    }

    private static func failures(of check: Check, on value: Value, at match: TargetPath.Match, root: Record) -> [Outcome.Violation] {
        let scalar: ScalarValue? = if case .scalar(let scalar, _) = value { scalar } else { nil }
        let text = scalar?.text ?? ""
        func fail(_ path: FieldPath = match.path, value: String = text) -> [Outcome.Violation] {
            [Outcome.Violation(path: path, arguments: arguments(match, value: value))]
        }
        switch check {
        case .present(let keys):
            guard !keys.isEmpty, case .record(let record) = value else { return [] }
            return keys.filter { record.valueIfDeclared($0) == nil }.flatMap { fail(match.path.appending($0), value: $0) }
        case .notEmpty:
            return isEmpty(value) ? fail() : []
        case .equals(let expected):
            return scalar.map { Self.same($0, expected) } == true ? [] : fail()
        case .oneOf(let accepted):
            return accepted.contains(where: { expected in scalar.map { Self.same($0, expected) } == true }) ? [] : fail()
        case .matches(let expression):
            return scalar != nil && expression.matches(text) ? [] : fail()
        case .atLeast(let minimum):
            return number(scalar).map { $0 >= minimum } == true ? [] : fail()
        case .numberBetween(let low, let high):
            return number(scalar).map { (low...high).contains($0) } == true ? [] : fail()
        case .refersTo(let target):
            let known = Set(target.matches(in: root).compactMap { match -> String? in
                if case .scalar(let scalar, _)? = match.value { return scalar.text }
                return nil
            })
            return referencedTexts(value).filter { !known.contains($0) }.flatMap { fail(value: $0) }
        case .dateBefore(let target):
            guard case .scalar(.moment(let date), _)? = target.matches(in: root).first?.value else { return [] }
            guard case .moment(let moment)? = scalar else { return fail() }
            return moment.earliest > date.latest ? fail() : []
        case .countBetween, .unique, .builtin:
            return []
        }
    }

    private static func same(_ scalar: ScalarValue, _ expected: String) -> Bool {
        switch scalar {
        case .bool(let value): return ScalarParser.bool(expected) == value
        case .integer, .number: return ScalarParser.number(expected) == number(scalar)
        default: return TextMatching.normalized(scalar.text) == TextMatching.normalized(expected)
        }
    }

    private static func number(_ scalar: ScalarValue?) -> Double? {
        switch scalar {
        case .integer(let value)?: Double(value)
        case .number(let value)?: value
        default: nil
        }
    }

    private static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .scalar(.text(let text), _): text.allSatisfy(\.isWhitespace)
        case .scalar: false
        case .localized(let text, _): text.fr.isEmpty && text.en.isEmpty
        case .record(let record): record.keys.isEmpty
        case .list(let items, _): items.isEmpty
        case .dictionary(let entries, _): entries.isEmpty
        }
    }

    private static func referencedTexts(_ value: Value) -> [String] {
        switch value {
        case .scalar(let scalar, _): [scalar.text]
        case .list(let items, _): items.flatMap(referencedTexts)
        default: []
        }
    }
}

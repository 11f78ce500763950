// AtelierChecklist: the pedagogical checklists — rule definitions and their loader, the path
// language, declarative checks, built-in functions, the verb lexicon, suppressions, readiness
// and the example runner that makes each rule's examples its tests.

import AtelierCore
import AtelierMockup
import AtelierYAML

/// What checking one mockup gave: every finding (structural and from the rules, silenced
/// ones marked) and its readiness.
public struct CheckResult: Sendable {
    public let findings: [Finding]
    public let readiness: Readiness
}

/// Runs the rules in effect over decoded mockups.
public struct ChecklistEngine: Sendable {
    public let rules: [Rule]

    /// What Atelier's templates write, for `template-example` and `template-plan`.
    public let templates: TemplateTexts

    /// The structural findings that say a required part is absent.
    private static let absenceRules: Set<String> = ["missing-key", "unknown-key"]

    public init(rules: [Rule], templates: TemplateTexts = .none) {
        self.rules = rules
        self.templates = templates
    }

    /// Checks a decoded mockup; `source` is its text (for suppression comments), `language`
    /// the one objectives are read in when the mockup does not say. A rule is not judged
    /// where a structural error already stands (at the same path or above it): an invalid
    /// date is reported once, not again as a missing one.
    public func check(_ decoded: DecodedMockup, source: String, language: Language) -> CheckResult {
        var findings = decoded.findings
        var applicable: [(rule: Rule, severity: Severity)] = []
        let structuralErrorPaths = decoded.findings.filter { $0.severity == .error && !$0.path.components.isEmpty }.map(\.path)
        if let mockup = decoded.mockup, let tree = decoded.tree {
            let context = CheckContext(mockup: mockup, language: language, templates: templates)
            let frame = LegalFrame.of(country: mockup.institution?.record.text("country")).arguments
            for rule in rules {
                guard let severity = rule.severity else { continue }
                let outcome = evaluate(rule, in: context)
                guard outcome.applicable else { continue }
                applicable.append((rule, severity))
                let judged = outcome.violations.filter { violation in
                    !structuralErrorPaths.contains { violation.path.hasPrefix($0) }
                }
                findings += judged.map { finding(rule, severity: severity, $0, frame: frame, tree: tree, root: mockup.record) }
            }
        }
        // A placeholder or a copied example stands for its field: what other rules say about the
        // same place, or under it, is its consequence.
        let voiding = Set(applicable.filter { if case .builtin(let name, _) = $0.rule.check { Builtins.named(name)?.voidsSection ?? false } else { false } }.map(\.rule.id))
        let voidedPaths = findings.filter { voiding.contains($0.rule) }.map(\.path)
        findings = findings.filter { finding in voiding.contains(finding.rule) || !voidedPaths.contains { finding.path.hasPrefix($0) } }
        findings = Suppression.apply(Suppression.all(in: source), to: findings)
        let standing = Set(findings.filter { !$0.isSuppressed }.map(\.rule))
        // A required key missing (or written under a wrong name) leaves its section without
        // substance too: the audiences cannot be ready when there are none.
        let absent = decoded.findings.filter { $0.severity == .error && Self.absenceRules.contains($0.rule) }
        let voidedSections = Set((findings.filter { !$0.isSuppressed && voiding.contains($0.rule) } + absent).flatMap { Section.voided(by: $0.path) })
        let structural = Set(decoded.findings.map(\.rule))
        let structuralErrors = findings.contains { !$0.isSuppressed && $0.severity == .error && structural.contains($0.rule) }
        // A section without substance counts as one more error rule, unsatisfied, besides its
        // rules (which then count as unsatisfied too): it shows at 0 % even where no rule applies.
        let entries = applicable.map {
            Readiness.Entry(section: $0.rule.section, weight: Readiness.weight($0.severity),
                            satisfied: !standing.contains($0.rule.id) && !voidedSections.contains($0.rule.section))
        } + voidedSections.sorted { $0.rawValue < $1.rawValue }.map { Readiness.Entry(section: $0, weight: Readiness.weight(.error), satisfied: false) }
        let readiness = decoded.mockup == nil ? Readiness.unreadable : Readiness(entries: entries, structuralErrors: structuralErrors)
        return CheckResult(findings: findings.sorted(by: Finding.readingOrder), readiness: readiness)
    }

    /// The outcome of one rule, its `when` condition included.
    public func evaluate(_ rule: Rule, in context: CheckContext) -> Outcome {
        let root = context.mockup.record
        if let condition = rule.condition, !DeclarativeChecks.holds(condition, in: root) {
            return .notApplicable
        }
        if case .builtin(let name, let options) = rule.check {
            return Builtins.named(name)?.evaluate(context, options: options) ?? .notApplicable
        }
        guard let target = rule.target else { return .notApplicable }
        return DeclarativeChecks.evaluate(rule.check, on: target, root: root, missingPasses: rule.missingPasses)
    }

    /// A finding of `rule` at one violation; its texts may cite the mockup's legal frame. The
    /// message names an item by its name as well as its id (« La borne « Borne d'accueil »
    /// (borne)… »); the fix keeps the bare id, which it writes into YAML.
    private func finding(_ rule: Rule, severity: Severity, _ violation: Outcome.Violation, frame: [String: String], tree: YAMLNode,
                         root: Record) -> Finding {
        let arguments = frame.merging(violation.arguments) { $1 }
        var named = arguments
        if let id = arguments["id"], let name = Self.name(of: id, along: violation.path, in: root) {
            named["id"] = name.contains("«") ? "\(name) (\(id))" : "« \(name) » (\(id))"
        }
        return Finding(rule: rule.id, severity: violation.severity ?? severity, path: violation.path,
                       position: tree.position(of: violation.path), message: rule.message.filled(named),
                       why: rule.why.filled(arguments), fix: rule.fix.filled(arguments), reference: rule.reference)
    }

    /// The `name` of the item whose `id` is `id`, met along `path` (a tool, a partner).
    private static func name(of id: String, along path: FieldPath, in root: Record) -> String? {
        var value: Value? = .record(root)
        var found: String?
        for component in path.components {
            switch (component, value) {
            case (.key(let key), .record(let record)?): value = record.valueIfDeclared(key)
            case (.index(let index), .list(let items, _)?) where items.indices.contains(index): value = items[index]
            default: value = nil
            }
            if case .record(let record)? = value, record.text(firstOf: ["id"]) == id, let name = record.text(firstOf: ["name"]), name != id { found = name }
        }
        return found
    }
}

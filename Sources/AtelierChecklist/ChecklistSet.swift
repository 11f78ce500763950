import AtelierCore
import Foundation

/// The rules in effect for a run: checklists found by name (in the templates'
/// `checklists/` folder) or by path, their `extends` resolved, severities overridden.
public struct ChecklistSet: Sendable {
    public static let defaultChecklist = "mediation-essentials"

    /// The checklists named on the command line, each with what it extends.
    public let checklists: [Checklist]
    public let rules: [Rule]

    public init(checklists: [Checklist], rules: [Rule]) {
        self.checklists = checklists
        self.rules = rules
    }

    /// The names of the checklists that ship with Atelier.
    public static func builtinNames(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("example-") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the requested checklists (names or paths). The default checklist runs too,
    /// unless one of the requested checklists is it or extends it: a checklist that extends
    /// it replaces it, one that does not adds to it.
    public static func load(_ requested: [String], folder: URL) throws(DefinitionError) -> ChecklistSet {
        var resolver = Resolver(folder: folder)
        var roots: [Checklist] = []
        for name in requested.isEmpty ? [defaultChecklist] : requested {
            if let checklist = resolver.checklist(named: name, from: nil) { roots.append(checklist) }
        }
        var rules: [Rule] = []
        let includesDefault = roots.contains { resolver.includes($0, defaultChecklist) }
        if !includesDefault, let builtin = resolver.checklist(named: defaultChecklist, from: nil) {
            rules = resolver.rules(of: builtin)
        }
        for root in roots {
            rules = Resolver.merge(rules, resolver.rules(of: root))
        }
        guard resolver.problems.isEmpty else { throw DefinitionError(resolver.problems) }
        return ChecklistSet(checklists: roots, rules: rules)
    }

    /// Loads one checklist file on its own, with what it extends.
    public static func loadFile(_ path: String, folder: URL) throws(DefinitionError) -> ChecklistSet {
        var resolver = Resolver(folder: folder)
        guard let checklist = resolver.checklist(named: path, from: nil) else { throw DefinitionError(resolver.problems) }
        let rules = resolver.rules(of: checklist)
        guard resolver.problems.isEmpty else { throw DefinitionError(resolver.problems) }
        return ChecklistSet(checklists: [checklist], rules: rules)
    }
}

/// Finds, loads and flattens checklists, collecting every problem.
private struct Resolver {
    let folder: URL
    var loaded: [String: Checklist] = [:]
    var problems: [DefinitionProblem] = []
    var resolving: [String] = []

    init(folder: URL) {
        self.folder = folder
    }

    mutating func checklist(named name: String, from referrer: (file: String, position: SourcePosition)?) -> Checklist? {
        if let cached = loaded[name] { return cached }
        let candidates = [URL(fileURLWithPath: name), folder.appendingPathComponent("\(name).yaml")]
            + (referrer.map { [URL(fileURLWithPath: $0.file).deletingLastPathComponent().appendingPathComponent(name)] } ?? [])
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) && !$0.hasDirectoryPath }),
              let data = FileManager.default.contents(atPath: url.path) else {
            let available = ChecklistSet.builtinNames(in: folder).joined(separator: ", ")
            problems.append(DefinitionProblem(file: referrer?.file ?? name, position: referrer?.position,
                                             message: ChecklistMessage.text(.checklistUnknownChecklist, ["value": name])
                                                .joined(with: ChecklistMessage.text(.checklistAccepted, ["values": available]))))
            return nil
        }
        do {
            let checklist = try ChecklistLoader.load([UInt8](data), file: url.path == name ? name : url.relativePath)
            loaded[name] = checklist
            loaded[checklist.id] = checklist
            return checklist
        } catch {
            problems += error.problems
            return nil
        }
    }

    /// Whether `checklist` is `id` or extends it, directly or not (a cycle is reported by `rules(of:)`).
    mutating func includes(_ checklist: Checklist, _ id: String, visited: Set<String> = []) -> Bool {
        if checklist.id == id { return true }
        guard !visited.contains(checklist.id) else { return false }
        for parent in checklist.extends {
            if parent.id == id { return true }
            if let base = self.checklist(named: parent.id, from: (checklist.file, parent.position)),
               includes(base, id, visited: visited.union([checklist.id])) { return true }
        }
        return false
    }

    mutating func rules(of checklist: Checklist) -> [Rule] {
        guard !resolving.contains(checklist.id) else {
            problems.append(DefinitionProblem(file: checklist.file, position: checklist.extends.first?.position,
                                             message: ChecklistMessage.text(.checklistCycle, ["id": checklist.id])))
            return []
        }
        resolving.append(checklist.id)
        defer { resolving.removeLast() }
        var rules: [Rule] = []
        for parent in checklist.extends {
            if let base = self.checklist(named: parent.id, from: (checklist.file, parent.position)) {
                rules = Self.merge(rules, self.rules(of: base))
            }
        }
        rules = Self.merge(rules, checklist.rules)
        for override in checklist.severities {
            guard let index = rules.firstIndex(where: { $0.id == override.rule }) else {
                let suggestion = TextMatching.closest(to: override.rule, among: rules.map(\.id)).first
                problems.append(DefinitionProblem(file: checklist.file, position: override.position,
                                                 message: ChecklistMessage.text(.checklistUnknownRule, ["value": override.rule])
                                                    .joined(with: suggestion.map { ChecklistMessage.text(.checklistDidYouMean, ["suggestion": $0]) } ?? Localized(verbatim: ""))))
                continue
            }
            rules[index].severity = override.severity
        }
        return rules
    }

    /// `base` with the rules of `overlay` added; a rule with the same id replaces the old one in place.
    static func merge(_ base: [Rule], _ overlay: [Rule]) -> [Rule] {
        var rules = base
        for rule in overlay {
            if let index = rules.firstIndex(where: { $0.id == rule.id }) {
                rules[index] = rule
            } else {
                rules.append(rule)
            }
        }
        return rules
    }
}

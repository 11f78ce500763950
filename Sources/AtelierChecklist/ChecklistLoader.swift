import AtelierCore
import AtelierMockup
import AtelierYAML

/// Reads a checklist file: its structure is validated against `ChecklistSchema` (every unknown
/// key, section, severity or built-in with the closest accepted word); the loader then judges
/// what the schema cannot — checks and their arguments, options, paths — each problem with its
/// position.
public struct ChecklistLoader {
    private var reader: DefinitionReader
    var file: String { reader.file }

    public static let checkNames = ["present", "not-empty", "equals", "one-of", "matches", "at-least",
                                    "number-between", "count-between", "unique", "refers-to", "date-before"]

    public static func load(_ bytes: [UInt8], file: String) throws(DefinitionError) -> Checklist {
        var loader = ChecklistLoader(reader: DefinitionReader(file: file))
        guard let root = loader.reader.root(of: bytes, schema: ChecklistSchema.document) else { throw DefinitionError(loader.reader.problems) }
        let checklist = loader.checklist(root)
        guard loader.reader.problems.isEmpty, let checklist else { throw DefinitionError(loader.reader.problems) }
        return checklist
    }

    private mutating func report(_ position: SourcePosition?, _ key: ChecklistMessage, _ arguments: [String: String] = [:]) {
        reader.report(position, key, arguments)
    }

    private mutating func reportUnknown(_ word: String, at position: SourcePosition, among known: [String], kind: ChecklistMessage) {
        reader.reportUnknown(word, at: position, among: known, kind: kind)
    }

    private mutating func checklist(_ root: YAMLNode) -> Checklist? {
        guard root.entries != nil else { return nil }
        let id = root["id"]?.scalarText
        let title = root.bilingual("title")
        let extends = (root["extends"]?.items ?? []).compactMap { item in item.scalarText.map { ($0, item.position) } }
        let severities = (root["severities"]?.entries ?? []).compactMap { entry in
            Self.level(entry.value).map { (entry.key, $0.severity, entry.keyPosition) }
        }
        var rules: [Rule] = []
        var seen: [String: SourcePosition] = [:]
        for item in root["rules"]?.items ?? [] {
            guard let rule = rule(item, origin: id ?? file) else { continue }
            if let first = seen[rule.id] {
                report(rule.position, .checklistDuplicateRule, ["id": rule.id, "line": "\(first.line)"])
            }
            seen[rule.id] = rule.position
            rules.append(rule)
        }
        guard let id, let title else { return nil }
        return Checklist(id: id, title: title, extends: extends, severities: severities, rules: rules, file: file)
    }

    /// A rule's level as a checklist writes it: a severity, or `off`.
    struct Level {
        let severity: Severity?
    }

    /// The level written in `node`, case aside; nil when it is none (the schema says so).
    private static func level(_ node: YAMLNode) -> Level? {
        guard let word = node.scalarText?.lowercased(), ChecklistSchema.levels.contains(where: { $0.value == word }) else { return nil }
        return Level(severity: Severity(rawValue: word))
    }

    /// The target path under `key` of `parent`, required there.
    private mutating func path(_ node: YAMLNode?, _ key: String, in parent: YAMLNode) -> TargetPath? {
        guard let node, !node.isEmpty else {
            report(parent.position, .checklistMissingKey, ["key": key])
            return nil
        }
        guard let text = node.scalarText else {
            report(node.position, .checklistExpectedText, ["key": key])
            return nil
        }
        do {
            return try TargetPath(parsing: text)
        } catch {
            reader.report(node.position, Self.explain(error))
            return nil
        }
    }

    static func explain(_ error: TargetPathError) -> Localized {
        switch error {
        case .syntax(let path): ChecklistMessage.text(.checklistPathSyntax, ["path": path])
        case let .unknownKey(path, key, suggestion):
            ChecklistMessage.text(.checklistPathUnknownKey, ["path": path, "key": key])
                .joined(with: suggestion.map { ChecklistMessage.text(.checklistDidYouMean, ["suggestion": $0]) } ?? Localized(verbatim: ""))
        case let .listNeedsSelector(path, key): ChecklistMessage.text(.checklistPathNeedsSelector, ["path": path, "key": key])
        case let .notAList(path, key): ChecklistMessage.text(.checklistPathNotAList, ["path": path, "key": key])
        case let .notAnObject(path, key): ChecklistMessage.text(.checklistPathNotAnObject, ["path": path, "key": key])
        case let .badSelector(path, key): ChecklistMessage.text(.checklistPathBadSelector, ["path": path, "key": key])
        }
    }

    private mutating func rule(_ node: YAMLNode, origin: String) -> Rule? {
        guard node.entries != nil else { return nil }
        let id = node["id"]?.scalarText.flatMap { ScalarParser.isIdentifier($0) ? $0 : nil }
        let section = node["section"]?.scalarText.flatMap { Section(rawValue: $0.lowercased()) }
        let level = node["severity"].flatMap(Self.level)
        let message = node.bilingual("message")
        let why = node.bilingual("why")
        let fix = node.bilingual("fix")
        let reference = node["reference"]?.scalarText
        let missingPasses = node["missing"]?.scalarText?.lowercased() == "pass"
        let check: Check?
        var target: TargetPath?
        if let builtinNode = node["builtin"] {
            if let extra = node["target"] ?? node["check"] { report(extra.position, .checklistBuiltinOrCheck) }
            check = builtin(builtinNode, options: node["options"])
        } else {
            if let options = node["options"] { report(options.position, .checklistOptionsNeedBuiltin) }
            target = path(node["target"], "target", in: node)
            check = node["check"].flatMap { self.check($0) }
            if node["check"] == nil { report(node.position, .checklistMissingKey, ["key": "check"]) }
        }
        let condition = node["when"].flatMap { self.condition($0) }
        let (valid, invalid) = examples(node["examples"])
        guard let id, let section, let level, let check, let message, let why, let fix,
              target != nil || node["builtin"] != nil else { return nil }
        return Rule(id: id, section: section, severity: level.severity, target: target, check: check, condition: condition,
                    missingPasses: missingPasses, message: message, why: why, fix: fix, reference: reference,
                    validExamples: valid, invalidExamples: invalid, origin: origin, position: node.position)
    }

    private mutating func builtin(_ node: YAMLNode, options: YAMLNode?) -> Check? {
        guard let name = node.scalarText?.lowercased(), let function = Builtins.named(name) else { return nil }
        if let options, options.entries == nil { report(options.position, .checklistExpectedMapping, ["key": "options"]) }
        var values = BuiltinOptions()
        for entry in options?.entries ?? [] {
            guard let kind = function.options[entry.key] else {
                reportUnknown(entry.key, at: entry.keyPosition, among: function.options.keys.sorted(), kind: .checklistUnknownOption)
                continue
            }
            switch kind {
            case .text(let accepted):
                guard let word = entry.value.scalarText, accepted.contains(word) else {
                    reportUnknown(entry.value.scalarText ?? "", at: entry.value.position, among: accepted, kind: .checklistUnknownValue)
                    continue
                }
                values.values[entry.key] = .text(word)
            case .number:
                guard let number = entry.value.scalarText.flatMap(ScalarParser.number) else {
                    report(entry.value.position, .checklistExpectedNumber, ["key": entry.key]); continue
                }
                values.values[entry.key] = .number(number)
            case .list:
                guard let items = entry.value.items?.compactMap(\.scalarText) else {
                    report(entry.value.position, .checklistExpectedList, ["key": entry.key]); continue
                }
                values.values[entry.key] = .list(items)
            }
        }
        return .builtin(name, values)
    }

    /// `present`, `not-empty`, `unique`, or a one-key map: `{equals: true}`, `{one-of: [a, b]}`…
    private mutating func check(_ node: YAMLNode) -> Check? {
        if let word = node.scalarText {
            switch word {
            case "present": return .present(keys: [])
            case "not-empty": return .notEmpty
            case "unique": return .unique
            default:
                reportUnknown(word, at: node.position, among: Self.checkNames, kind: .checklistUnknownCheck)
                return nil
            }
        }
        guard let entries = node.entries, entries.count == 1, let entry = entries.first else {
            report(node.position, .checklistOneCheck)
            return nil
        }
        return check(named: entry.key, argument: entry.value, at: entry.keyPosition)
    }

    private mutating func check(named name: String, argument: YAMLNode, at position: SourcePosition) -> Check? {
        let scalar = argument.scalarText
        let list = argument.items?.compactMap(\.scalarText)
        switch name {
        case "present":
            guard let list else { break }
            return .present(keys: list)
        case "not-empty": return .notEmpty
        case "unique": return .unique
        case "equals":
            guard let scalar else { break }
            return .equals(scalar)
        case "one-of":
            guard let list, !list.isEmpty else { break }
            return .oneOf(list)
        case "matches":
            guard let scalar else { break }
            guard !NSRegularExpressionBox.hasNestedRepetition(scalar) else {
                report(argument.position, .checklistNestedRepetition, ["value": scalar]); return nil
            }
            do { return .matches(try NSRegularExpressionBox(scalar)) } catch {
                report(argument.position, .checklistBadPattern, ["value": scalar]); return nil
            }
        case "at-least":
            guard let number = scalar.flatMap(ScalarParser.number) else { break }
            return .atLeast(number)
        case "number-between":
            guard let numbers = list?.compactMap(ScalarParser.number), numbers.count == 2, numbers[0] <= numbers[1] else { break }
            return .numberBetween(numbers[0], numbers[1])
        case "count-between":
            guard let numbers = list?.compactMap(ScalarParser.integer), (1...2).contains(numbers.count) else { break }
            return .countBetween(min: numbers[0], max: numbers.count == 2 ? numbers[1] : nil)
        case "refers-to":
            guard let target = path(argument, name, in: argument) else { return nil }
            return .refersTo(target)
        case "date-before":
            guard let target = path(argument, name, in: argument) else { return nil }
            return .dateBefore(target)
        default:
            reportUnknown(name, at: position, among: Self.checkNames, kind: .checklistUnknownCheck)
            return nil
        }
        report(argument.position, .checklistBadCheckArgument, ["check": name])
        return nil
    }

    /// `when: {target: PATH, CHECK: ARGUMENT}` (or `check: present`).
    private mutating func condition(_ node: YAMLNode) -> Condition? {
        guard let entries = node.entries else {
            report(node.position, .checklistExpectedMapping, ["key": "when"])
            return nil
        }
        let target = path(node["target"], "target", in: node)
        let others = entries.filter { $0.key != "target" }
        guard others.count == 1, let entry = others.first else {
            report(node.position, .checklistOneCheck)
            return nil
        }
        let check = entry.key == "check" ? self.check(entry.value) : self.check(named: entry.key, argument: entry.value, at: entry.keyPosition)
        guard let target, let check else { return nil }
        return Condition(target: target, check: check)
    }

    /// The rule's examples; their shape is the schema's to judge.
    private func examples(_ node: YAMLNode?) -> ([RuleExample], [RuleExample]) {
        func read(_ key: String) -> [RuleExample] {
            (node?[key]?.items ?? []).compactMap { item in item.scalarText.map { RuleExample(parsing: $0, at: item.position) } }
        }
        return (read("valid"), read("invalid"))
    }
}

extension RuleExample {
    /// Reads a snippet and the `↓` that marks where the finding must land.
    init(parsing text: String, at position: SourcePosition) {
        // Most snippets have no arrow: they are taken as they are, not walked line by line.
        guard text.unicodeScalars.contains("↓") else {
            self.init(snippet: text, marker: nil, position: position)
            return
        }
        var marker: SourcePosition?
        var lines: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let arrow = line.firstIndex(of: "↓") {
                marker = SourcePosition(line: index + 1, column: line.distance(from: line.startIndex, to: arrow) + 1)
                lines.append(line.replacingOccurrences(of: "↓", with: ""))
            } else {
                lines.append(String(line))
            }
        }
        self.init(snippet: lines.joined(separator: "\n"), marker: marker, position: position)
    }
}

extension Localized {
    /// Two sentences put together, in each language.
    func joined(with other: Localized) -> Localized {
        Localized(fr: [fr, other.fr].filter { !$0.isEmpty }.joined(separator: " "),
                  en: [en, other.en].filter { !$0.isEmpty }.joined(separator: " "))
    }
}

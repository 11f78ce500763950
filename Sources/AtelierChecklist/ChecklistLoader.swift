import AtelierCore
import AtelierMockup
import AtelierYAML

/// Reads a checklist file strictly: every unknown key, check, option, section, severity or
/// path is a problem with its position and the closest accepted word.
public struct ChecklistLoader {
    private var reader: StrictReader
    var file: String { reader.file }

    public static let checkNames = ["present", "not-empty", "equals", "one-of", "matches", "at-least",
                                    "number-between", "count-between", "unique", "refers-to", "date-before"]
    static let topKeys = ["id", "title", "extends", "severities", "rules"]
    static let ruleKeys = ["id", "section", "severity", "target", "check", "builtin", "options", "when", "missing",
                           "message", "why", "fix", "reference", "examples"]
    static let severityWords = Severity.allCases.map(\.rawValue) + ["off"]

    public static func load(_ bytes: [UInt8], file: String) throws(DefinitionError) -> Checklist {
        var loader = ChecklistLoader(reader: StrictReader(file: file))
        guard let root = loader.reader.root(of: bytes) else { throw DefinitionError(loader.reader.problems) }
        let checklist = loader.checklist(root)
        guard loader.reader.problems.isEmpty, let checklist else { throw DefinitionError(loader.reader.problems) }
        return checklist
    }

    private mutating func report(_ position: SourcePosition?, _ key: ChecklistMessage, _ arguments: [String: String] = [:]) {
        reader.report(position, key, arguments)
    }

    private mutating func checkKeys(_ node: YAMLNode, known: [String]) {
        reader.checkKeys(node, known: known)
    }

    private mutating func reportUnknown(_ word: String, at position: SourcePosition, among known: [String], kind: ChecklistMessage) {
        reader.reportUnknown(word, at: position, among: known, kind: kind)
    }

    private mutating func text(_ node: YAMLNode?, _ key: String, in parent: YAMLNode, required: Bool = true) -> String? {
        reader.text(node, key, in: parent, required: required)
    }

    private mutating func localized(_ node: YAMLNode?, _ key: String, in parent: YAMLNode) -> Localized? {
        reader.localized(node, key, in: parent)
    }

    private mutating func checklist(_ root: YAMLNode) -> Checklist? {
        guard root.entries != nil else {
            report(root.position, .checklistExpectedMapping, ["key": file])
            return nil
        }
        checkKeys(root, known: Self.topKeys)
        let id = text(root["id"], "id", in: root)
        let title = localized(root["title"], "title", in: root)
        var extends: [(String, SourcePosition)] = []
        if let node = root["extends"] {
            for item in node.items ?? [node] {
                guard let name = item.scalarText else { report(item.position, .checklistExpectedText, ["key": "extends"]); continue }
                extends.append((name, item.position))
            }
        }
        var severities: [(String, Severity?, SourcePosition)] = []
        for entry in root["severities"]?.entries ?? [] {
            if let level = level(entry.value) { severities.append((entry.key, level.severity, entry.keyPosition)) }
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

    private mutating func level(_ node: YAMLNode) -> Level? {
        guard let word = node.scalarText, Self.severityWords.contains(word) else {
            reportUnknown(node.scalarText ?? "", at: node.position, among: Self.severityWords, kind: .checklistUnknownSeverity)
            return nil
        }
        return Level(severity: Severity(rawValue: word))
    }

    private mutating func path(_ node: YAMLNode?, _ key: String, in parent: YAMLNode) -> TargetPath? {
        guard let text = text(node, key, in: parent) else { return nil }
        do {
            return try TargetPath(parsing: text)
        } catch {
            reader.append(DefinitionProblem(file: file, position: node?.position, message: Self.explain(error)))
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
        guard node.entries != nil else {
            report(node.position, .checklistExpectedMapping, ["key": "rules"])
            return nil
        }
        checkKeys(node, known: Self.ruleKeys)
        let id = text(node["id"], "id", in: node)
        if let id, !ScalarParser.isIdentifier(id), let position = node["id"]?.position {
            report(position, .checklistBadRuleId, ["id": id])
        }
        var section: Section?
        if let word = text(node["section"], "section", in: node) {
            section = Section(rawValue: word)
            if section == nil, let position = node["section"]?.position {
                reportUnknown(word, at: position, among: Section.allCases.map(\.rawValue), kind: .checklistUnknownSection)
            }
        }
        let level = node["severity"].flatMap { self.level($0) }
        if node["severity"] == nil { report(node.position, .checklistMissingKey, ["key": "severity"]) }
        let message = localized(node["message"], "message", in: node)
        let why = localized(node["why"], "why", in: node)
        let fix = localized(node["fix"], "fix", in: node)
        let reference = text(node["reference"], "reference", in: node, required: false)
        let missingPasses = node["missing"].map { missing in
            let word = missing.scalarText ?? ""
            if !["pass", "fail"].contains(word) { reportUnknown(word, at: missing.position, among: ["pass", "fail"], kind: .checklistUnknownValue) }
            return word == "pass"
        } ?? false
        let check: Check?
        var target: TargetPath?
        if let builtinNode = node["builtin"] {
            if let extra = node["target"] ?? node["check"] { report(extra.position, .checklistBuiltinOrCheck) }
            check = builtin(builtinNode, options: node["options"], in: node)
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

    private mutating func builtin(_ node: YAMLNode, options: YAMLNode?, in parent: YAMLNode) -> Check? {
        guard let name = text(node, "builtin", in: parent) else { return nil }
        guard let function = Builtins.named(name) else {
            reportUnknown(name, at: node.position, among: Builtins.all.map { $0.name }, kind: .checklistUnknownBuiltin)
            return nil
        }
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

    private mutating func examples(_ node: YAMLNode?) -> ([RuleExample], [RuleExample]) {
        guard let node else { return ([], []) }
        checkKeys(node, known: ["valid", "invalid"])
        func read(_ key: String) -> [RuleExample] {
            (node[key]?.items ?? []).compactMap { item in
                guard let text = item.scalarText else {
                    report(item.position, .checklistExpectedText, ["key": key])
                    return nil
                }
                return RuleExample(parsing: text, at: item.position)
            }
        }
        return (read("valid"), read("invalid"))
    }
}

extension RuleExample {
    /// Reads a snippet and the `↓` that marks where the finding must land.
    init(parsing text: String, at position: SourcePosition) {
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

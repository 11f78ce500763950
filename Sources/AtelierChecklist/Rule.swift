import AtelierCore
import AtelierMockup
import Foundation

/// The parts of a mockup a rule belongs to; readiness is scored per section.
public enum Section: String, CaseIterable, Sendable {
    case objectives, alignment, audiences, accessibility, inclusion
    case dataAndRights = "data-and-rights"
    case technology, schedule, evaluation, sustainability

    /// The sections a place of the mockup gives substance to: its project description (title,
    /// summary) and objectives to the objectives and their alignment, who runs it to the
    /// audiences, its tools to the technology…
    public static func holding(_ path: FieldPath) -> [Section] {
        guard case .key(let key)? = path.components.first else { return [] }
        // The path without the digital tool is inclusion's, though written under accessibility.
        if key == "accessibility", path.components.dropFirst().first == .key("non-digital-alternative") { return [.inclusion] }
        let section: Section? = switch key {
        case "title", "summary", "objectives": .objectives
        case "institution", "team", "partners", "audiences": .audiences
        case "tools": .technology
        case "dates", "activities": .schedule
        case "evaluation": .evaluation
        case "data", "rights": .dataAndRights
        case "accessibility": .accessibility
        case "inclusion": .inclusion
        case "budget", "sustainability": .sustainability
        default: nil
        }
        guard let section else { return [] }
        return section == .objectives ? [.objectives, .alignment] : [section]
    }

    /// The sections a placeholder or a copied example at this place leaves without substance:
    /// those it holds, except for a team member's name, a detail of who runs the project that
    /// leaves the audiences it reaches described (the placeholder is still reported).
    public static func voided(by path: FieldPath) -> [Section] {
        path.components.first == .key("team") ? [] : holding(path)
    }

    public var title: Localized {
        let key: ChecklistMessage = switch self {
        case .objectives: .sectionObjectives
        case .alignment: .sectionAlignment
        case .audiences: .sectionAudiences
        case .accessibility: .sectionAccessibility
        case .inclusion: .sectionInclusion
        case .dataAndRights: .sectionDataAndRights
        case .technology: .sectionTechnology
        case .schedule: .sectionSchedule
        case .evaluation: .sectionEvaluation
        case .sustainability: .sectionSustainability
        }
        return ChecklistMessage.text(key)
    }
}

/// A check drawn from the closed, documented set (`atelier checklist doc` lists them).
public enum Check: Sendable {
    /// The value is written; with keys, each of these keys is written in it.
    case present(keys: [String])
    /// The value is written and not empty (a list with items, a text with letters).
    case notEmpty
    case equals(String)
    case oneOf([String])
    case matches(NSRegularExpressionBox)
    case atLeast(Double)
    case numberBetween(Double, Double)
    /// The number of parts selected (the items, for a list) is between `min` and `max`.
    case countBetween(min: Int, max: Int?)
    /// No two selected values are the same.
    case unique
    /// Each value (or each item of a list value) is one of the values `path` selects.
    case refersTo(TargetPath)
    /// The date is on or before the one `path` selects.
    case dateBefore(TargetPath)
    /// A built-in function, by name, with its options.
    case builtin(String, BuiltinOptions)

    /// Value checks fail on a missing value unless the rule says `missing: pass`.
    var judgesMissingValues: Bool {
        switch self {
        case .countBetween, .unique, .builtin: false
        default: true
        }
    }
}

/// A compiled regular expression that can be shared between threads.
public struct NSRegularExpressionBox: @unchecked Sendable {
    public let pattern: String
    let expression: NSRegularExpression

    init(_ pattern: String) throws {
        self.pattern = pattern
        self.expression = try NSRegularExpression(pattern: pattern)
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether a repeated group holds a repetition itself (`(a+)+`, `(\w*x)*`, `(a{2,})+`): the
    /// shape whose backtracking grows exponentially with the text. Such patterns are refused when
    /// a checklist is loaded, so no value can make a check take minutes.
    public static func hasNestedRepetition(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        var groups: [Bool] = []
        var index = 0, inClass = false
        func repeatsAt(_ position: Int) -> Bool {
            position < characters.count && "*+{".contains(characters[position])
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                index += 1
            case "[" where !inClass:
                inClass = true
            case "]" where inClass:
                inClass = false
            case _ where inClass:
                break
            case "(":
                groups.append(false)
            case ")":
                let inner = groups.popLast() ?? false
                if inner && repeatsAt(index + 1) { return true }
                if !groups.isEmpty && (inner || repeatsAt(index + 1)) { groups[groups.count - 1] = true }
            case "*", "+", "{":
                if !groups.isEmpty { groups[groups.count - 1] = true }
            default:
                break
            }
            index += 1
        }
        return false
    }
}

/// Options given to a built-in function: texts, numbers or lists of texts.
public struct BuiltinOptions: Sendable {
    public var values: [String: OptionValue] = [:]

    public enum OptionValue: Sendable, Equatable {
        case text(String)
        case number(Double)
        case list([String])
    }

    public func text(_ name: String) -> String? {
        if case .text(let value)? = values[name] { return value }
        return nil
    }

    public func number(_ name: String) -> Double? {
        if case .number(let value)? = values[name] { return value }
        return nil
    }

    public func list(_ name: String) -> [String]? {
        if case .list(let value)? = values[name] { return value }
        return nil
    }
}

/// A condition that must hold for a rule to apply: `when: {target: data.personal, equals: true}`.
public struct Condition: Sendable {
    public let target: TargetPath
    public let check: Check
}

/// A mockup snippet showing a rule at work. In an invalid example, `↓` marks where the
/// finding must land (it is removed before the snippet is read).
public struct RuleExample: Sendable {
    public let snippet: String
    public let marker: SourcePosition?
    /// Where the example is written in the checklist file.
    public let position: SourcePosition
}

/// One rule of a checklist.
public struct Rule: Sendable {
    public let id: String
    public let section: Section
    /// nil when the rule is off.
    public var severity: Severity?
    public let target: TargetPath?
    public let check: Check
    public let condition: Condition?
    public let missingPasses: Bool
    public let message: Localized
    public let why: Localized
    public let fix: Localized
    public let reference: String?
    public let validExamples: [RuleExample]
    public let invalidExamples: [RuleExample]
    /// The checklist that declared the rule, and where.
    public let origin: String
    public let position: SourcePosition
}

/// A loaded checklist, before `extends` is resolved.
public struct Checklist: Sendable {
    public let id: String
    public let title: Localized
    public let extends: [(id: String, position: SourcePosition)]
    public let severities: [(rule: String, severity: Severity?, position: SourcePosition)]
    public let rules: [Rule]
    public let file: String
}

// AtelierImpact owns turning survey exports into the plan's indicators: the plan's questions
// ready to code answers, the matching of questions to columns, the coding of each answer, the
// mergeable aggregates one pass over the rows fills, and the indicators, targets and
// segments computed from them.

import AtelierCore
import AtelierTabular
import AtelierMockup
import Foundation

/// How one question's answers are read.
public enum AnswerKind: Sendable, Equatable {
    /// A scale: labels (fr/en) or numbers map to the scale's values.
    case scale(Mockup.Scale)
    case number
    /// One of the choices (index in the declared order).
    case choice([Localized])
    /// Several of the choices, joined in one cell.
    case multiChoice([Localized], separator: String?)
    /// Oui/non, yes/no, Y/N, 1/0, true/false: 1 or 0; `missing` are the labels that mean
    /// no answer (those of the `yes-no` scale, « Ne sait pas »).
    case yesNo(missing: [Localized])
    case text
}

extension AnswerKind {
    /// What the answers mean, for the plan's fingerprint: a scale's levels, values and « no
    /// answer » labels, not the codes a tool gives its levels.
    var meaning: String {
        guard case .scale(let scale) = self else { return String(describing: self) }
        return "scale(levels: \(scale.levels), values: \(scale.values), missing: \(scale.missing))"
    }
}

extension Mockup.Scale: Equatable {
    public static func == (lhs: Mockup.Scale, rhs: Mockup.Scale) -> Bool {
        lhs.levels == rhs.levels && lhs.values == rhs.values && lhs.missing == rhs.missing
    }
}

/// The evaluation plan of a mockup, ready to code answers.
public struct SurveyPlan: Sendable {
    public struct Question: Sendable {
        public let id: String
        public let text: String
        public let column: String?
        public let kind: AnswerKind
        public let scaleName: String?
        public let isSegment: Bool
        public let pre: String?
        public let post: String?
        /// The plausible range of a number's answers; outside it an answer is refused.
        public let range: ClosedRange<Double>?
    }

    public let questions: [Question]
    public let indicators: [Mockup.Indicator]
    public let objectives: [Mockup.Objective]
    /// `evaluation.respondents-expected`, or the sum of the audiences' `expected`.
    public let respondentsExpected: Int?
    public let title: String

    /// The plan of `mockup`, its scales taken from the mockup's own or the built-in ones.
    public init(mockup: Mockup, builtinScales: [String: Mockup.Scale]) {
        let evaluation = mockup.evaluation
        let declared = Dictionary(evaluation?.scales.map { ($0.name, $0.scale) } ?? [], uniquingKeysWith: { first, _ in first })
        questions = (evaluation?.questions ?? []).map { question in
            let scale = question.scale.flatMap { declared[$0] ?? builtinScales[$0] }
            let kind: AnswerKind = switch question.type ?? (scale != nil ? .scale : .text) {
            case .scale: scale.map(AnswerKind.scale) ?? .number
            case .number: .number
            case .choice: .choice(question.choices)
            case .multiChoice: .multiChoice(question.choices, separator: question.record.text("separator"))
            case .yesNo: .yesNo(missing: (scale ?? builtinScales["yes-no"])?.missing ?? [])
            case .text: .text
            }
            let range: ClosedRange<Double>? = if question.minimum != nil || question.maximum != nil {
                (question.minimum ?? -Double.greatestFiniteMagnitude)...max(question.minimum ?? -Double.greatestFiniteMagnitude, question.maximum ?? Double.greatestFiniteMagnitude)
            } else {
                nil
            }
            return Question(id: question.id, text: question.text, column: question.column, kind: kind,
                            scaleName: question.scale, isSegment: question.isSegment, pre: question.pre, post: question.post, range: range)
        }
        indicators = evaluation?.indicators ?? []
        objectives = mockup.objectives
        let audienceTotal = mockup.audiences.compactMap(\.expected).reduce(0, +)
        respondentsExpected = evaluation?.respondentsExpected ?? (audienceTotal > 0 ? audienceTotal : nil)
        title = mockup.title
    }

    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// A fingerprint of what the aggregates depend on (questions, their coding, indicators),
    /// so that aggregates of different plans are never merged.
    public var fingerprint: String {
        var text = ""
        for question in questions {
            text += "q:\(question.id)|\(question.scaleName ?? "")|\(question.kind.meaning)"
            if let range = question.range { text += "|\(range.lowerBound)…\(range.upperBound)" }
            text += "\n"
        }
        for indicator in indicators {
            text += "i:\(indicator.id)|\(indicator.measure.rawValue)|\(indicator.questions.joined(separator: ","))|\(indicator.by.joined(separator: ","))\n"
        }
        var hash = StableHash()
        hash.add(text.utf8)
        return String(hash.value, radix: 16)
    }
}

extension SurveyPlan.Question {
    /// The header a data-entry sheet gives this question so that `impact` finds it: its
    /// `column:` when that is a header (not a letter), else its text.
    public var header: String {
        if let column, ColumnLetters.index(column) == nil { return column }
        return text
    }

    /// The answers offered, in order: a scale's levels then its « no answer » labels, the
    /// choices, or yes / no; none for numbers and free text.
    public var options: [Localized] {
        switch kind {
        case .scale(let scale): scale.levels + scale.missing
        case .choice(let choices), .multiChoice(let choices, _): choices
        case .yesNo(let missing): [Localized(fr: "Oui", en: "Yes"), Localized(fr: "Non", en: "No")] + missing
        case .number, .text: []
        }
    }

    public var allowsSeveral: Bool {
        if case .multiChoice = kind { return true }
        return false
    }
}

import AtelierCore
import AtelierMockup

/// One coded answer.
public enum Answer: Sendable, Equatable {
    case value(Double)
    case choices([Int])
    case text
    case missing
    /// Not an accepted answer; `reason` says why, in both languages.
    case invalid(Localized)
}

/// Codes the answers to one question. Labels are looked up after normalisation (case,
/// accents, spaces, typographic quotes) in a table built once per question.
public struct AnswerCoder: Sendable {
    public let question: SurveyPlan.Question
    private let labels: [String: Int]
    private let values: [Double]
    private let missing: Set<String>

    public init(_ question: SurveyPlan.Question) {
        self.question = question
        var labels: [String: Int] = [:]
        var values: [Double] = []
        var missing: Set<String> = []
        switch question.kind {
        case .scale(let scale):
            values = scale.values
            for (index, level) in scale.levels.enumerated() {
                labels[TextMatching.normalized(level.fr)] = index
                labels[TextMatching.normalized(level.en)] = index
            }
            missing = Set(scale.missing.flatMap { [TextMatching.normalized($0.fr), TextMatching.normalized($0.en)] })
        case .choice(let choices), .multiChoice(let choices, _):
            for (index, choice) in choices.enumerated() {
                labels[TextMatching.normalized(choice.fr)] = index
                labels[TextMatching.normalized(choice.en)] = index
            }
        case .yesNo(let missingLabels):
            values = [0, 1]
            missing = Set(missingLabels.flatMap { [TextMatching.normalized($0.fr), TextMatching.normalized($0.en)] })
            for word in ["non", "no", "n", "0", "false", "faux"] { labels[word] = 0 }
            for word in ["oui", "yes", "y", "o", "1", "true", "vrai"] { labels[word] = 1 }
        case .number, .text:
            break
        }
        self.labels = labels
        self.values = values
        self.missing = missing
    }

    public func code(_ raw: String) -> Answer {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .missing }
        switch question.kind {
        case .text:
            return .text
        case .number:
            return ScalarParser.number(trimmed).map(Answer.value) ?? .invalid(Catalogue.text(.impactNotANumber))
        case .scale, .yesNo:
            let key = TextMatching.normalized(trimmed)
            if let index = labels[key] { return .value(values[index]) }
            if missing.contains(key) { return .missing }
            if let number = ScalarParser.number(trimmed), values.contains(number) { return .value(number) }
            return .invalid(Catalogue.text(.impactNotALevel, ["scale": question.scaleName ?? "oui/non"]))
        case .choice:
            return labels[TextMatching.normalized(trimmed)].map { .choices([$0]) } ?? .invalid(Catalogue.text(.impactNotAChoice))
        case .multiChoice(_, let separator):
            if let index = labels[TextMatching.normalized(trimmed)] { return .choices([index]) }
            let parts = split(trimmed, separator: separator)
            var indices: [Int] = []
            for part in parts {
                guard let index = labels[TextMatching.normalized(part)] else {
                    return .invalid(Catalogue.text(.impactUnknownChoice, ["choice": part]))
                }
                if !indices.contains(index) { indices.append(index) }
            }
            return indices.isEmpty ? .missing : .choices(indices)
        }
    }

    /// A multi-choice cell's parts: on the declared separator, or the first of `;`, `|`,
    /// `, ` found (Microsoft Forms ends with a `;`, Google Sheets joins with `, `).
    private func split(_ cell: String, separator: String?) -> [String] {
        let chosen = separator ?? [";", "|", ", "].first { cell.contains($0) } ?? ";"
        return cell.components(separatedBy: chosen).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

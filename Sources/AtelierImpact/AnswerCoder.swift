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
/// accents, spaces, typographic quotes) in a table built once per question, which also holds
/// the forms a French respondent or a tool writes for the same label: masculine, feminine and
/// inclusive forms (« Satisfait », « Satisfaite », « Satisfait(e) » for « Satisfait·e »), the
/// names Atelier's XLSForm gives the answers (`plutot_satisfait`, what a Kobo « XML values »
/// export holds) and the codes a scale declares for its levels.
public struct AnswerCoder: Sendable {
    public let question: SurveyPlan.Question
    /// Normalised label → option position (levels or choices first, then « no answer » labels).
    private let labels: [String: Int]
    /// Options below this position are answers; from it on, « no answer » labels.
    private let answers: Int
    private let values: [Double]
    /// The choices' labels and names, longest first, for cells that join several choices.
    private let choiceWords: [(word: String, index: Int)]

    public init(_ question: SurveyPlan.Question) {
        self.question = question
        var labels: [String: Int] = [:]
        func add(_ text: String, _ index: Int) {
            for form in Self.forms(of: text) where labels[form] == nil { labels[form] = index }
        }
        let options = question.options
        let names = XLSFormNames.choices(of: question)
        for (index, option) in options.enumerated() {
            add(option.fr, index)
            add(option.en, index)
        }
        for (index, name) in names.enumerated() { add(name, index) }
        switch question.kind {
        case .scale(let scale):
            values = scale.values
            answers = scale.levels.count
            for (index, code) in scale.codes.enumerated() where index < scale.levels.count { add(code, index) }
        case .choice(let choices), .multiChoice(let choices, _):
            values = []
            answers = choices.count
        case .yesNo:
            values = [1, 0]
            answers = 2
            // Options are Oui (1) then Non (0): positions 0 and 1 hold values 1 and 0.
            for word in ["oui", "yes", "y", "o", "1", "true", "vrai"] { labels[word] = 0 }
            for word in ["non", "no", "n", "0", "false", "faux"] { labels[word] = 1 }
        case .number, .text:
            values = []
            answers = 0
        }
        self.labels = labels
        let answerCount = answers
        choiceWords = labels.filter { $0.value < answerCount }.map { (word: $0.key, index: $0.value) }
            .sorted { ($0.word.count, $0.word) > ($1.word.count, $1.word) }
    }

    /// The forms under which `label` is recognised: normalised, and for each inclusive form
    /// (`·e`, `.e`, `(e)`, `/e`, `-e`) its masculine and feminine forms too.
    static func forms(of label: String) -> Set<String> {
        let normal = TextMatching.normalized(label)
        var forms: Set<String> = [normal, inclusive(normal)]
        let canonical = inclusive(normal)
        if canonical.contains("·e") {
            forms.insert(canonical.replacingOccurrences(of: "·e", with: ""))
            forms.insert(canonical.replacingOccurrences(of: "·e", with: "e"))
        }
        return forms
    }

    /// `normal` with its inclusive endings written one way (`·e`): « satisfait(e) »,
    /// « satisfait/e », « satisfait.e », « satisfait-e » all read « satisfait·e ».
    static func inclusive(_ normal: String) -> String {
        var text = normal
        for marker in ["(e)", "/e", ".e", "-e"] {
            var searchFrom = text.startIndex
            while let range = text.range(of: marker, range: searchFrom..<text.endIndex) {
                let followedByLetter = range.upperBound < text.endIndex && text[range.upperBound].isLetter && text[range.upperBound] != "s"
                let precededByLetter = range.lowerBound > text.startIndex && text[text.index(before: range.lowerBound)].isLetter
                if precededByLetter && !followedByLetter {
                    text.replaceSubrange(range, with: "·e")
                    searchFrom = text.index(range.lowerBound, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                } else {
                    searchFrom = range.upperBound
                }
            }
        }
        return text
    }

    /// The option `text` names, or nil.
    private func option(_ text: String) -> Int? {
        let normal = TextMatching.normalized(text)
        return labels[normal] ?? labels[Self.inclusive(normal)]
    }

    /// The answer `raw` holds. `toolCodes` reads LimeSurvey's default answer codes (`A1`,
    /// `AO01`…) as the scale's levels in order, for an export recognised as LimeSurvey's.
    public func code(_ raw: String, toolCodes: Bool = false) -> Answer {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .missing }
        switch question.kind {
        case .text:
            return .text
        case .number:
            guard let number = ScalarParser.number(trimmed) else { return .invalid(ImpactMessage.text(.impactNotANumber)) }
            if let range = question.range, !range.contains(number) {
                return .invalid(ImpactMessage.text(.impactOutOfRange, ["low": JSONValue.format(range.lowerBound), "high": JSONValue.format(range.upperBound)]))
            }
            return .value(number)
        case .scale, .yesNo:
            if let index = option(trimmed) ?? (toolCodes ? Self.limeSurveyCode(trimmed, levels: answers) : nil) {
                return index < answers ? .value(values[index]) : .missing
            }
            if let number = ScalarParser.number(trimmed), values.contains(number) { return .value(number) }
            return .invalid(ImpactMessage.text(.impactNotALevel, ["scale": question.scaleName ?? "oui/non"]))
        case .choice:
            guard let index = option(trimmed) ?? (toolCodes ? Self.limeSurveyCode(trimmed, levels: answers) : nil), index < answers else {
                return .invalid(ImpactMessage.text(.impactNotAChoice))
            }
            return .choices([index])
        case .multiChoice(_, let separator):
            if let index = option(trimmed), index < answers { return .choices([index]) }
            return joined(trimmed, separator: separator) ?? unknownChoice(in: trimmed, separator: separator)
        }
    }

    /// The refusal of a cell that is not made of known choices, naming the first part (as
    /// written) that is none: parts run between separators other than spaces, when there are some.
    private func unknownChoice(in cell: String, separator: String?) -> Answer {
        let delimiters = separator.map { [$0] } ?? [";", "|", ","].filter { cell.contains($0) }
        var parts = [cell]
        for delimiter in delimiters { parts = parts.flatMap { $0.components(separatedBy: delimiter) } }
        let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = trimmed.first { option($0).map { $0 >= answers } ?? true } ?? cell
        return .invalid(ImpactMessage.text(.impactUnknownChoice, ["choice": unknown]))
    }

    /// Whether `cell` names the choice at `index` (its label, inclusive form or XLSForm name), or
    /// is any text in the column of an « Autre » / « Other » choice, which holds what was typed.
    public func isChoice(_ cell: String, at index: Int) -> Bool {
        if option(cell) == index { return true }
        guard case .multiChoice(let choices, _) = question.kind, index < choices.count else { return false }
        return ["autre", "other", "autres"].contains { TextMatching.normalized(choices[index].fr).hasPrefix($0) || TextMatching.normalized(choices[index].en).hasPrefix($0) }
    }

    /// `A3` or `AO03`: the third level.
    static func limeSurveyCode(_ text: String, levels: Int) -> Int? {
        let upper = text.uppercased()
        let digits = upper.hasPrefix("AO") ? upper.dropFirst(2) : upper.hasPrefix("A") ? upper.dropFirst() : ""
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), (1...levels).contains(number) else { return nil }
        return number - 1
    }

    /// A cell joining several choices: read from its start, each time the longest known choice
    /// (label, inclusive form or XLSForm name) followed by a separator or the end, so a choice
    /// that itself holds « , » or a space (« Du plaisir, de l'inspiration ») is never cut. The
    /// separator is the declared one, else any of `;`, `|`, `,`, a space (Google Sheets joins
    /// with « , », Microsoft Forms with « ; » and a last « ; », Kobo with spaces).
    private func joined(_ cell: String, separator: String?) -> Answer? {
        let normal = TextMatching.normalized(cell)
        let separators = separator.map { [TextMatching.normalized($0)] } ?? [";", "|", ",", " "]
        var rest = Substring(normal)
        var indices: [Int] = []
        func skipSeparators() {
            while let first = rest.first, separators.contains(where: { $0.first == first }) || first == " " {
                rest = rest.dropFirst()
            }
        }
        skipSeparators()
        while !rest.isEmpty {
            let found = choiceWords.first { entry in
                guard rest.hasPrefix(entry.word) else { return false }
                let after = rest.dropFirst(entry.word.count)
                return after.isEmpty || separators.contains { after.hasPrefix($0) } || after.first == " "
            }
            guard let found else { return nil }
            if !indices.contains(found.index) { indices.append(found.index) }
            rest = rest.dropFirst(found.word.count)
            skipSeparators()
        }
        return indices.isEmpty ? .missing : .choices(indices)
    }
}

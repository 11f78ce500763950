import AtelierCore
import AtelierMockup

/// A survey indicator measures questions that exist and whose type fits its measure
/// (a mean needs numbers or a scale, a share needs choices, a gain a pre and a post…).
struct IndicatorSource: BuiltinFunction {
    static let name = "indicator-source"
    static let summary = Localized(fr: "Chaque indicateur d'enquête mesure une question d'un type adapté à sa mesure.",
                                   en: "Every survey indicator measures a question of a type that fits its measure.")

    /// The question types each measure can be computed from.
    static func acceptedTypes(_ measure: Measure) -> Set<QuestionType>? {
        switch measure {
        case .mean, .median, .gain, .change: [.scale, .number]
        case .distribution: [.scale, .yesNo, .choice]
        case .topBox, .bottomBox: [.scale, .yesNo]
        case .share: [.choice, .multiChoice, .yesNo, .scale]
        case .nps, .alpha: [.scale]
        case .outcomes: [.multiChoice]
        case .count, .responseRate: nil
        }
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let evaluation = context.mockup.evaluation else { return .notApplicable }
        let survey = evaluation.indicators.filter { $0.source == .survey && $0.measure != .responseRate }
        guard !survey.isEmpty else { return .notApplicable }
        let questions = Dictionary(evaluation.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var violations: [Outcome.Violation] = []
        for indicator in survey {
            let arguments = ["id": indicator.id, "label": indicator.label, "measure": indicator.measure.rawValue]
            guard !indicator.questions.isEmpty else {
                violations.append(Outcome.Violation(path: indicator.record.path.appending("question"), arguments: arguments.merging(["question": "", "type": ""]) { $1 }))
                continue
            }
            let measured = indicator.questions.compactMap { questions[$0] }
            if let accepted = acceptedTypes(indicator.measure) {
                for question in measured where !accepted.contains(type(of: question)) {
                    violations.append(Outcome.Violation(path: indicator.record.path.appending(indicator.record["question"] == nil ? "questions" : "question"),
                                                        arguments: arguments.merging(["question": question.id, "type": type(of: question).rawValue]) { $1 }))
                }
            }
            if needsPair(indicator.measure), measured.count < 2, !measured.contains(where: { $0.pre != nil || $0.post != nil }) {
                violations.append(Outcome.Violation(path: indicator.record.path.appending("questions"),
                                                    arguments: arguments.merging(["question": indicator.questions.joined(separator: ", "), "type": "pre/post"]) { $1 }))
            }
        }
        return Outcome(applicable: true, violations: violations)
    }

    private static func needsPair(_ measure: Measure) -> Bool {
        measure.isBeforeAfter || measure == .alpha
    }

    /// A question's type, read from its scale when it is not written.
    private static func type(of question: Mockup.Question) -> QuestionType {
        question.type ?? (question.scale != nil ? .scale : question.choices.isEmpty ? .text : .choice)
    }
}

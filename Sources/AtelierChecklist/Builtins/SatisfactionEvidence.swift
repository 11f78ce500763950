import AtelierCore
import AtelierMockup

/// Liking is not learning: an objective measured only by satisfaction, liking or recommendation
/// questions (a satisfaction, stars or 0–10 scale, or a question asking whether people were
/// satisfied, liked or would recommend), or by people saying, yes or no or on a scale, that they
/// learned (« Avez-vous appris des choses ? »), has no evidence that it was reached.
struct SatisfactionEvidence: BuiltinFunction {
    static let name = "satisfaction-evidence"
    static let summary = Localized(fr: "Un objectif d'apprentissage n'est pas mesuré seulement par de la satisfaction.",
                                   en: "A learning objective is not measured by satisfaction alone.")

    static let likingScales = ["satisfaction", "stars", "likelihood"]
    static let likingWords = ["satisfait", "satisfaite", "satisfaction", "content", "contente", "plu", "aime", "apprecie", "recommand",
                              "satisfied", "enjoy", "enjoyed", "like", "liked", "recommend", "happy", "pleased"]

    /// Words of a closed question asking people whether they learned.
    static let learnedWords = ["appris", "learned", "learnt", "learn"]

    /// Whether `question` asks how people liked it, or whether they think they learned, rather
    /// than what they can do.
    static func asksOpinion(_ question: Mockup.Question) -> Bool {
        if let scale = question.scale, likingScales.contains(where: scale.hasPrefix) { return true }
        let words = TextMatching.normalized(question.text).split { !$0.isLetter }.map(String.init)
        if words.contains(where: { word in likingWords.contains { word.hasPrefix($0) } }) { return true }
        let closed = question.type == .yesNo || question.type == .scale
        return closed && words.contains { learnedWords.contains($0) }
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let evaluation = context.mockup.evaluation else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        var applicable = false
        for objective in context.mockup.objectives {
            let measuring = evaluation.indicators.filter { $0.objectives.contains(objective.id) }
            guard !measuring.isEmpty else { continue }
            applicable = true
            let questions = measuring.map { indicator in indicator.questions.compactMap { id in evaluation.questions.first { $0.id == id } } }
            let onlyLiking = measuring.indices.allSatisfy { index in
                measuring[index].source != .observation && !questions[index].isEmpty && questions[index].allSatisfy(asksOpinion)
            }
            guard onlyLiking, let question = questions.first?.first else { continue }
            violations.append(Outcome.Violation(path: objective.record.path.appending("id"),
                                                arguments: ["id": objective.id, "label": objective.text, "question": question.text]))
        }
        return Outcome(applicable: applicable, violations: violations)
    }
}

import AtelierCore
import AtelierMockup
import Foundation

/// Sampling: with n respondents expected, the margin of error of a proportion at p = 0.5 is
/// 1.96·√(0.25/n); it should not exceed `margin` (default 0.10, ±10 points).
struct SampleSize: BuiltinFunction {
    static let name = "sample-size"
    static let summary = Localized(fr: "Le nombre de répondants attendus donne une marge d'erreur d'au plus ±10 points.",
                                   en: "The expected number of respondents gives a margin of error of at most ±10 points.")
    static let options: [String: OptionKind] = ["margin": .number]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        guard let evaluation = mockup.evaluation, !evaluation.questions.isEmpty else { return .notApplicable }
        let declared = evaluation.respondentsExpected
        let expected = declared ?? mockup.audiences.compactMap(\.expected).reduce(0, +)
        guard expected > 0 else { return .notApplicable }
        let margin = 1.959964 * (0.25 / Double(expected)).squareRoot()
        guard margin > (options.number("margin") ?? 0.10) else { return Outcome(applicable: true) }
        let path = declared == nil ? FieldPath([.key("evaluation")]) : FieldPath([.key("evaluation"), .key("respondents-expected")])
        return Outcome(applicable: true, violations: [Outcome.Violation(path: path, arguments: [
            "value": "\(expected)", "margin": String(format: "%.1f", margin * 100),
        ])])
    }
}

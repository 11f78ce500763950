import AtelierCore
import AtelierMockup
import Foundation

/// Sampling: with n respondents out of the N participants the audiences expect, the margin of
/// error of a proportion at p = 0.5 is 1.96·√(0.25/n)·√((N−n)/(N−1)) (the finite population
/// correction: asking all 12 seniors of a workshop leaves no sampling margin); it should not
/// exceed `margin` (default 0.10, ±10 points). The advice names the respondents needed, which
/// never exceeds the audience: n₀ / (1 + (n₀−1)/N) with n₀ = 1.96²·0.25/margin².
struct SampleSize: BuiltinFunction {
    static let name = "sample-size"
    static let summary = Localized(fr: "Le nombre de répondants attendus donne une marge d'erreur d'au plus ±10 points.",
                                   en: "The expected number of respondents gives a margin of error of at most ±10 points.")
    static let options: [String: OptionKind] = ["margin": .number]
    private static let z = 1.959964

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        guard let evaluation = mockup.evaluation, !evaluation.questions.isEmpty else { return .notApplicable }
        let audience = mockup.audiences.compactMap(\.expected).reduce(0, +)
        let population = audience > 1 ? Double(audience) : nil
        let declared = evaluation.respondentsExpected
        let expected = declared ?? audience
        guard expected > 0 else { return .notApplicable }
        let limit = options.number("margin") ?? 0.10
        let margin = margin(respondents: Double(expected), population: population)
        guard margin > limit else { return Outcome(applicable: true) }
        let path = declared == nil ? FieldPath([.key("evaluation")]) : FieldPath([.key("evaluation"), .key("respondents-expected")])
        return Outcome(applicable: true, violations: [Outcome.Violation(path: path, arguments: [
            "value": "\(expected)", "margin": String(format: "%.1f", margin * 100),
            "needed": "\(needed(limit: limit, population: population))",
        ])])
    }

    static func margin(respondents n: Double, population: Double?) -> Double {
        let simple = z * (0.25 / n).squareRoot()
        guard let population else { return simple }
        guard n < population else { return 0 }
        return simple * ((population - n) / (population - 1)).squareRoot()
    }

    static func needed(limit: Double, population: Double?) -> Int {
        let unbounded = z * z * 0.25 / (limit * limit)
        guard let population else { return Int(unbounded.rounded(.up)) }
        return Int((unbounded / (1 + (unbounded - 1) / population)).rounded(.up))
    }
}

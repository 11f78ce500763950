import AtelierCore
import AtelierMockup

/// A value still between ‹ › is a placeholder of the template, left where the trainee's own
/// words belong.
struct PlaceholderLeft: BuiltinFunction {
    static let name = "placeholder-left"
    static let summary = Localized(fr: "Aucun texte du modèle entre ‹ › n'est laissé tel quel.",
                                   en: "No template text between ‹ › is left as it is.")
    static let voidsSection = true

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let left = context.mockup.record.allTexts.filter { $0.text.contains("‹") && $0.text.contains("›") }
        return Outcome(applicable: true, violations: left.map { Outcome.Violation(path: $0.path, arguments: ["value": excerpt($0.text)]) })
    }
}

/// A sentence copied from one of Atelier's templates where the project describes itself (its
/// title, an objective, a purpose…) describes that template's project, not the trainee's.
struct TemplateExample: BuiltinFunction {
    static let name = "template-example"
    static let summary = Localized(fr: "Les phrases des modèles d'exemple sont remplacées par celles du projet.",
                                   en: "The example templates' sentences are replaced by the project's own.")
    static let voidsSection = true

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard !context.templates.sentences.isEmpty else { return .notApplicable }
        let copied = context.mockup.describingTexts.filter { context.templates.sentences.contains(TextMatching.normalized($0.text)) }
        return Outcome(applicable: true, violations: copied.map { Outcome.Violation(path: $0.path, arguments: ["value": excerpt($0.text)]) })
    }
}

/// A template's whole plan kept as it is — every activity with its title and date, or every
/// question of the questionnaire — plans the template's project, not the trainee's: the
/// schedule or the evaluation has no substance of its own yet.
struct TemplatePlan: BuiltinFunction {
    static let name = "template-plan"
    static let summary = Localized(fr: "Les activités et le questionnaire d'un modèle ne sont pas gardés tels quels.",
                                   en: "A template's activities and questionnaire are not kept as they are.")
    static let voidsSection = true

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard !context.templates.plans.isEmpty else { return .notApplicable }
        let kept = context.mockup.plans.filter { context.templates.plans.contains($0.text) }
        return Outcome(applicable: true, violations: kept.map { Outcome.Violation(path: $0.path, arguments: ["path": "\($0.path)", "count": "\($0.count)"]) })
    }
}

/// A value as a message quotes it: on one line, its first 80 characters.
private func excerpt(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return line.count > 80 ? line.prefix(79) + "…" : line
}

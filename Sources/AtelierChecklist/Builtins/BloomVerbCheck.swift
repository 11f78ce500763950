import AtelierCore
import AtelierMockup

/// Bloom's revised taxonomy (Anderson & Krathwohl 2001) applied to each objective's main verb:
/// `aspect: observable` flags verbs of state (comprendre, connaître, découvrir…), `intention`
/// verbs that state what the team intends (sensibiliser, faire découvrir, permettre…), `known`
/// a sentence that does not start with a verb of the lexicon, `level` a declared `level`
/// outside the levels of the verb.
struct BloomVerbCheck: BuiltinFunction {
    static let name = "bloom-verb"
    static let summary = Localized(fr: "Le verbe principal de chaque objectif est un verbe d'action de la taxonomie de Bloom, au niveau déclaré.",
                                   en: "Each objective's main verb is a Bloom action verb, at the declared level.")
    static let options: [String: OptionKind] = ["aspect": .text(["observable", "intention", "known", "level"])]

    /// The analysis in the mockup's declared language; when it declares none, in the
    /// language in force, or in the other one if only that one finds a verb.
    private static func analyze(_ text: String, context: CheckContext) -> (BloomAnalyzer.Analysis, Language) {
        if let declared = context.mockup.language { return (BloomAnalyzer.analyze(text, language: declared), declared) }
        let first = BloomAnalyzer.analyze(text, language: context.language)
        let other: Language = context.language == .fr ? .en : .fr
        let second = BloomAnalyzer.analyze(text, language: other)
        return first.verb == nil && second.verb != nil ? (second, other) : (first, context.language)
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let aspect = options.text("aspect") ?? "observable"
        let objectives = context.mockup.objectives
        guard !objectives.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for objective in objectives {
            let (analysis, language) = analyze(objective.text, context: context)
            var arguments = ["id": objective.id, "label": objective.text, "verb": analysis.verb == nil ? analysis.firstWord : analysis.written,
                             "suggestions": BloomVerbs.examples(language: language)]
            switch aspect {
            case "intention":
                guard analysis.isIntention else { continue }
                (arguments["rewrite"], arguments["alternative"]) = IntentionRewrite.examples(analysis, language: language)
                violations.append(Outcome.Violation(path: objective.record.path.appending("text"), arguments: arguments))
            case "known":
                if analysis.verb == nil {
                    violations.append(Outcome.Violation(path: objective.record.path.appending("text"), arguments: arguments))
                }
            case "level":
                guard let declared = objective.level.flatMap(BloomLevel.init(rawValue:)), analysis.verb != nil,
                      !analysis.levels.isEmpty, !analysis.levels.contains(declared) else { continue }
                arguments["level"] = declared.rawValue
                arguments["levels"] = BloomLevel.allCases.filter(analysis.levels.contains).map(\.rawValue).joined(separator: ", ")
                violations.append(Outcome.Violation(path: objective.record.path.appending("level"), arguments: arguments))
            default:
                if analysis.isState {
                    violations.append(Outcome.Violation(path: objective.record.path.appending("text"), arguments: arguments))
                }
            }
        }
        return Outcome(applicable: true, violations: violations)
    }
}

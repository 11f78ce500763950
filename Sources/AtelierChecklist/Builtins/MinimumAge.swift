import AtelierCore
import AtelierMockup

/// Headset makers (VR, 13+) and platform terms (social networks, 13+): no audience of the
/// activities that use a tool of `tool-type` is younger than the tool's `safety.min-age`,
/// or than `age` when the tool does not say.
struct MinimumAge: BuiltinFunction {
    static let name = "minimum-age"
    static let summary = Localized(fr: "Aucun public plus jeune que l'âge minimum de l'outil (13 ans par défaut) ne l'utilise.",
                                   en: "No audience younger than the tool's minimum age (13 by default) uses it.")
    static let options: [String: OptionKind] = ["tool-type": .text(ToolType.values), "age": .number]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let type = options.text("tool-type") ?? "vr"
        let defaultAge = Int(options.number("age") ?? 13)
        let tools = context.mockup.tools.filter { $0.type.rawValue == type }
        guard !tools.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for tool in tools {
            let minimum = tool.record.record("safety")?.integer("min-age") ?? defaultAge
            for audience in context.mockup.audiences(usingTool: tool.id) {
                guard let age = audience.minimumAge, age < minimum else { continue }
                violations.append(Outcome.Violation(path: audience.record.path.appending("age").appending("min"), arguments: [
                    "id": audience.id, "label": audience.label, "tool": tool.id, "age": "\(age)", "minimum": "\(minimum)",
                ]))
            }
        }
        return Outcome(applicable: true, violations: violations)
    }
}

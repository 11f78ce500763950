import AtelierChecklist
import AtelierCore

/// Writes a rubric in the YAML format `RubricLoader` reads (to turn an imported Canvas rubric
/// into a file trainers edit). Every text is double-quoted, so nothing is retyped by YAML.
public enum RubricYAML {
    public static func text(_ rubric: Rubric) -> String {
        var lines = ["id: \(quoted(rubric.id))", "title: \(localized(rubric.title))",
                     "out-of: \(JSONValue.format(rubric.outOf))", "rounding: \(JSONValue.format(rubric.rounding))", "criteria:"]
        for criterion in rubric.criteria {
            lines += ["  - id: \(quoted(criterion.id))", "    label: \(localized(criterion.label))", "    weight: \(JSONValue.format(criterion.weight))"]
            if case .readiness(let section, let thresholds) = criterion.source {
                let scope = section?.rawValue ?? "overall"
                lines.append("    auto: {readiness: \(scope), thresholds: [\(thresholds.map(JSONValue.format).joined(separator: ", "))]}")
            }
            if criterion.feedbackOnly { lines.append("    feedback-only: true") }
            lines.append("    levels:")
            for level in criterion.levels {
                let descriptor = level.descriptor.map { ", descriptor: \(localized($0))" } ?? ""
                lines.append("      - {label: \(localized(level.label)), points: \(JSONValue.format(level.points))\(descriptor)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func localized(_ text: Localized) -> String {
        "{fr: \(quoted(text.fr)), en: \(quoted(text.en))}"
    }

    private static func quoted(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }
}

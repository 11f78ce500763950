import AtelierCore
import AtelierMockup

/// RGAA and FALC: an audience with a `hearing` need is not served by an audio tool without
/// transcript or a video without captions; one with a `visual` need gets audio description
/// or an easy-read version from at least one of its tools.
struct NeedsAccommodated: BuiltinFunction {
    static let name = "needs-accommodated"
    static let summary = Localized(fr: "Les besoins auditifs et visuels déclarés sont couverts par les outils de ces publics.",
                                   en: "Declared hearing and visual needs are met by the tools of those audiences.")
    static let options: [String: OptionKind] = ["need": .text(["hearing", "visual"])]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let need = options.text("need") ?? "hearing"
        let mockup = context.mockup
        let concerned = mockup.audiences.filter { $0.needs.contains(need) }
        guard !concerned.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for audience in concerned {
            let toolIds = Set(mockup.activities(using: audience.id, in: \.audiences).flatMap(\.tools))
            let tools = mockup.tools.filter { toolIds.contains($0.id) }
            let needIndex = audience.needs.firstIndex(of: need) ?? 0
            let path = audience.record.path.appending("needs").appending(needIndex)
            switch need {
            case "visual":
                let served = tools.contains { has($0, "audio-description") || has($0, "easy-read") }
                    || mockup.record.record("accessibility")?.bool("easy-read") == true
                if !served && !tools.isEmpty {
                    violations.append(Outcome.Violation(path: path, arguments: ["id": audience.id, "label": audience.label, "tool": ""]))
                }
            default:
                for tool in tools where lacksHearingSupport(tool) {
                    violations.append(Outcome.Violation(path: path, arguments: ["id": audience.id, "label": audience.label, "tool": tool.id]))
                }
            }
        }
        return Outcome(applicable: true, violations: violations)
    }

    private static func has(_ tool: Mockup.Tool, _ feature: String) -> Bool {
        tool.record.record("accessibility")?.bool(feature) == true
    }

    private static func lacksHearingSupport(_ tool: Mockup.Tool) -> Bool {
        switch tool.type {
        case "podcast", "audio-guide": !has(tool, "transcript")
        case "video": !has(tool, "captions")
        default: false
        }
    }
}

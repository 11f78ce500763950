import AtelierCore
import AtelierMockup

/// Each declared need answered by the measures that serve it (RGAA, FALC): a `hearing` need is
/// not served by an audio tool without transcript or a video without captions; a `visual` need
/// gets audio description, large print or a screen-reader-ready tool, or large-print or tactile
/// media for the project (an easy-read version is not a low-vision measure); a `cognitive`
/// need gets an easy-read (FALC) version; a `mobility` need gets step-free places; people who
/// do not read the project's language (`non-native-speakers`) get translated contents or
/// pictograms. (Low digital literacy is answered by the non-digital path: `non-digital-path`.)
struct NeedsAccommodated: BuiltinFunction {
    static let name = "needs-accommodated"
    static let summary = Localized(fr: "Les besoins auditifs, visuels, cognitifs et moteurs déclarés sont couverts par des mesures qui y répondent.",
                                   en: "Declared hearing, visual, cognitive and mobility needs are met by measures that answer them.")
    static let options: [String: OptionKind] = ["need": .text(["hearing", "visual", "cognitive", "mobility", "non-native-speakers"])]

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
            let project = mockup.record.record("accessibility")
            func projectHas(_ measure: String) -> Bool { project?.bool(measure) == true }
            let served: Bool? = switch need {
            case "visual": tools.isEmpty ? nil
                : tools.contains { has($0, "audio-description") || has($0, "large-print") || has($0, "screen-reader") }
                    || projectHas("large-print") || projectHas("tactile")
            case "cognitive": tools.contains { has($0, "easy-read") } || projectHas("easy-read")
            case "mobility": projectHas("step-free")
            case "non-native-speakers": tools.contains { has($0, "translations") } || projectHas("translations") || projectHas("pictograms")
            default: nil
            }
            switch need {
            case "visual", "cognitive", "mobility", "non-native-speakers":
                if served == false {
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
        case .podcast, .audioGuide: !has(tool, "transcript")
        case .video: !has(tool, "captions")
        default: false
        }
    }
}

import AtelierCore
import AtelierMockup

/// Third-party platforms named by a tool (its `social.platform`, name or purpose): each has
/// the minimum age of its terms of service and processes the participants' data.
/// `aspect: age` flags a younger audience using it through a tool whose type does not already
/// say so (a `social-network` tool has `social-network-age`); `aspect: processor` flags a
/// platform missing from `data.processors` when personal data is collected.
struct Platforms: BuiltinFunction {
    static let name = "platforms"
    static let summary = Localized(fr: "Les plateformes utilisées (réseaux sociaux, diffusion) respectent leur âge minimum et sont déclarées comme sous-traitants.",
                                   en: "The platforms used (social networks, publishing) respect their minimum age and are declared as processors.")
    static let options: [String: OptionKind] = ["aspect": .text(["age", "processor"])]

    /// A platform, the names it goes by (normalised; its company's name counts as a
    /// declaration in `data.processors`) and the minimum age of its terms.
    struct Platform: Sendable {
        let name: String
        let aliases: [String]
        let minimumAge: Int
    }

    /// Minimum ages from each service's terms of use (2025): 13 for most; 16 for SoundCloud.
    static let known: [Platform] = [
        Platform(name: "Instagram", aliases: ["instagram", "insta", "meta platforms"], minimumAge: 13),
        Platform(name: "Facebook", aliases: ["facebook", "meta platforms"], minimumAge: 13),
        Platform(name: "TikTok", aliases: ["tiktok", "tik tok"], minimumAge: 13),
        Platform(name: "Snapchat", aliases: ["snapchat"], minimumAge: 13),
        Platform(name: "YouTube", aliases: ["youtube", "google ireland", "google llc"], minimumAge: 13),
        Platform(name: "Spotify", aliases: ["spotify"], minimumAge: 13),
        Platform(name: "Discord", aliases: ["discord"], minimumAge: 13),
        Platform(name: "Twitch", aliases: ["twitch"], minimumAge: 13),
        Platform(name: "Pinterest", aliases: ["pinterest"], minimumAge: 13),
        Platform(name: "WhatsApp", aliases: ["whatsapp", "meta platforms"], minimumAge: 13),
        Platform(name: "X (Twitter)", aliases: ["twitter"], minimumAge: 13),
        Platform(name: "SoundCloud", aliases: ["soundcloud"], minimumAge: 16),
    ]

    /// The platforms a text names, word by word.
    static func named(in texts: [String]) -> [Platform] {
        let padded = texts.map { TextMatching.spacedWords($0) }
        return known.filter { platform in platform.aliases.contains { alias in padded.contains { TextMatching.holds(" \(alias) ", in: $0) } } }
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        let uses = mockup.tools.flatMap { tool in
            named(in: [tool.record.record("social")?.text("platform"), tool.name, tool.record.text("purpose")].compactMap { $0 })
                .map { (tool: tool, platform: $0) }
        }
        guard !uses.isEmpty else { return .notApplicable }
        switch options.text("aspect") ?? "age" {
        case "processor":
            let data = mockup.record.record("data")
            guard data?.bool("personal") == true else { return .notApplicable }
            let declared = named(in: (data?.records("processors") ?? []).compactMap { $0.text("name") }).map(\.name)
            var seen: Set<String> = []
            let missing = uses.filter { !declared.contains($0.platform.name) && seen.insert($0.platform.name).inserted }
            return Outcome(applicable: true, violations: missing.map { use in
                Outcome.Violation(path: use.tool.record.path, arguments: ["id": use.tool.id, "platform": use.platform.name])
            })
        default:
            var violations: [Outcome.Violation] = []
            for use in uses where use.tool.type != .socialNetwork {
                for audience in mockup.audiences(usingTool: use.tool.id) {
                    guard let age = audience.minimumAge, age < use.platform.minimumAge else { continue }
                    violations.append(Outcome.Violation(path: audience.record.path.appending("age").appending("min"), arguments: [
                        "id": audience.id, "tool": use.tool.id, "platform": use.platform.name, "age": "\(age)", "minimum": "\(use.platform.minimumAge)",
                    ]))
                }
            }
            return Outcome(applicable: true, violations: violations)
        }
    }
}

/// Minors' data: an audience under 18 while personal data is collected must be declared with
/// `data.minors: true` (`aspect: declared`); minors' data — declared, or known from an
/// audience's age even when the declaration is missing — is kept no longer than `max-months`
/// (default 36) (`aspect: retention`).
struct MinorsData: BuiltinFunction {
    static let name = "minors-data"
    static let summary = Localized(fr: "Les données de mineurs sont déclarées comme telles et conservées pour une durée bornée.",
                                   en: "Minors' data is declared as such and kept for a bounded time.")
    static let options: [String: OptionKind] = ["aspect": .text(["declared", "retention"]), "max-months": .number]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        guard let data = context.mockup.record.record("data"), data.bool("personal") == true else { return .notApplicable }
        switch options.text("aspect") ?? "declared" {
        case "retention":
            let limit = Int(options.number("max-months") ?? 36)
            let minors = data.bool("minors") == true || context.mockup.audiences.contains { ($0.minimumAge ?? 18) < 18 }
            guard minors, let months = data.integer("retention-months") else { return .notApplicable }
            guard months > limit else { return Outcome(applicable: true) }
            return Outcome(applicable: true, violations: [Outcome.Violation(path: data.path.appending("retention-months"),
                                                                             arguments: ["value": "\(months)", "max": "\(limit)"])])
        default:
            guard data.bool("minors") != true else { return Outcome(applicable: true) }
            let young = context.mockup.audiences.filter { ($0.minimumAge ?? 18) < 18 }
            return Outcome(applicable: true, violations: young.map { audience in
                Outcome.Violation(path: audience.record.path.appending("age").appending("min"),
                                  arguments: ["id": audience.id, "age": "\(audience.minimumAge ?? 0)"])
            })
        }
    }
}

import AtelierCore
import AtelierMockup

/// Code civil art. 9: when the public contributes (or more) to media that are published
/// (podcast, video, social network), written image and voice releases are needed.
struct ImageRelease: BuiltinFunction {
    static let name = "image-release"
    static let summary = Localized(fr: "Le public qui contribue à des médias publiés a signé une autorisation de droit à l'image.",
                                   en: "A public that contributes to published media has signed image releases.")
    static let options: [String: OptionKind] = ["media": .list]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let media = Set(options.list("media") ?? ["podcast", "video", "social-network"])
        let mockup = context.mockup
        let mediaTools = Set(mockup.tools.filter { media.contains($0.type.rawValue) }.map(\.id))
        let contribute = Participation.rank("contribute") ?? 2
        let producing = mockup.activities.first { activity in
            (Participation.rank(activity.participation) ?? -1) >= contribute && activity.tools.contains(where: mediaTools.contains)
        }
        guard let producing else { return .notApplicable }
        guard mockup.record.record("rights")?.bool("image-release") != true else { return Outcome(applicable: true) }
        return Outcome(applicable: true, violations: [Outcome.Violation(
            path: FieldPath([.key("rights"), .key("image-release")]), arguments: ["id": producing.id, "label": producing.title])])
    }
}

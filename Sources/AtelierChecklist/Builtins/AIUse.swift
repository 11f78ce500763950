import AtelierCore
import AtelierMockup
import Foundation

/// AI use wherever it shows, not only in chatbots: a tool whose type, name or purpose names an
/// AI (ChatGPT, Midjourney, « IA générative »…) must declare it in an `ai:` block
/// (`aspect: declared`); an asset produced by an AI is not the team's own work
/// (`aspect: licence`); a tool that feeds an AI with people's photos, voices or names says so
/// in `ai.personal-data-in-prompts` (`aspect: personal-data`).
struct AIUse: BuiltinFunction {
    static let name = "ai-use"
    static let summary = Localized(fr: "Tout outil qui utilise une IA la déclare, et ses productions ne sont pas des œuvres de l'équipe.",
                                   en: "Every tool that uses an AI declares it, and its outputs are not the team's own work.")
    static let options: [String: OptionKind] = ["aspect": .text(["declared", "licence", "personal-data"])]

    /// Words that name an AI service or AI generation, normalised (no accents, lower case).
    /// Names that are also ordinary words (Claude, le mistral, Le Chat) are left out: a clue
    /// must not turn Claude Monet into an AI.
    static let clues = [
        "chatgpt", "chat gpt", "chat-gpt", "gpt-4", "gpt-5", "openai", "mistral ai", "gemini", "copilot", "midjourney", "dall-e", "dall·e",
        "stable diffusion", "adobe firefly", "elevenlabs", "intelligence artificielle", "ia generative", "par ia",
        "par l ia", "artificial intelligence", "generative ai", "ai-generated", "ai generated", "llm",
    ]

    /// Words that show people's own data going into the AI: photos or voices of identifiable
    /// people, their names, their testimonies (normalised, whole words).
    static let personalClues = [
        "photo de groupe", "photos de groupe", "photos de famille", "photos des familles", "photos des participants",
        "photos des eleves", "photos des visiteurs", "photos des habitants", "selfie", "selfies", "visage", "visages",
        "voix des", "enregistrements des", "temoignages", "prenoms", "noms des participants", "noms des eleves",
        "donnees personnelles", "group photos", "family photos", "photos of participants", "photos of visitors", "faces",
        "voices of", "testimonies", "first names", "personal data",
    ]

    /// The first clue of AI use in `texts`, quoted as the text writes it (« Midjourney »), or as
    /// the list does when the text spells it apart (« par l'IA »).
    static func clue(in texts: [String]) -> String? {
        // Words apart: « l'IA », « (IA) », « IA. » all count.
        let padded = texts.map { TextMatching.spacedWords($0, keeping: "-·").replacingOccurrences(of: " j ai ", with: " ") }
        if padded.contains(where: { TextMatching.holds(" ia ", in: $0) || TextMatching.holds(" ai ", in: $0) }) { return "IA" }
        return TextMatching.quote(firstOf: clues, in: texts, padded: padded)
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        switch options.text("aspect") ?? "declared" {
        case "licence":
            let assets = mockup.record.record("rights")?.records("assets") ?? []
            func origin(_ asset: Record) -> String? { clue(in: ["author", "title", "source"].compactMap(asset.text)) }
            return Outcome.each(of: assets, failing: { asset in
                asset.text("license") == "own-work" && origin(asset) != nil
            }, violation: { asset in
                Outcome.Violation(path: asset.path, arguments: ["title": asset.text("title") ?? "", "clue": origin(asset) ?? ""])
            })
        case "personal-data":
            // Each tool that uses an AI, with the people's data its texts say it is fed.
            let feeding = mockup.tools.compactMap { tool -> (tool: Mockup.Tool, clue: String, data: String)? in
                let ai = tool.record.record("ai")
                guard let clue = evidence(tool) ?? ai.map({ $0.text("provider") ?? "IA" }) else { return nil }
                let texts = [tool.name, tool.record.text("purpose"), ai?.text("purpose")].compactMap { $0 }
                return TextMatching.quote(firstOf: personalClues, wholeWordsIn: texts).map { (tool, clue, $0) }
            }
            return Outcome.each(of: feeding, failing: { use in
                use.tool.record.record("ai")?.bool("personal-data-in-prompts") != true
            }, violation: { use in
                Outcome.Violation(path: use.tool.record.path, arguments: ["id": use.tool.id, "clue": use.clue, "data": use.data])
            })
        default:
            return Outcome.each(of: mockup.tools, failing: { tool in
                tool.record["ai"] == nil && evidence(tool) != nil
            }, violation: { tool in
                Outcome.Violation(path: tool.record.path, arguments: ["id": tool.id, "clue": evidence(tool) ?? ""])
            })
        }
    }

    private static func evidence(_ tool: Mockup.Tool) -> String? {
        tool.type == .chatbot ? "chatbot" : clue(in: ["name", "purpose"].compactMap(tool.record.text))
    }
}

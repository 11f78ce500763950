import AtelierCore
import AtelierMockup

/// Minors publishing from their own accounts: a social-network tool, or one that names a
/// platform, whose account belongs to the participants (`social.account-owner`: « les
/// élèves », « chacun »…, or a purpose « depuis son propre compte ») while an audience under 18
/// uses it. The institution's account is the one it can moderate and clear.
struct MinorsAccounts: BuiltinFunction {
    static let name = "minors-accounts"
    static let summary = Localized(fr: "Des mineurs ne publient pas depuis leurs propres comptes sur une plateforme.",
                                   en: "Minors do not publish from their own accounts on a platform.")

    /// Words before the owner's first word (« les élèves », « chaque jeune »).
    static let determiners: Set<String> = ["le", "la", "les", "l", "des", "chaque", "tous", "toutes", "the", "each", "all"]

    /// First words of an account owner that name the participants themselves (normalised):
    /// « les élèves », not « la maison des jeunes ».
    static let participantOwners: Set<String> = [
        "eleve", "eleves", "participant", "participants", "jeune", "jeunes", "enfant", "enfants", "ado", "ados",
        "adolescents", "collegiens", "lyceens", "chacun", "chacune", "leur", "leurs", "pupils", "students", "children",
        "teenagers", "their",
    ]

    /// Phrases of a purpose that say each participant publishes from an account of their own.
    static let ownAccountPhrases = [
        "propre compte", "propres comptes", "leurs comptes", "leur compte", "son compte", "comptes des", "compte personnel",
        "comptes personnels", "own account", "own accounts", "their accounts", "personal accounts",
    ]

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let mockup = context.mockup
        let platformTools = mockup.tools.filter { tool in
            tool.type == .socialNetwork || !Platforms.named(in: [tool.name, tool.record.text("purpose")].compactMap { $0 }).isEmpty
        }
        guard !platformTools.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for tool in platformTools {
            guard let (path, owner) = ownAccount(tool),
                  let minor = mockup.audiences(usingTool: tool.id).first(where: { ($0.minimumAge ?? 18) < 18 }) else { continue }
            violations.append(Outcome.Violation(path: path, arguments: [
                "tool": tool.id, "audience": minor.id, "age": "\(minor.minimumAge ?? 0)", "owner": owner,
            ]))
        }
        return Outcome(applicable: true, violations: violations)
    }

    /// Where the tool says its account is the participants', and the words that say it.
    private static func ownAccount(_ tool: Mockup.Tool) -> (FieldPath, String)? {
        let social = tool.record.record("social")
        if let owner = social?.text("account-owner") {
            let first = TextMatching.spacedWords(owner).split(separator: " ").first { !determiners.contains(String($0)) }
            if first.map({ participantOwners.contains(String($0)) }) == true || TextMatching.quote(firstOf: ownAccountPhrases, wholeWordsIn: [owner]) != nil {
                return (social!.path.appending("account-owner"), owner)
            }
        }
        guard let purpose = tool.record.text("purpose"), let phrase = TextMatching.quote(firstOf: ownAccountPhrases, wholeWordsIn: [purpose]) else { return nil }
        return (tool.record.path.appending("purpose"), phrase)
    }
}

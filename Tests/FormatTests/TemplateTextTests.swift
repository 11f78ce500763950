import AtelierChecklist
import AtelierCore
import AtelierMockup
import TestSupport
import XCTest

/// A section counts as ready only with substance: a placeholder between ‹ › or a template's
/// sentence left where the project describes itself gives one finding, silences what other
/// rules would say about the same place, and sets its sections at 0 %.
final class TemplateTextTests: XCTestCase {
    private func score(_ result: CheckResult, _ section: Section) -> Double? {
        result.readiness.sections.first { $0.section == section }?.score
    }

    func testAPlaceholderObjectiveIsOneFindingAndVoidsObjectivesAndAlignment() {
        let written = Fixtures.check(Fixtures.minimal)
        let placeholder = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "text: Nommer trois œuvres", with: "text: ‹ Votre objectif ›"))
        let atTheObjective = placeholder.findings.filter { $0.path.description.hasPrefix("objectives[0].text") }
        XCTAssertEqual(atTheObjective.map(\.rule), ["placeholder-left"], "the verb rules say nothing of a placeholder")
        XCTAssertEqual(atTheObjective.first?.message.fr, "Le texte du modèle « ‹ Votre objectif › » est resté tel quel.")
        XCTAssertEqual(score(placeholder, .objectives), 0)
        XCTAssertEqual(score(placeholder, .alignment), 0)
        XCTAssertEqual(score(placeholder, .audiences), score(written, .audiences), "other sections keep their score")
        XCTAssertLessThan(placeholder.readiness.score, written.readiness.score)
    }

    func testATemplateTitleIsReportedOnlyWhereTheProjectDescribesItself() throws {
        let podcast = try Fixtures.library.mockupTemplate(named: "podcast")
        let title = try XCTUnwrap(podcast.split(separator: "\n").first { $0.hasPrefix("title: ") }).dropFirst("title: ".count)
        let copied = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "title: Essai", with: "title: \(title)"))
        XCTAssertEqual(copied.findings.filter { $0.rule == "template-example" }.map(\.path.description), ["title"])
        XCTAssertEqual(score(copied, .objectives), 0)
        // The same words as an activity's title describe nothing of the project: no finding.
        let activity = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "title: Visite", with: "title: \(title)"))
        XCTAssertFalse(activity.findings.contains { $0.rule == "template-example" })
        // Spaces and accents aside, a copy is a copy.
        let respaced = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "title: Essai", with: "title: \"  \(title.replacingOccurrences(of: " ", with: "   "))\""))
        XCTAssertEqual(respaced.findings.filter { $0.rule == "template-example" }.count, 1)
    }

    func testATemplatesWholePlanKeptVoidsScheduleOrEvaluationButOneSharedActivityDoesNot() throws {
        let blank = try Fixtures.library.mockupTemplate(named: "blank")
        let activities = try XCTUnwrap(blank.firstMatch(of: /\nactivities:\n(?:  [ -].*\n)+/)).0
        let questions = try XCTUnwrap(blank.firstMatch(of: /\n  questions:\n(?:    - .*\n)+/)).0
        let written = Fixtures.check(Fixtures.minimal)
        let kept = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "\nactivities:", with: "\nplanned:") + activities)
        let plan = kept.findings.filter { $0.rule == "template-plan" }
        XCTAssertEqual(plan.map(\.path.description), ["activities"])
        XCTAssertEqual(plan.first?.message.fr, "Les 4 éléments de « activities » sont ceux d'un modèle d'Atelier, tels quels.")
        XCTAssertEqual(score(kept, .schedule), 0)
        XCTAssertGreaterThan(score(written, .schedule) ?? 0, 0)
        // One date changed: the plan is the project's own.
        let dated = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "\nactivities:", with: "\nplanned:")
            + activities.replacingOccurrences(of: "2026-03-02", with: "2026-03-09"))
        XCTAssertFalse(dated.findings.contains { $0.rule == "template-plan" })
        let asked = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "  questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}]\n", with: String(questions.dropFirst())))
        XCTAssertEqual(asked.findings.filter { $0.rule == "template-plan" }.map(\.path.description), ["evaluation.questions"])
        XCTAssertEqual(score(asked, .evaluation), 0)
    }

    func testATeamPlaceholderIsReportedButLeavesTheAudiencesTheirScore() {
        let written = Fixtures.check(Fixtures.minimal + "team: [{name: Sandrine Lefebvre, role: cheffe de projet}]\n")
        let placeholder = Fixtures.check(Fixtures.minimal + "team: [{name: ‹ Prénom Nom ›, role: animateur}]\n")
        XCTAssertEqual(placeholder.findings.filter { $0.rule == "placeholder-left" }.map(\.path.description), ["team[0].name"])
        XCTAssertEqual(score(placeholder, .audiences), score(written, .audiences))
        XCTAssertLessThan(placeholder.readiness.score, written.readiness.score, "the placeholder still counts against the whole")
    }

    func testUntouchedTemplatesAreNotReadyAndTheExamplesHaveNoTemplateSentence() throws {
        for name in Fixtures.library.mockupTemplateNames {
            let result = Fixtures.check(try Fixtures.library.mockupTemplate(named: name))
            XCTAssertLessThan(result.readiness.score, name == "blank" ? 0.5 : 0.9, name)
        }
        for file in try Fixtures.files(in: Fixtures.examples, ending: ".yaml") {
            let result = Fixtures.check(Fixtures.bytes(file))
            XCTAssertFalse(result.findings.contains { ["template-example", "template-plan", "placeholder-left"].contains($0.rule) }, file.lastPathComponent)
        }
    }
}

/// The sampling advice never asks for more respondents than the audience holds: with the finite
/// population correction, 10 answers out of 12 seniors leave ±13.2 points (1.96·√(0.25/10)·√(2/11))
/// and 11 are needed (96.04 / (1 + 95.04/12) = 10.77); all 12 leave no sampling margin.
final class SampleSizeTests: XCTestCase {
    private func sampleSize(audience: Int?, respondents: Int?) -> Finding? {
        let evaluation = respondents.map { "  respondents-expected: \($0)\n" } ?? ""
        let text = Fixtures.minimal
            .replacingOccurrences(of: "audiences: [{id: tous, label: Tout public}]", with: "audiences: [{id: tous, label: Aînés\(audience.map { ", expected: \($0)" } ?? "")}]")
            .replacingOccurrences(of: "evaluation:\n", with: "evaluation:\n" + evaluation)
        return Fixtures.check(text).findings.first { $0.rule == "sample-size" }
    }

    func testASmallWorkshopIsAskedForAtMostItsAudience() throws {
        let finding = try XCTUnwrap(sampleSize(audience: 12, respondents: 10))
        XCTAssertEqual(finding.message.fr, "Avec 10 répondants attendus, la marge d'erreur d'une proportion atteint ±13.2 points.")
        XCTAssertEqual(finding.fix?.fr.hasPrefix("Visez au moins 11 répondants"), true, finding.fix?.fr ?? "")
        XCTAssertNil(sampleSize(audience: 12, respondents: nil), "all twelve asked: no sampling margin")
    }

    func testAnAudienceOfUnknownSizeKeepsTheUsualAdvice() throws {
        let finding = try XCTUnwrap(sampleSize(audience: nil, respondents: 40))
        XCTAssertEqual(finding.message.en, "With 40 expected respondents, the margin of error of a proportion reaches ±15.5 points.")
        XCTAssertEqual(finding.fix?.en.hasPrefix("Aim for at least 97 respondents"), true, finding.fix?.en ?? "")
    }
}

/// An intention objective is answered with two rewritings drawn from its own words.
final class IntentionRewriteTests: XCTestCase {
    private func fix(_ objective: String, language: Language = .fr) throws -> String {
        let text = Fixtures.minimal.replacingOccurrences(of: "text: Nommer trois œuvres", with: "text: \(objective)")
        let finding = try XCTUnwrap(Fixtures.check(text).findings.first { $0.rule == "objective-intention" }, objective)
        return try XCTUnwrap(finding.fix?[language])
    }

    func testRewritingsComeFromTheObjectivesWords() throws {
        XCTAssertEqual(try fix("Sensibiliser le public à la biodiversité du parc"),
                       "Écrivez ce que le public saura faire, par exemple « Citer trois éléments de la biodiversité du parc » ou « Expliquer à un proche la biodiversité du parc ».")
        XCTAssertEqual(try fix("Faire découvrir les œuvres de la salle aux familles"),
                       "Écrivez ce que le public saura faire, par exemple « Citer trois éléments des œuvres de la salle » ou « Expliquer à un proche les œuvres de la salle ».")
        XCTAssertEqual(try fix("Permettre aux enfants de nommer trois arbres du parc"),
                       "Écrivez ce que le public saura faire, par exemple « Nommer trois arbres du parc » ou « Montrer à un proche comment nommer trois arbres du parc ».")
        XCTAssertEqual(try fix("Faire découvrir aux familles le patrimoine du bassin minier"),
                       "Écrivez ce que le public saura faire, par exemple « Citer trois éléments du patrimoine du bassin minier » ou « Expliquer à un proche le patrimoine du bassin minier ».")
        XCTAssertEqual(try fix("Valoriser le patrimoine industriel"),
                       "Écrivez ce que le public saura faire, par exemple « Citer trois éléments du patrimoine industriel » ou « Expliquer à un proche le patrimoine industriel ».")
    }

    func testTheIntentionIsNotAlsoAnUnknownVerb() {
        let text = Fixtures.minimal.replacingOccurrences(of: "text: Nommer trois œuvres", with: "text: Sensibiliser les familles au patrimoine")
        let rules = Fixtures.check(text).findings.filter { $0.path.description == "objectives[0].text" }.map(\.rule)
        XCTAssertEqual(rules, ["objective-intention"])
    }
}

/// AI use is raised wherever it shows: in a tool's name or purpose, not only in a chatbot.
final class AIUseTests: XCTestCase {
    private func rules(_ tool: String, rights: String? = nil) -> [String] {
        var text = Fixtures.minimal.replacingOccurrences(of: "tools: [{id: quiz, type: quiz, objectives: [O1]}]", with: "tools: [\(tool)]")
        if let rights { text += "rights: \(rights)\n" }
        return Fixtures.check(text).findings.map(\.rule).filter { $0.hasPrefix("ai-") }
    }

    func testAnUndeclaredAIIsOneErrorWhateverTheToolsType() {
        XCTAssertEqual(rules("{id: quiz, type: website, name: Biographies, purpose: Biographies écrites par ChatGPT, objectives: [O1]}"), ["ai-declared"])
        XCTAssertEqual(rules("{id: quiz, type: video, name: Affiches Midjourney, objectives: [O1]}"), ["ai-declared"])
        XCTAssertEqual(rules("{id: quiz, type: quiz, name: Quiz de l'IA, objectives: [O1]}"), ["ai-declared"])
        XCTAssertEqual(rules("{id: quiz, type: chatbot, objectives: [O1]}"), ["ai-declared"], "one finding, not three")
        XCTAssertEqual(rules("{id: quiz, type: quiz, name: Quiz des aïeux, purpose: Ce que j'ai vu chez Claude Monet quand le mistral souffle, objectives: [O1]}"), [], "no clue")
    }

    func testADeclaredAIOnAnyToolIsHeldToDisclosureAndReview() {
        XCTAssertEqual(rules("{id: quiz, type: website, purpose: Textes écrits avec ChatGPT, objectives: [O1], ai: {provider: OpenAI}}"),
                       ["ai-disclosure", "ai-human-review"])
        XCTAssertEqual(rules("{id: quiz, type: website, objectives: [O1], ai: {disclosure: true, human-review: true, personal-data-in-prompts: true}}"),
                       ["ai-personal-data"])
    }

    func testPeoplesPhotosOrVoicesSentToAnAIAreDeclared() throws {
        let tool = "{id: quiz, type: other, name: Portraits, purpose: Portraits générés avec Midjourney à partir des photos de groupe prêtées par les familles, objectives: [O1]"
        XCTAssertEqual(rules(tool + ", ai: {provider: Midjourney, disclosure: true, human-review: true}}"), ["ai-personal-data-sent"])
        XCTAssertEqual(rules(tool + "}"), ["ai-declared", "ai-personal-data-sent"], "undeclared AI and undeclared data are two mistakes")
        XCTAssertEqual(rules(tool + ", ai: {provider: Midjourney, disclosure: true, human-review: true, personal-data-in-prompts: true}}"), ["ai-personal-data"],
                       "declared, it is held to minimisation")
        XCTAssertEqual(rules("{id: quiz, type: other, purpose: Portraits générés avec Midjourney à partir des descriptions des élèves, objectives: [O1], ai: {disclosure: true, human-review: true}}"), [])
        XCTAssertEqual(rules("{id: quiz, type: kiosk, purpose: Les surfaces et les interfaces envisagées, objectives: [O1]}"), [], "whole words only")
        let text = Fixtures.minimal.replacingOccurrences(of: "tools: [{id: quiz, type: quiz, objectives: [O1]}]", with: "tools: [\(tool)}]")
        let finding = try XCTUnwrap(Fixtures.check(text).findings.first { $0.rule == "ai-personal-data-sent" })
        XCTAssertEqual(finding.message.fr, "L'outil « Portraits » (quiz) envoie à une IA (« Midjourney ») des données personnelles (« photos de groupe ») sans le déclarer.")
    }

    func testAnAIOutputIsNotTheTeamsOwnWork() {
        XCTAssertEqual(rules("{id: quiz, type: quiz, objectives: [O1]}", rights: "{image-release: true, assets: [{title: Portrait, author: Midjourney, license: own-work}]}"),
                       ["ai-generated-licence"])
        XCTAssertEqual(rules("{id: quiz, type: quiz, objectives: [O1]}", rights: "{image-release: true, assets: [{title: Portrait, author: Midjourney, license: unknown}]}"),
                       [])
    }

    func testTheHasSelectorSelectsTheItemsWhereAKeyIsWritten() throws {
        XCTAssertEqual(try TargetPath(parsing: "tools[ai].ai.disclosure").segments.first?.selector, .has(key: "ai"))
        XCTAssertThrowsError(try TargetPath(parsing: "tools[nope].name")) { XCTAssertEqual($0 as? TargetPathError, .badSelector("tools[nope].name", "nope")) }
    }
}

/// Platforms named by a tool carry their minimum age and are processors; minors are declared.
final class PlatformTests: XCTestCase {
    private func rules(audience: String, tool: String, data: String) -> [String] {
        let text = Fixtures.minimal
            .replacingOccurrences(of: "audiences: [{id: tous, label: Tout public}]", with: "audiences: [\(audience)]")
            .replacingOccurrences(of: "tools: [{id: quiz, type: quiz, objectives: [O1]}]", with: "tools: [\(tool)]")
            .replacingOccurrences(of: "tools: [quiz], objectives: [O1]}]", with: "tools: [quiz], audiences: [tous], objectives: [O1]}]") + "data: \(data)\n"
        return Fixtures.check(text).findings.map(\.rule).filter {
            ["platform-age", "platform-processor", "minors-declared", "minors-retention", "social-network-age", "minors-own-accounts"].contains($0)
        }
    }

    func testMinorsDoNotPublishFromTheirOwnAccounts() {
        let pupils = "{id: tous, label: Collégiens, age: {min: 13, max: 14}}"
        let data = "{personal: false}"
        XCTAssertEqual(rules(audience: pupils, tool: "{id: quiz, type: social-network, social: {platform: Instagram, account-owner: les élèves}, objectives: [O1]}", data: data),
                       ["minors-own-accounts"])
        XCTAssertEqual(rules(audience: pupils, tool: "{id: quiz, type: video, name: Vidéos TikTok, purpose: Chacun publie depuis son propre compte, objectives: [O1]}", data: data),
                       ["minors-own-accounts"])
        XCTAssertEqual(rules(audience: pupils, tool: "{id: quiz, type: social-network, social: {platform: Instagram, account-owner: la bibliothèque}, objectives: [O1]}", data: data), [])
        XCTAssertEqual(rules(audience: pupils, tool: "{id: quiz, type: social-network, social: {platform: Instagram, account-owner: la maison des jeunes}, objectives: [O1]}", data: data),
                       [], "an institution named after its public is not the public")
        XCTAssertEqual(rules(audience: "{id: tous, label: Adultes, age: {min: 18}}", tool: "{id: quiz, type: social-network, social: {platform: Instagram, account-owner: les participants}, objectives: [O1]}", data: data),
                       [], "adults may publish from their own accounts")
        XCTAssertEqual(rules(audience: pupils, tool: "{id: quiz, type: website, purpose: Chacun publie depuis son propre compte, objectives: [O1]}", data: data),
                       [], "no platform, no account")
    }

    func testAPlatformNamedInAnyToolKeepsItsMinimumAge() {
        XCTAssertEqual(rules(audience: "{id: tous, label: CM2, age: {min: 10}}", tool: "{id: quiz, type: podcast, name: Podcast sur Spotify, objectives: [O1]}", data: "{personal: false}"),
                       ["platform-age"])
        XCTAssertEqual(rules(audience: "{id: tous, label: CM2, age: {min: 10}}", tool: "{id: quiz, type: social-network, social: {platform: Instagram}, objectives: [O1]}", data: "{personal: false}"),
                       ["social-network-age"], "the social network's own rule says it once")
    }

    func testAPlatformIsAProcessorUnderItsOwnNameOrItsCompanys() {
        let tool = "{id: quiz, type: social-network, social: {platform: Instagram}, objectives: [O1]}"
        let adults = "{id: tous, label: Adultes, age: {min: 18}}"
        XCTAssertEqual(rules(audience: adults, tool: tool, data: "{personal: true, legal-basis: consent, retention-months: 6, notice: true}"), ["platform-processor"])
        XCTAssertEqual(rules(audience: adults, tool: tool, data: "{personal: true, legal-basis: consent, retention-months: 6, notice: true, processors: [{name: Meta Platforms Ireland, country: IE}]}"), [])
    }

    func testMinorsAreDeclaredAndTheirDataKeptBriefly() {
        let tool = "{id: quiz, type: quiz, objectives: [O1]}"
        XCTAssertEqual(rules(audience: "{id: tous, label: Lycéens, age: {min: 17}}", tool: tool, data: "{personal: true, legal-basis: consent, retention-months: 6, notice: true}"), ["minors-declared"])
        XCTAssertEqual(rules(audience: "{id: tous, label: Lycéens, age: {min: 17}}", tool: tool, data: "{personal: true, legal-basis: consent, retention-months: 120, notice: true, minors: true}"), ["minors-retention"])
    }
}

/// The rules cite the law and figures of the institution's country.
final class LegalFrameTests: XCTestCase {
    private func why(_ rule: String, country: String) throws -> Localized {
        let text = String(decoding: Fixtures.bytes(Fixtures.repository.appendingPathComponent("Examples/broken/pedagogie.yaml")), as: UTF8.self)
            .replacingOccurrences(of: "country: FR", with: "country: \(country)")
        return try XCTUnwrap(Fixtures.check(text).findings.first { $0.rule == rule }?.why, rule)
    }

    func testABelgianProjectGetsBelgianReferences() throws {
        XCTAssertEqual(try why("podcast-transcript", country: "BE").fr,
                       "Un contenu audio enregistré doit avoir une transcription textuelle (WCAG 1.2.1), obligatoire pour les organismes publics : norme EN 301 549 (loi du 19 juillet 2018 sur l'accessibilité des sites des organismes publics).")
        XCTAssertTrue(try why("non-digital-path", country: "BE").en.hasPrefix("In the European Union, 44% of people aged 16-74 lack basic digital skills (Eurostat 2023)"))
        XCTAssertTrue(try why("non-digital-path", country: "FR").fr.hasPrefix("15,4 % des personnes de 15 ans ou plus sont en illectronisme en France"))
        XCTAssertEqual(try why("podcast-transcript", country: "FR").en,
                       "Pre-recorded audio needs a text transcript (WCAG 1.2.1), mandatory for public bodies: RGAA 4.1 (act of 11 February 2005, art. 47).")
    }
}

/// The verb lexicon: every entry has its meaning and its reason, and the checker reads each
/// entry, written as an objective, as that entry.
final class VerbLexiconTests: XCTestCase {
    func testEveryEntryIsReadAsItselfWithItsReason() {
        for language in Language.allCases {
            for entry in BloomVerbs.entries(language) {
                let analysis = BloomAnalyzer.analyze(entry.phrase + " trois lieux", language: language)
                // A pronominal verb is quoted without its « se ».
                XCTAssertTrue(!analysis.written.isEmpty && entry.phrase.lowercased().hasSuffix(analysis.written), "\(language) \(entry.phrase): \(analysis.written)")
                switch entry.meaning {
                case .action(let level): XCTAssertTrue(analysis.isIntention || analysis.levels.contains(level), "\(entry.phrase) \(level)")
                case .state: XCTAssertTrue(analysis.isState, entry.phrase)
                case .intention: XCTAssertTrue(analysis.isIntention, entry.phrase)
                }
            }
        }
    }

    func testTheAdditionsToTheReferenceSayWhy() {
        let french = Dictionary(BloomVerbs.entries(.fr).map { ($0.phrase, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(french["transcrire"]?.meaning, .action(.apply))
        XCTAssertEqual(french["transcrire"]?.reason, .lexiconReasonProduce)
        XCTAssertEqual(french["déchiffrer"]?.meaning, .action(.remember))
        XCTAssertEqual(french["raconter"]?.meaning, .action(.understand))
        XCTAssertEqual(french["citer"]?.reason, .lexiconReasonReference)
        XCTAssertEqual(french["découvrir"]?.meaning, .state)
        XCTAssertEqual(french["permettre"]?.reason, .lexiconReasonEnable)
        XCTAssertEqual(french["développer la confiance"]?.reason, .lexiconReasonDisposition)
        XCTAssertEqual(french["développer"]?.meaning, .action(.create), "developing a product is creating; developing confidence is not")
    }

    func testExplainReadsTheVerbAsTheCheckDoes() {
        XCTAssertEqual(BloomVerbs.explain("Les participants sauront déchiffrer un registre", language: .fr),
                       ["déchiffrer\tse souvenir\tRetrouver une information dans un document ou un lieu (se souvenir) : on vérifie ce qui est retrouvé."])
        XCTAssertEqual(BloomVerbs.explain("Support the volunteers", language: .en).map { $0.split(separator: "\t")[1] }, ["mediator's intention"],
                       "an intention prevails over the same verb's level")
        XCTAssertEqual(BloomVerbs.explain("Savourer un gâteau", language: .fr), ["« Savourer un gâteau » : aucun verbe du lexique en tête de phrase."])
    }
}

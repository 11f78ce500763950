import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation
import TestSupport
import XCTest

/// The project sheet: what it shows, the timeline's geometry, gaps, and hostile text.
final class ProjectSheetTests: XCTestCase {
    private func sheet(_ text: String, language: Language = .fr) throws -> (html: String, markdown: String) {
        let decoded = Fixtures.decode(text)
        let mockup = try XCTUnwrap(decoded.mockup, Fixtures.summary(decoded.findings).joined(separator: "\n"))
        let result = Fixtures.check(text, language: language)
        let sheet = ProjectSheet(language: language)
        return (sheet.html(mockup, result: result, file: "maquette.yaml"), sheet.markdown(mockup, result: result, file: "maquette.yaml"))
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testTheEvaluationPlanIsWrittenInWords() throws {
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("vr-abbaye.yaml"), encoding: .utf8)
        let french = try sheet(text).html, english = try sheet(text, language: .en).markdown
        XCTAssertTrue(french.contains("<td dir=\"auto\">part des niveaux les plus hauts</td><td dir=\"auto\">Q1</td><td dir=\"auto\">≥ 80 %</td>"), "measure and target in words")
        XCTAssertTrue(french.contains("<td dir=\"auto\">≤ 10 %</td>"))
        XCTAssertTrue(english.contains("| Visiteurs satisfaits | share of the top levels | Q1 | ≥ 80% |"), english)
        XCTAssertFalse(french.contains(">top-box<") || french.contains("&gt;= 80%"), "no raw measure name or target left")
    }

    func testDayNumbersMatchTheCalendar() throws {
        let days = [(1970, 1, 1), (2000, 2, 29), (2000, 3, 1), (2026, 11, 21), (1900, 3, 1)].map { CalendarDate(year: $0.0, month: $0.1, day: $0.2)!.dayNumber }
        XCTAssertEqual(days, [0, 11016, 11017, 20778, -25508], "Python's date arithmetic")
    }

    func testExampleSheetShowsEveryPart() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("ar-visite-familles.yaml")), as: UTF8.self)
        let (html, markdown) = try sheet(text)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(html.contains("<script"), "no script is needed to read the sheet")
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing is loaded from the network")
        for heading in ["Publics", "Objectifs", "Calendrier des activités", "Alignement : objectifs, activités, outils, indicateurs", "Plan d'évaluation", "Préparation : 99 %"] {
            XCTAssertTrue(html.contains("<h2>\(HTML.escape(heading))</h2>"), heading)
            XCTAssertTrue(markdown.contains("## \(heading)"), heading)
        }
        XCTAssertEqual(count("<rect", in: html) + count("<path", in: html), 9, "one mark per activity")
        XCTAssertEqual(count("<path", in: html), 6, "six activities last under a day: diamonds")
        XCTAssertTrue(html.contains("<title id=\"tl-title\">") && html.contains("<desc id=\"tl-desc\">"))
        XCTAssertTrue(html.contains(">févr.</text>") && html.contains(">juil.</text>"), "month ticks from February to July")
        XCTAssertFalse(html.contains(">janv.</text>"), "the project starts on 5 January: no tick before it")
        XCTAssertTrue(html.contains("<td dir=\"auto\">se souvenir</td>"))
        XCTAssertTrue(html.contains("@page{size:A4"))
        XCTAssertEqual(count("class=\"gap\"", in: html), 0)
    }

    func testASheetWithErrorsOpensWithTheCheckCounts() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.repository.appendingPathComponent("Examples/broken/pedagogie.yaml")), as: UTF8.self)
        let standing = Fixtures.check(text).findings.filter { !$0.isSuppressed }
        XCTAssertEqual([standing.filter { $0.severity == .error }.count, standing.filter { $0.severity == .warning }.count], [10, 13], "as atelier check counts them")
        let (html, markdown) = try sheet(text)
        let warning = "⚠ La vérification relève 10 erreur(s) et 13 avertissement(s) : cette fiche montre ce qui est écrit, pas un projet prêt (préparation 47 %). Le détail est en fin de fiche ; corrigez avec « atelier check maquette.yaml »."
        XCTAssertTrue(html.contains("<p class=\"not-ready\" role=\"alert\">\(HTML.escape(warning))</p>\n</header>"), "at the top, before the audiences")
        XCTAssertTrue(markdown.contains("> **\(MarkdownReporter.escape(warning))**\n\n## Publics"))
        let ready = try sheet(String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml")), as: UTF8.self))
        XCTAssertFalse(ready.html.contains("role=\"alert\""), "nothing to warn about")
    }

    func testGapsInTheAlignmentAreMarkedInWordsNotOnlyColour() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}]",
                                                         with: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}, {id: O2, text: Décrire une œuvre, audiences: [tous]}]")
            .replacingOccurrences(of: "title: Essai", with: "title: Essai\nlanguage: fr")
        let (html, markdown) = try sheet(text, language: .en)
        XCTAssertEqual(count("<td class=\"gap\">⚠ none</td>", in: html), 3, "O1 has no indicator; O2 has no activity or indicator")
        XCTAssertTrue(markdown.contains("| O1 Nommer trois œuvres | A1 | quiz | ⚠ none |"), markdown)
        // No tool is not a gap: the checklist asks for an activity and an indicator, not a digital tool.
        XCTAssertTrue(markdown.contains("| O2 Décrire une œuvre | ⚠ none | — | ⚠ none |"), markdown)
        XCTAssertTrue(html.contains("understand (from the verb)"), "O2's level is read from its verb")
    }

    func testTheToolsOfAnObjectivesActivitiesServeIt() throws {
        // The quiz lists O1 only, but activity A1 works on O2 with it: the matrix agrees with `check`.
        let text = Fixtures.minimal
            .replacingOccurrences(of: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}]",
                                  with: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}, {id: O2, text: Décrire une œuvre, audiences: [tous]}]")
            .replacingOccurrences(of: "tools: [quiz], objectives: [O1]}", with: "tools: [quiz], objectives: [O1, O2]}")
        let markdown = try sheet(text).markdown
        XCTAssertTrue(markdown.contains("| O2 Décrire une œuvre | A1 | quiz |"), markdown)
    }

    func testHostileTextStaysText() throws {
        let hostile = Fixtures.minimal
            .replacingOccurrences(of: "title: Essai", with: "title: \"<script>alert('x')</script> \\\"Titre\\\" & co\"")
            .replacingOccurrences(of: "label: Tout public", with: "label: \"=cmd|' /C calc'!A0\"")
            .replacingOccurrences(of: "title: Visite", with: "title: \"زيارة المتحف " + String(repeating: "Donaudampfschifffahrt", count: 8) + "\"")
        let (html, markdown) = try sheet(hostile)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<h1 dir=\"auto\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Titre&quot; &amp; co</h1>"))
        XCTAssertTrue(html.contains("<title>&lt;script&gt;"))
        XCTAssertTrue(html.contains("=cmd|&#39; /C calc&#39;!A0"))
        XCTAssertTrue(html.contains("overflow-wrap:anywhere") && html.contains(".scroll{overflow-x:auto}"), "very long words wrap or scroll, never widen the page")
        XCTAssertTrue(html.contains("زيارة المتحف"))
        XCTAssertFalse(markdown.contains("<script>"))
    }
}

/// The sheet a group presents: every part of the mockup in words, dates written out.
final class ProjectDetailsTests: XCTestCase {
    func testEveryPartOfTheMockupIsShownInFrenchWords() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml")), as: UTF8.self)
        let mockup = try XCTUnwrap(Fixtures.decode(text).mockup)
        let markdown = ProjectSheet(language: .fr).markdown(mockup, result: Fixtures.check(text), file: "voix.yaml")
        for line in [
            "*Médiathèque Jean-Jaurès · du 1er février 2026 au 30 juin 2026*",
            "- **Résidents de l'EHPAD Les Tilleuls** — 12 attendus",
            "- **Les voix du quartier** : Podcast — Recueillir et diffuser la parole des aînés — Appareils prêtés — fonctionne hors ligne",
            "- **EHPAD Les Tilleuls** : accueil des séances et accompagnement des résidents",
            "- **Mesures** : version FALC, lieux sans marche, boucle magnétique, contenus traduits",
            "- **Base légale** : Consentement",
            "- **Mineurs** : oui, avec le consentement des parents",
            "- **Dépenses** : 1\u{202F}200 EUR",
            "## Participation du public (Nina Simon)",
            "- **Préparation des questions avec le collège** : Contribuer",
            "- **Ateliers d'enregistrement** : Co-créer",
        ] {
            XCTAssertTrue(markdown.contains(line + "\n"), line)
        }
        let html = ProjectSheet(language: .fr).html(mockup, result: Fixtures.check(text), file: "voix.yaml")
        XCTAssertTrue(html.contains("<dt dir=\"auto\">Sous-traitants</dt><dd dir=\"auto\">Ausha (hébergement du podcast) (FR)</dd>"))
        XCTAssertTrue(html.contains("besoins : Peu à l&#39;aise avec le numérique, Handicap auditif, Mobilité réduite") || html.contains("besoins : Peu à l'aise avec le numérique, Handicap auditif, Mobilité réduite"), "needs in words")
    }
}

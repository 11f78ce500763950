import AtelierCore
import AtelierMockup
import TestSupport
import XCTest

/// Dates written the everyday way are answered with the converted value.
final class WrittenDateTests: XCTestCase {
    func testEverydayDatesConvert() {
        let cases: [(String, String?)] = [
            ("15/05/2026", "2026-05-15"), ("5/3/2026", "2026-03-05"), ("15.05.2026", "2026-05-15"),
            ("30 juin 2026", "2026-06-30"), ("1er mars 2026", "2026-03-01"), ("mardi 2 juin 2026", "2026-06-02"),
            ("2 Février 2026", "2026-02-02"), ("2 fevr. 2026", "2026-02-02"), ("June 30 2026", "2026-06-30"),
            ("1er mars 2026 à 14h30", "2026-03-01 14:30"), ("15/05/2026 14h", "2026-05-15 14:00"), ("2 juin 2026 9 h 05", "2026-06-02 09:05"),
            ("32/05/2026", nil), ("15/13/2026", nil), ("15/05/26", nil), ("demain", nil), ("30 juin", nil), ("15/05/2026 25h", nil),
        ]
        for (written, expected) in cases {
            XCTAssertEqual(WrittenDate.converted(written), expected, written)
        }
    }

    func testTheErrorGivesTheConvertedValueOnlyWhereTheFieldReadsIt() throws {
        let date = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "start: 2026-01-01", with: "start: 15/05/2026"))
        let finding = try XCTUnwrap(date.findings.first { $0.rule == "invalid-value" })
        XCTAssertEqual(finding.message.fr, "« 15/05/2026 » est une date écrite à la main : Atelier lit les dates sous la forme année-mois-jour, ici 2026-05-15.")
        XCTAssertEqual(finding.fix?.en, "Write 2026-05-15.")
        // A time where only a date is read: the generic example, not a value the field refuses.
        let timed = Fixtures.check(Fixtures.minimal.replacingOccurrences(of: "start: 2026-01-01", with: "start: 15/05/2026 14h"))
        XCTAssertEqual(timed.findings.first { $0.rule == "invalid-value" }?.fix?.en, "Write a date like 2026-03-02.")
    }
}

/// French words for enumerated values and country names are answered with the value to write.
final class FrenchValueTests: XCTestCase {
    func testEverydayWordsGetTheirValue() throws {
        let text = Fixtures.minimal
            .replacingOccurrences(of: "institution: {name: Musée, type: museum}", with: "institution: {name: Musée, type: Médiathèque, country: Belgique}")
            .replacingOccurrences(of: "audiences: [{id: tous, label: Tout public}]", with: "audiences: [{id: tous, label: Tout public, needs: [malentendants]}]")
        let findings = Fixtures.decode(text).findings
        XCTAssertEqual(findings.map(\.message.fr), [
            "« Médiathèque » s'écrit « library » : les valeurs de ce champ sont des mots fixes, en anglais, que tous les outils comprennent.",
            "« Belgique » : la maquette attend le code du pays en deux lettres, ici BE.",
            "« malentendants » s'écrit « hearing » : les valeurs de ce champ sont des mots fixes, en anglais, que tous les outils comprennent.",
        ])
        XCTAssertEqual(findings.map { $0.fix?.en }, ["Write library.", "Write BE.", "Write hearing."])
    }

    func testAWordNoValueMeansKeepsTheClosestValueSuggestion() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "type: museum", with: "type: musem")
        XCTAssertEqual(Fixtures.decode(text).findings.first?.message.en, "« musem » is not an accepted value for « institution.type »: did you mean « museum »?")
    }
}

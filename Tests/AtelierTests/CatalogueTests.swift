import AtelierCore
import XCTest

final class CatalogueTests: XCTestCase {
    /// Words that are spelt the same in French and English.
    private static let sameInBothLanguages: Set<MessageKey> = [.severityInfo, .sectionInclusion, .xlsxSuppressed, .guideExcellent, .gradebookPoints, .phasePrototype, .phaseTest, .phaseCommunication, .projectNotes, .projectMaintenance, .projectBudget]

    func testEveryMessageExistsInBothLanguagesWithTheSamePlaceholders() {
        for key in MessageKey.allCases {
            let french = Catalogue.template(key, in: .fr)
            let english = Catalogue.template(key, in: .en)
            XCTAssertNotNil(french, "missing in French: \(key.rawValue)")
            XCTAssertNotNil(english, "missing in English: \(key.rawValue)")
            if let french, let english {
                XCTAssertEqual(Catalogue.placeholders(in: french), Catalogue.placeholders(in: english), key.rawValue)
                if !Self.sameInBothLanguages.contains(key) {
                    XCTAssertNotEqual(french, english, "\(key.rawValue) is not translated")
                }
            }
        }
    }

    func testBracesThatAreNotPlaceholdersStayText() {
        XCTAssertEqual(Catalogue.text(.yamlExplainUnclosedBlock, ["line": "3"]).en, "the block opened with « { » on line 3 is not closed with « } »")
        XCTAssertEqual(Catalogue.placeholders(in: "« { » {line} {} {a b}"), ["line"])
    }

    func testPlaceholdersAreFilled() {
        XCTAssertEqual(Catalogue.text(.cliNoSuchFile, ["path": "a.yaml"]).en, "a.yaml: no such file or folder.")
        XCTAssertEqual(Catalogue.text(.cliNoSuchFile, ["path": "a.yaml"]).fr, "a.yaml : ce fichier ou ce dossier n'existe pas.")
        XCTAssertEqual(Catalogue.text(.mockupInvalidValue, localized: ["value": Localized(verbatim: "x"), "expected": Catalogue.text(.formDate)]).fr,
                       "« x » n'est pas une date comme 2026-03-02.")
    }

    func testLanguageRequestedOnTheCommandLineWins() {
        XCTAssertEqual(Language.requested(by: ["atelier", "check", "x", "--lang", "fr"], environment: ["LANG": "en_US"]), .fr)
        XCTAssertEqual(Language.requested(by: ["atelier", "--lang=en"], environment: ["LANG": "fr_FR"]), .en)
        XCTAssertEqual(Language.requested(by: ["atelier", "--lang", "de"], environment: ["LANG": "fr_FR"]), .fr, "an unknown language falls back to the environment")
        XCTAssertEqual(Language.requested(by: ["atelier", "--lang"], environment: [:]), .en)
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]), .fr)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "fr_BE", "LANG": "en_US"]), .fr)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "C"]), .en)
    }
}

import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierImpact
import AtelierMockup
import AtelierReport
import AtelierTabular
import AtelierUseCases
import AtelierYAML
import XCTest

final class CatalogueTests: XCTestCase {
    /// Words that are spelt the same in French and English, by key.
    private static let sameInBothLanguages: Set<String> = ["severity.info", "section.inclusion", "xlsx.suppressed", "guide.excellent", "gradebook.points", "phase.prototype", "phase.test", "phase.communication", "project.notes", "project.maintenance", "project.budget"]

    func testEveryMessageHasBothLanguagesWithTheSamePlaceholders() {
        checkTranslated(CoreMessage.self)
        checkTranslated(YAMLMessage.self)
        checkTranslated(TabularMessage.self)
        checkTranslated(MockupMessage.self)
        checkTranslated(ChecklistMessage.self)
        checkTranslated(ImpactMessage.self)
        checkTranslated(GradingMessage.self)
        checkTranslated(ReportMessage.self)
        checkTranslated(UseCaseMessage.self)
    }

    private func checkTranslated<Message: MessageCatalogue>(_ catalogue: Message.Type, file: StaticString = #filePath, line: UInt = #line) {
        for key in Message.allCases {
            XCTAssertEqual(Catalogue.placeholders(in: key.french), Catalogue.placeholders(in: key.english), key.rawValue, file: file, line: line)
            if !Self.sameInBothLanguages.contains(key.rawValue) {
                XCTAssertNotEqual(key.french, key.english, "\(key.rawValue) is not translated", file: file, line: line)
            }
        }
    }

    func testEveryKeyBelongsToOneModule() {
        let keys = [CoreMessage.allCases.map(\.rawValue), YAMLMessage.allCases.map(\.rawValue), TabularMessage.allCases.map(\.rawValue),
                    MockupMessage.allCases.map(\.rawValue), ChecklistMessage.allCases.map(\.rawValue), ImpactMessage.allCases.map(\.rawValue),
                    GradingMessage.allCases.map(\.rawValue), ReportMessage.allCases.map(\.rawValue), UseCaseMessage.allCases.map(\.rawValue)].joined()
        XCTAssertEqual(Set(keys).count, keys.count)
    }

    func testBracesThatAreNotPlaceholdersStayText() {
        XCTAssertEqual(YAMLMessage.text(.yamlExplainUnclosedBlock, ["line": "3"]).en, "the block opened with « { » on line 3 is not closed with « } »")
        XCTAssertEqual(Catalogue.placeholders(in: "« { » {line} {} {a b}"), ["line"])
    }

    func testPlaceholdersAreFilled() {
        XCTAssertEqual(CoreMessage.text(.noSuchFile, ["path": "a.yaml"]).en, "a.yaml: no such file or folder.")
        XCTAssertEqual(CoreMessage.text(.noSuchFile, ["path": "a.yaml"]).fr, "a.yaml : ce fichier ou ce dossier n'existe pas.")
        XCTAssertEqual(MockupMessage.text(.mockupInvalidValue, localized: ["value": Localized(verbatim: "x"), "expected": MockupMessage.text(.formDate)]).fr,
                       "« x » n'est pas une date comme 2026-03-02.")
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]), .fr)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "fr_BE", "LANG": "en_US"]), .fr)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "C"]), .en)
    }
}

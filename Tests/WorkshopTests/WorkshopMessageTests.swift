import AtelierCore
import AtelierWorkshop
import XCTest

/// The workshop's words: every sentence in both languages, with the same placeholders.
final class WorkshopMessageTests: XCTestCase {
    /// Words spelt the same in French and English.
    private static let same: Set<String> = ["yamlTab", "info", "historyTab"]

    func testEveryPageAndRefusalHasBothLanguagesWithTheSamePlaceholders() {
        for key in WorkshopMessage.allCases {
            XCTAssertEqual(Catalogue.placeholders(in: key.french), Catalogue.placeholders(in: key.english), key.rawValue)
            if !Self.same.contains(key.rawValue) {
                XCTAssertNotEqual(key.french, key.english, "\(key.rawValue) is not translated")
            }
        }
    }
}

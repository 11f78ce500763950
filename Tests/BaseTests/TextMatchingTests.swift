import AtelierCore
import XCTest

final class TextMatchingTests: XCTestCase {
    func testNormalisationFoldsCaseAccentsQuotesAndSpaces() {
        XCTAssertEqual(TextMatching.normalized("  Êtes-vous   SATISFAIT\u{00B7}e de l\u{2019}œuvre ? "), "etes-vous satisfait\u{00B7}e de l'oeuvre ?")
        XCTAssertEqual(TextMatching.normalized("« Très »"), "\" tres \"")
    }

    /// A byte search on normalised texts, as `contains` finds in them: at the start, the end,
    /// overlapping starts, not past the end, the empty phrase nowhere (as Foundation has it).
    func testANormalisedTextHoldsAPhraseWhereverContainsFindsIt() {
        let text = TextMatching.spacedWords("L'IA générative (Midjourney) crée des œuvres; l'œuvre aaab")
        for phrase in [" l ", " ia ", " generative ", " midjourney ", " oeuvres ", " aaab ", "aab ", " ", "", " l ia generative", " ia  generative "] {
            XCTAssertEqual(TextMatching.holds(phrase, in: text), text.contains(phrase), "« \(phrase) »")
        }
        XCTAssertFalse(TextMatching.holds(" x ", in: " "))
        XCTAssertFalse(TextMatching.holds(" aaab  x", in: text))
        XCTAssertFalse(TextMatching.holds("", in: ""))
        XCTAssertFalse(TextMatching.holds("a", in: ""))
    }

    func testEditDistanceCountsTranspositions() {
        XCTAssertEqual(TextMatching.editDistance("objectives", "objectives"), 0)
        XCTAssertEqual(TextMatching.editDistance("objetcives", "objectives"), 1)
        XCTAssertEqual(TextMatching.editDistance("", "abc"), 3)
        XCTAssertEqual(TextMatching.editDistance("kitten", "sitting"), 3)
    }

    func testClosestCandidates() {
        XCTAssertEqual(TextMatching.closest(to: "Objectifs", among: ["objectives", "audiences", "tools"]), ["objectives"])
        XCTAssertEqual(TextMatching.closest(to: "x", among: ["objectives", "audiences"]), [])
        XCTAssertEqual(TextMatching.closest(to: "dat", among: ["dates", "date", "data"], limit: 2), ["data", "date"])
        XCTAssertEqual(TextMatching.closest(to: "partic", among: ["participation", "place"]), ["participation"], "a long enough prefix counts")
    }
}

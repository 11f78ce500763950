import AtelierMockup
import XCTest

final class ScalarParserTests: XCTestCase {
    func testDates() {
        XCTAssertEqual(ScalarParser.date("2026-03-02")?.description, "2026-03-02")
        XCTAssertEqual(ScalarParser.date("2028-02-29")?.day, 29)
        XCTAssertNil(ScalarParser.date("2026-02-29"), "2026 is not a leap year")
        XCTAssertNil(ScalarParser.date("2026-13-01"))
        XCTAssertNil(ScalarParser.date("02/03/2026"))
        XCTAssertNil(ScalarParser.date("2026-3-2"))
    }

    func testDateTimesAndMoments() {
        XCTAssertEqual(ScalarParser.dateTime("2026-03-02 14:00")?.description, "2026-03-02 14:00")
        XCTAssertEqual(ScalarParser.dateTime("2026-03-02T09:05")?.minuteOfDay, 9 * 60 + 5)
        XCTAssertEqual(ScalarParser.dateTime("2026-03-02 14:00:30")?.minuteOfDay, 14 * 60)
        XCTAssertNil(ScalarParser.dateTime("2026-03-02 24:00"))
        XCTAssertNil(ScalarParser.dateTime("2026-03-02 14h"))
        XCTAssertEqual(ScalarParser.moment("2026-03-02")?.minuteOfDay, nil)
        let day = ScalarParser.moment("2026-03-04")!, afternoon = ScalarParser.moment("2026-03-04 14:00")!
        XCTAssertFalse(day.latest < afternoon.earliest, "a bare date lasts the whole day")
    }

    func testDurations() {
        let cases: [(String, Double)] = [
            ("45min", 45), ("90 min", 90), ("2h", 120), ("1h30", 90), ("1h30min", 90), ("1.5h", 90), ("1,5 h", 90),
            ("2 jours", 2880), ("1 jour", 1440), ("2 days", 2880), ("3 heures", 180), ("30 minutes", 30), ("1 day", 1440),
        ]
        for (text, minutes) in cases {
            XCTAssertEqual(ScalarParser.durationMinutes(text), minutes, text)
        }
        for text in ["deux heures", "1h75", "h", "-2h", "2 semaines", ""] {
            XCTAssertNil(ScalarParser.durationMinutes(text), text)
        }
    }

    func testBooleansInBothLanguages() {
        for text in ["true", "yes", "oui", "Oui", "YES"] { XCTAssertEqual(ScalarParser.bool(text), true, text) }
        for text in ["false", "no", "non", "NON"] { XCTAssertEqual(ScalarParser.bool(text), false, text) }
        XCTAssertNil(ScalarParser.bool("peut-être"))
        XCTAssertNil(ScalarParser.bool("1"))
    }

    func testNumbersAcceptFrenchDecimalsAndGroupedThousands() {
        XCTAssertEqual(ScalarParser.number("12.5"), 12.5)
        XCTAssertEqual(ScalarParser.number("12,5"), 12.5)
        XCTAssertEqual(ScalarParser.number("1 234,5"), 1234.5)
        XCTAssertEqual(ScalarParser.number("1\u{202F}000"), 1000)
        XCTAssertEqual(ScalarParser.number("-3"), -3)
        XCTAssertNil(ScalarParser.number("1e3"))
        XCTAssertNil(ScalarParser.number("douze"))
        XCTAssertNil(ScalarParser.number("inf"))
        XCTAssertEqual(ScalarParser.integer("1 000"), 1000)
        XCTAssertNil(ScalarParser.integer("12.5"))
    }

    func testPercentages() {
        XCTAssertEqual(ScalarParser.percent("80%"), 0.8)
        XCTAssertEqual(ScalarParser.percent("80 %"), 0.8)
        XCTAssertEqual(ScalarParser.percent("12,5%")!, 0.125, accuracy: 1e-12)
        XCTAssertEqual(ScalarParser.percent("0.8"), 0.8)
        XCTAssertNil(ScalarParser.percent("80"), "a bare number above 1 is ambiguous")
    }

    func testIdentifiersAndCodes() {
        XCTAssertTrue(ScalarParser.isIdentifier("O1"))
        XCTAssertTrue(ScalarParser.isIdentifier("podcast-aines_2"))
        XCTAssertFalse(ScalarParser.isIdentifier("1O"))
        XCTAssertFalse(ScalarParser.isIdentifier("aînés"))
        XCTAssertFalse(ScalarParser.isIdentifier("a b"))
        XCTAssertTrue(ScalarParser.isCode("FR", letters: 2))
        XCTAssertFalse(ScalarParser.isCode("fr", letters: 2))
        XCTAssertTrue(ScalarParser.isEmail("a.b@musee.fr"))
        XCTAssertFalse(ScalarParser.isEmail("a.b@musee"))
    }
}

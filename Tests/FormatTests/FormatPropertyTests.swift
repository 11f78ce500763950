import AtelierCore
import AtelierMockup
import Foundation
import PropertyBased
import Testing
import TestSupport

/// Text survives Atelier's own formats: any string written as a JSON string parses back the same
/// (JSONSerialization as the reader), and the same quoting in a mockup (what `grade rubric --yaml`
/// writes) is read back by the YAML loader; text normalisation is idempotent.
@Suite struct FormatProperties {
    private static let alphabet: [Character] = ["a", "é", "É", " ", "\t", "\n", "\r\n", "\"", "\\", "#", ":", "'", "\u{301}", "𝄞",
                                                "\u{1}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "’", "·", "*"]
    private static let text = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...10).map { String($0) }

    private static func quoted(_ text: String) -> String {
        var output = ""
        JSONValue.writeString(text, to: &output)
        return output
    }

    @Test func jsonStringsParseBackTheSame() async throws {
        await propertyCheck(count: 500, input: Self.text) { text in
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(Self.quoted(text))]".utf8)) as? [String]
            #expect(parsed?.first?.unicodeScalars.elementsEqual(text.unicodeScalars) == true, "\(text.debugDescription)")
        }
    }

    @Test func quotedTextInAMockupReadsBackTheSame() async {
        await propertyCheck(count: 300, input: Self.text) { text in
            guard !text.isEmpty else { return }
            let mockup = Fixtures.minimal.replacingOccurrences(of: "title: Essai", with: "title: \(Self.quoted(text))")
            let decoded = Fixtures.decoder.decode(Array(mockup.utf8))
            #expect(decoded.mockup?.title.unicodeScalars.elementsEqual(text.unicodeScalars) == true,
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) }): \(decoded.findings.map(\.message.en))")
        }
    }

    /// The shrunk cases: a byte-order mark at the start of a string (Foundation's JSON reader drops
    /// it when raw) and DEL or C1 controls, which YAML refuses raw.
    @Test func escapesForTheCasesFound() {
        #expect(Self.quoted("\u{FEFF}a\u{7F}\u{85}") == #""\ufeffa\u007f\u0085""#)
        let mockup = Fixtures.minimal.replacingOccurrences(of: "title: Essai", with: "title: \(Self.quoted("Essai\u{7F}"))")
        #expect(Fixtures.decoder.decode(Array(mockup.utf8)).mockup?.title == "Essai\u{7F}")
    }

    @Test func normalisationIsIdempotent() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let once = TextMatching.normalized(text)
            #expect(TextMatching.normalized(once) == once, "\(text.debugDescription) → \(once.debugDescription)")
        }
    }
}

/// The format's scalars: every valid day is read back from its own writing and placed on the
/// axis as Foundation's Gregorian calendar counts days; numbers read the same with a point or a
/// comma and with spaces between thousands.
@Suite struct ScalarProperties {
    @Test func datesReadBackAndCountDaysAsFoundationDoes() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        await propertyCheck(count: 500, input: Gen.int(in: 1600...2400), Gen.int(in: 1...12), Gen.int(in: 1...31)) { year, month, day in
            let components = DateComponents(year: year, month: month, day: day)
            let foundation = calendar.date(from: components).flatMap { calendar.dateComponents([.year, .month, .day], from: $0) }
            let valid = foundation?.year == year && foundation?.month == month && foundation?.day == day
            let date = CalendarDate(year: year, month: month, day: day)
            #expect((date != nil) == valid, "\(year)-\(month)-\(day)")
            guard let date, let instant = calendar.date(from: components) else { return }
            #expect(ScalarParser.date(date.description) == date)
            #expect(date.dayNumber == Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)), "\(date)")
        }
    }

    @Test func numbersReadWithEitherDecimalMarkAndGroupedThousands() async {
        await propertyCheck(count: 500, input: Gen.int(in: -99_999_999...99_999_999), Gen.int(in: 0...999)) { whole, fraction in
            let text = "\(whole).\(String(format: "%03d", fraction))"
            let value = Double(text)
            let digits = String(abs(whole))
            let grouped = stride(from: digits.count, to: 0, by: -3).reversed().map { end in
                String(digits[digits.index(digits.startIndex, offsetBy: max(0, end - 3))..<digits.index(digits.startIndex, offsetBy: end)])
            }.joined(separator: "\u{202F}")
            #expect(ScalarParser.number(text) == value)
            #expect(ScalarParser.number(text.replacingOccurrences(of: ".", with: ",")) == value)
            #expect(ScalarParser.number("\(whole < 0 ? "-" : "")\(grouped),\(String(format: "%03d", fraction))") == value, "\(grouped)")
        }
    }
}

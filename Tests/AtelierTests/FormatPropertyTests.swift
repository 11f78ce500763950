import AtelierCore
import AtelierMockup
import Foundation
import PropertyBased
import Testing

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

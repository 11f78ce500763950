import AtelierReport
import PropertyBased
import Testing

/// Escaping holds for any text, including the Characters Swift builds from several scalars
/// (a quote or "|" carrying a combining accent, "\r\n"), which a browser or a Markdown table
/// still reads one scalar at a time.
@Suite struct EscapingProperties {
    private static let alphabet: [Character] = ["a", "é", "<", ">", "\"", "'", "&", "|", "\r\n", "\n", "\r", "\u{301}", "`", "*", "\\", "#", " ", ";"]
    private static let text = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }.array(of: 0...12).map { String($0) }

    /// `escaped` split, scalar by scalar, into its `&…;` entities' names and the other scalars.
    private static func entities(_ escaped: String) -> (names: [String], rest: [Unicode.Scalar]) {
        var names: [String] = [], rest: [Unicode.Scalar] = []
        var entity: String.UnicodeScalarView?
        for scalar in escaped.unicodeScalars {
            if scalar == "&" {
                entity = String.UnicodeScalarView()
            } else if entity != nil, scalar == ";" {
                names.append(String(entity!))
                entity = nil
            } else if entity != nil {
                entity!.append(scalar)
            } else {
                rest.append(scalar)
            }
        }
        return (names, rest)
    }

    @Test func htmlEscapingLeavesNoMarkupAndKeepsEveryOtherScalar() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let escaped = HTML.escape(text)
            #expect(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, "\(escaped.debugDescription)")
            let (names, rest) = Self.entities(escaped)
            #expect(names.allSatisfy { ["amp", "lt", "gt", "quot", "#39"].contains($0) }, "\(escaped.debugDescription)")
            #expect(rest == text.unicodeScalars.filter { !"&<>\"'".unicodeScalars.contains($0) })
        }
    }

    /// The shrunk cases the properties found before escaping went by scalar.
    @Test func charactersOfSeveralScalarsAreEscapedScalarByScalar() {
        #expect(HTML.escape("x\"\u{301} onmouseover=alert(1)") == "x&quot;\u{301} onmouseover=alert(1)")
        #expect(MarkdownReporter.escape("a\r\nb|\u{301}") == "a  b\\|\u{301}")
    }

    @Test func markdownEscapingKeepsATableCellOnOneLine() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let escaped = MarkdownReporter.escape(text)
            let scalars = Array(escaped.unicodeScalars)
            #expect(!scalars.contains("\n") && !scalars.contains("\r") && !scalars.contains("<") && !scalars.contains(">"), "\(escaped.debugDescription)")
            var backslashes = 0
            for scalar in scalars {
                if scalar == "|" { #expect(backslashes % 2 == 1, "an unescaped | in \(escaped.debugDescription)") }
                backslashes = scalar == "\\" ? backslashes + 1 : 0
            }
        }
    }
}

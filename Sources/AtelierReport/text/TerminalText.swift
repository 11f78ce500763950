/// Text from files made safe for a terminal: control characters (escape sequences, carriage
/// returns, line ends, C1 controls, DEL) shown as visible escapes (`\x1b`, `\n`), so that a
/// survey answer, a YAML value or a file name can neither drive the terminal nor forge a line.
public enum TerminalText {
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case _ where isControl(scalar): output += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Tabs stay (they align the caret); everything else below a space, DEL and the C1 range is control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Characters of a source line shown around a column at most.
    public static let windowWidth = 100

    /// The part of `line` shown under a finding (the whole line when short, else a window
    /// around `column` with « … » at the cut ends), made safe, and the blanks that put a caret
    /// under the column.
    public static func window(_ line: Substring, column: Int) -> (excerpt: String, lead: String) {
        let characters = Array(line)
        let caret = max(0, min(column - 1, characters.count))
        var start = 0, end = characters.count
        if characters.count > windowWidth {
            start = max(0, min(caret - windowWidth / 2, characters.count - windowWidth))
            end = min(characters.count, start + windowWidth)
        }
        let before = characters[start..<caret].map { safe(String($0)) }
        let excerpt = (start > 0 ? "…" : "") + characters[start..<end].map { safe(String($0)) }.joined() + (end < characters.count ? "…" : "")
        let lead = (start > 0 ? " " : "") + before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: $0.count) }.joined()
        return (excerpt, lead)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

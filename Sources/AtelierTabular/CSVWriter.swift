/// Writes CSV that spreadsheets open safely: fields quoted when needed, and a field starting
/// with `=`, `+`, `-` or `@` prefixed with an apostrophe so it is never run as a formula.
public enum CSVWriter {
    /// Works on scalars, not characters: "\r\n" is one Character (neither "\r" nor "\n"), and a
    /// quote or an "=" followed by a combining accent is one Character too, yet a quote for the
    /// CSV reader and a formula start for Excel.
    public static func field(_ text: String) -> String {
        let safe = text.unicodeScalars.first.map { "=+-@".unicodeScalars.contains($0) } == true ? "'" + text : text
        guard safe.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return safe }
        var quoted = String.UnicodeScalarView()
        for scalar in safe.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            quoted.append(scalar)
        }
        return "\"" + String(quoted) + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

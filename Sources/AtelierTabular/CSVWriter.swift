/// Writes CSV that spreadsheets open safely: fields quoted when needed, and a field starting
/// with `=`, `+`, `-` or `@` prefixed with an apostrophe so it is never run as a formula.
public enum CSVWriter {
    public static func field(_ text: String) -> String {
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

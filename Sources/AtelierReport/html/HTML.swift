// AtelierReport: what people read — terminal, JSON and Markdown reports, project sheets,
// questionnaires, impact and grading workbooks and pages — and the atomic output writer.

import AtelierCore

/// Self-contained HTML pages: every text from a document is escaped, nothing is loaded
/// from the network.
public enum HTML {
    /// Escapes by scalar, not by character: a quote followed by a combining accent is one Swift
    /// Character, yet it would still end an attribute for the browser.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    public static func page(title: String, language: Language, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}

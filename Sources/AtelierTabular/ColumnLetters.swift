/// Spreadsheet column letters both ways: A is column 0, Z 25, AA 26.
public enum ColumnLetters {
    public static func letters(_ column: Int) -> String {
        var index = column + 1, text = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + remainder))) + text
            index = (index - 1) / 26
        }
        return text
    }

    /// The column of `text` if it is a letter reference (one to three capitals).
    public static func index(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        return text.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
    }
}

import AtelierCore
import AtelierTabular
import Foundation

/// The helpers the long formats (scores, peer ratings, Canvas rubrics) share.
enum LongFormat {
    /// For each wanted column, the index of the first header among its accepted names.
    static func columns(_ header: [String], _ wanted: [(String, [String])]) -> [String: Int] {
        let normalized = header.map(TextMatching.normalized)
        var found: [String: Int] = [:]
        for (key, accepted) in wanted {
            if let index = normalized.firstIndex(where: accepted.contains) { found[key] = index }
        }
        return found
    }

    /// A row's cells by index, trimmed, empty past the end.
    static func cells(_ row: TableRow) -> (Int) -> String {
        { index in index < row.cells.count ? row.cells[index].trimmingCharacters(in: .whitespaces) : "" }
    }

    /// Opens a table (CSV, xlsx or ods, `sheet` or the first), its errors in the user's words.
    static func open(_ path: String, sheet: String? = nil) throws -> any TableReader {
        try UserError.reading { () throws(TableError) in try TableFile.open(path: path, sheet: sheet) }
    }

    static func nextRow(_ reader: inout any TableReader) throws -> TableRow? {
        try UserError.reading { () throws(TableError) in try reader.nextRow() }
    }
}

// AtelierTabular: tables as the survey tools write them — streaming CSV in any encoding,
// xlsx and ods through a bounded zip reader and XML scanner, column letters, the CSV writer.

import AtelierCore
import Foundation

/// Opens a survey export with the reader its content calls for (a zip package is an xlsx or
/// an ods, anything else is delimited text), whatever its extension says.
public enum TableFile {
    public static func open(path: String, delimiter: UInt8? = nil, sheet: String? = nil) throws(TableError) -> any TableReader {
        guard try isPackage(path) else { return try CSVReader(path: path, delimiter: delimiter) }
        let archive = try SpreadsheetArchive(path: path)
        if archive.contains("xl/workbook.xml") { return try XLSXReader(archive: archive, sheet: sheet) }
        if archive.contains("content.xml") { return try ODSReader(archive: archive, sheet: sheet) }
        throw TableError(file: path, kind: .malformedArchive(TabularMessage.text(.archiveNeitherXLSXNorODS)))
    }

    /// The sheets of a workbook (xlsx or ods), in order; nil for delimited text, which has one table.
    public static func sheetNames(path: String) throws(TableError) -> [String]? {
        guard try isPackage(path) else { return nil }
        let archive = try SpreadsheetArchive(path: path)
        if archive.contains("xl/workbook.xml") { return try XLSXReader.sheetNames(in: archive) }
        if archive.contains("content.xml") { return try ODSReader.sheetNames(in: archive) }
        throw TableError(file: path, kind: .malformedArchive(TabularMessage.text(.archiveNeitherXLSXNorODS)))
    }

    private static func isPackage(_ path: String) throws(TableError) -> Bool {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: 4) ?? Data()) == [0x50, 0x4B, 0x03, 0x04]
        } catch {
            throw TableError(file: path, kind: .unreadable(error.localizedDescription))
        }
    }
}

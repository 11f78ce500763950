// The CSV reader alone, for `make bench`'s « reading alone » figure: every row of the export
// read with Atelier's reader (encoding, quotes, fields recorded where they lie) and nothing
// else, the rows, fields and field bytes counted so that no work can be left out.
// Usage: atelier-read-bench EXPORT.csv
import AtelierTabular
import Foundation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: atelier-read-bench EXPORT.csv\n".utf8))
    exit(2)
}
do {
    var reader = try CSVReader(path: CommandLine.arguments[1])
    var row = RawRow()
    var (rows, fields, bytes) = (0, 0, 0)
    while try reader.nextRawRow(&row) {
        rows += 1
        fields += row.count
        for field in 0..<row.count { bytes += row.range(field).count }
    }
    print("\(rows) rows, \(fields) fields, \(bytes) bytes of fields")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

import AtelierCore
import Foundation

/// A zip package (xlsx, ods) opened with bounds against zip bombs: every entry's declared
/// size, the total, and the compression ratio are checked before anything is inflated, and
/// inflating never goes past the declared size.
struct SpreadsheetArchive {
    static let maxEntryBytes: UInt64 = 2 << 30
    static let maxTotalBytes: UInt64 = 4 << 30
    static let maxRatio: UInt64 = 200

    let file: String
    private let archive: ZipArchive

    init(path: String) throws(TableError) {
        file = path
        do {
            archive = try ZipArchive(path: path)
        } catch {
            throw TableError(file: path, kind: .malformedArchive(error.reason))
        }
        var total: UInt64 = 0
        for entry in archive.entries {
            let size = entry.uncompressedSize
            total += size
            if size > Self.maxEntryBytes || total > Self.maxTotalBytes
                || (entry.compressedSize > 0 && size / max(entry.compressedSize, 1) > Self.maxRatio && size > 10 << 20) {
                throw TableError(file: path, kind: .malformedArchive(TabularMessage.text(.archiveZipBomb, ["part": entry.path, "size": "\(size)"])))
            }
        }
    }

    func contains(_ path: String) -> Bool {
        archive[path] != nil
    }

    /// An entry's bytes (a sheet, the shared strings), inflated as they are read: nothing is
    /// written to disk and memory stays at a few chunks.
    func bytes(_ path: String) throws(TableError) -> ChunkedBytes {
        guard let entry = archive[path] else { throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archiveMissingPart, ["part": path]))) }
        do {
            return ChunkedBytes(source: try archive.stream(entry), file: file)
        } catch {
            throw TableError(file: file, kind: .malformedArchive(error.reason))
        }
    }

    /// Parts read whole (workbook, relationships) hold a few names; more than this is refused.
    static let maxSmallEntryBytes: UInt64 = 16 << 20

    /// The XML events of a small entry (none when it is absent).
    func events(_ path: String) throws(TableError) -> [XMLScanner.Event] {
        guard let size = archive[path]?.uncompressedSize else { return [] }
        guard size <= Self.maxSmallEntryBytes else {
            throw TableError(file: file, kind: .malformedArchive(TabularMessage.text(.archivePartTooLarge, ["part": path, "size": "\(size)", "limit": "\(Self.maxSmallEntryBytes)"])))
        }
        var scanner = XMLScanner(bytes: try bytes(path))
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }
}

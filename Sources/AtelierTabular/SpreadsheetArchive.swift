import Foundation
import ZIPFoundation

/// A zip package (xlsx, ods) opened with bounds against zip bombs: every entry's declared
/// size, the total, and the compression ratio are checked before anything is inflated.
struct SpreadsheetArchive {
    static let maxEntryBytes: UInt64 = 2 << 30
    static let maxTotalBytes: UInt64 = 4 << 30
    static let maxRatio: UInt64 = 200

    let file: String
    private let archive: Archive

    init(path: String) throws(TableError) {
        file = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw TableError(file: path, kind: .malformedArchive("not a zip package (\(error.localizedDescription))"))
        }
        var total: UInt64 = 0
        for entry in archive {
            let size = entry.uncompressedSize
            total += size
            if size > Self.maxEntryBytes || total > Self.maxTotalBytes
                || (entry.compressedSize > 0 && size / max(entry.compressedSize, 1) > Self.maxRatio && size > 10 << 20) {
                throw TableError(file: path, kind: .malformedArchive("\(entry.path): \(size) bytes once inflated, over the limits (a zip bomb?)"))
            }
        }
    }

    func contains(_ path: String) -> Bool {
        archive[path] != nil
    }

    /// A small entry (workbook, relationships, shared strings) in memory.
    func data(_ path: String) throws(TableError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw TableError(file: file, kind: .malformedArchive("\(path): \(error.localizedDescription)"))
        }
        return data
    }

    /// A large entry (a sheet) inflated to a temporary file and opened for chunked reading;
    /// the file is removed as soon as it is opened.
    func stream(_ path: String) throws(TableError) -> ChunkedBytes {
        guard let entry = archive[path] else { throw TableError(file: file, kind: .malformedArchive("\(path) is missing")) }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-\(UUID().uuidString).xml")
        do {
            _ = try archive.extract(entry, to: temporary)
            let handle = try FileHandle(forReadingFrom: temporary)
            try? FileManager.default.removeItem(at: temporary)
            return ChunkedBytes(source: try ByteSource(handle: handle, skipping: 0, transcodeUTF16: false), file: file)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TableError(file: file, kind: .malformedArchive("\(path): \(error.localizedDescription)"))
        }
    }

    /// Parts read whole (workbook, relationships) hold a few names; more than this is refused.
    static let maxSmallEntryBytes: UInt64 = 16 << 20

    /// The XML events of a small entry.
    func events(_ path: String) throws(TableError) -> [XMLScanner.Event] {
        if let size = archive[path]?.uncompressedSize, size > Self.maxSmallEntryBytes {
            throw TableError(file: file, kind: .malformedArchive("\(path): \(size) bytes once inflated, more than \(Self.maxSmallEntryBytes) for this part"))
        }
        guard let data = try data(path) else { return [] }
        var scanner = XMLScanner(bytes: ChunkedBytes(bytes: [UInt8](data), file: file))
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }
}

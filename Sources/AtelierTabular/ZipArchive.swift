import AtelierCore
import CInflate
import Foundation

/// A zip file read for its entries: the central directory (zip64 included) parsed with bounds,
/// and an entry inflated by zlib from exactly its compressed bytes, its size and CRC checked.
/// Damaged packages end in an error, never in a loop: every read is bounded by the file's size.
final class ZipArchive {
    struct Entry {
        let path: String
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
    }

    /// Why a package cannot be read.
    struct Damage: Error {
        let reason: Localized

        init(_ key: MessageKey, _ arguments: [String: String] = [:]) {
            reason = Catalogue.text(key, arguments)
        }
    }

    static let maxEntries = 100_000
    static let maxDirectoryBytes: UInt64 = 64 << 20
    private static let chunkBytes = 1 << 16

    let entries: [Entry]
    private let descriptor: Int32
    private let fileSize: UInt64

    init(path: String) throws(Damage) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Damage(.archiveUnreadable, ["reason": String(cString: strerror(errno))]) }
        var status = stat()
        fileSize = fstat(descriptor, &status) == 0 ? UInt64(status.st_size) : 0
        do {
            entries = try Self.readDirectory(descriptor: descriptor, fileSize: fileSize)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit {
        close(descriptor)
    }

    /// The first entry with this path.
    subscript(path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// Hands the entry's bytes to `consume` a chunk at a time; fails when the data is not what
    /// the directory declares (truncated, longer, wrong CRC, unknown method, encrypted).
    func extract(_ entry: Entry, into consume: ([UInt8]) throws(Damage) -> Void) throws(Damage) {
        let header = try read(at: entry.localHeaderOffset, count: 30)
        guard header.uint32(at: 0) == 0x0403_4b50 else { throw Damage(.archiveNoLocalHeader, ["part": entry.path]) }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(header.uint16(at: 26)) + UInt64(header.uint16(at: 28))
        guard dataOffset <= fileSize, entry.compressedSize <= fileSize - dataOffset else {
            throw Damage(.archiveDataPastEnd, ["part": entry.path])
        }
        var checksum: UInt = 0
        var produced: UInt64 = 0
        let checked: ([UInt8]) throws(Damage) -> Void = { chunk throws(Damage) in
            produced += UInt64(chunk.count)
            guard produced <= entry.uncompressedSize else { throw Damage(.archiveLongerThanDeclared, ["part": entry.path, "size": "\(entry.uncompressedSize)"]) }
            checksum = chunk.withUnsafeBufferPointer { CInflate.crc32(checksum, $0.baseAddress, UInt32($0.count)) }
            try consume(chunk)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw Damage(.archiveStoredSizes, ["part": entry.path]) }
            try readChunks(from: dataOffset, count: entry.compressedSize, into: checked)
        case 8:
            try inflate(entry, from: dataOffset, into: checked)
        default:
            throw Damage(.archiveMethod, ["part": entry.path, "method": "\(entry.method)"])
        }
        guard produced == entry.uncompressedSize else { throw Damage(.archiveSizeMismatch, ["part": entry.path, "size": "\(produced)", "declared": "\(entry.uncompressedSize)"]) }
        guard UInt32(checksum) == entry.crc32 else { throw Damage(.archiveChecksum, ["part": entry.path]) }
    }

    private func inflate(_ entry: Entry, from offset: UInt64, into consume: ([UInt8]) throws(Damage) -> Void) throws(Damage) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Damage(.archiveDamagedData, ["part": entry.path])
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Self.chunkBytes)
        var ended = false
        try readChunks(from: offset, count: entry.compressedSize) { (input: [UInt8]) throws(Damage) in
            guard !ended else { return }
            var input = input
            let inputCount = input.count
            try input.withUnsafeMutableBufferPointer { (source: inout UnsafeMutableBufferPointer<UInt8>) throws(Damage) in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(inputCount)
                var progressed = true
                while !ended && progressed {
                    let inputBefore = stream.avail_in
                    let (result, count) = output.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = UInt32(target.count)
                        return (CInflate.inflate(&stream, Z_NO_FLUSH), target.count - Int(stream.avail_out))
                    }
                    guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                        throw Damage(.archiveDamagedData, ["part": entry.path])
                    }
                    if count > 0 { try consume(Array(output[..<count])) }
                    ended = result == Z_STREAM_END
                    progressed = count > 0 || stream.avail_in < inputBefore
                }
            }
        }
        guard ended else { throw Damage(.archiveTruncatedData, ["part": entry.path]) }
    }

    /// Reads `count` bytes from `offset` a chunk at a time.
    private func readChunks(from offset: UInt64, count: UInt64, into consume: ([UInt8]) throws(Damage) -> Void) throws(Damage) {
        var position = offset
        let end = offset + count
        while position < end {
            let chunk = try read(at: position, count: Int(min(UInt64(Self.chunkBytes), end - position)))
            try consume(chunk)
            position += UInt64(chunk.count)
        }
    }

    /// Exactly `count` bytes at `offset`, or an error if the file is shorter.
    private func read(at offset: UInt64, count: Int) throws(Damage) -> [UInt8] {
        try Self.read(descriptor, at: offset, count: count, fileSize: fileSize)
    }

    private static func read(_ descriptor: Int32, at offset: UInt64, count: Int, fileSize: UInt64) throws(Damage) -> [UInt8] {
        guard offset <= fileSize, UInt64(count) <= fileSize - offset else { throw Damage(.archivePastEnd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            guard got > 0 else { throw got < 0 ? Damage(.archiveUnreadable, ["reason": String(cString: strerror(errno))]) : Damage(.archiveEndsEarly) }
            done += got
        }
        return bytes
    }

    // MARK: - Central directory

    private static func readDirectory(descriptor: Int32, fileSize: UInt64) throws(Damage) -> [Entry] {
        let tailCount = Int(min(fileSize, 22 + 0xFFFF))
        let tail = try read(descriptor, at: fileSize - UInt64(tailCount), count: tailCount, fileSize: fileSize)
        guard let end = stride(from: tailCount - 22, through: 0, by: -1).first(where: { tail.uint32(at: $0) == 0x0605_4b50 }) else {
            throw Damage(.archiveNotZip)
        }
        var count = UInt64(tail.uint16(at: end + 10))
        var size = UInt64(tail.uint32(at: end + 12))
        var offset = UInt64(tail.uint32(at: end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            (count, size, offset) = try readZip64End(descriptor: descriptor, fileSize: fileSize, endOffset: fileSize - UInt64(tailCount) + UInt64(end))
        }
        guard count <= UInt64(maxEntries), size <= maxDirectoryBytes else { throw Damage(.archiveDirectoryTooLarge, ["count": "\(count)", "size": "\(size)"]) }
        let directory = try read(descriptor, at: offset, count: Int(size), fileSize: fileSize)
        var entries: [Entry] = []
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.uint32(at: position) == 0x0201_4b50 else {
                throw Damage(.archiveDirectoryDamaged, ["entry": "\(entries.count + 1)"])
            }
            let nameLength = Int(directory.uint16(at: position + 28)), extraLength = Int(directory.uint16(at: position + 30))
            let next = position + 46 + nameLength + extraLength + Int(directory.uint16(at: position + 32))
            guard next <= directory.count else { throw Damage(.archiveDirectoryDamaged, ["entry": "\(entries.count + 1)"]) }
            let path = String(decoding: directory[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            guard directory.uint16(at: position + 8) & 1 == 0 else { throw Damage(.archiveEncrypted, ["part": path]) }
            var sizes = Zip64Fields(uncompressed: UInt64(directory.uint32(at: position + 24)), compressed: UInt64(directory.uint32(at: position + 20)),
                                    offset: UInt64(directory.uint32(at: position + 42)))
            sizes.widen(from: Array(directory[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)]))
            entries.append(Entry(path: path, method: directory.uint16(at: position + 10), crc32: directory.uint32(at: position + 16),
                                 compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed, localHeaderOffset: sizes.offset))
            position = next
        }
        return entries
    }

    /// The zip64 end record, found through its locator just before the classic end record.
    private static func readZip64End(descriptor: Int32, fileSize: UInt64, endOffset: UInt64) throws(Damage) -> (UInt64, UInt64, UInt64) {
        guard endOffset >= 20 else { throw Damage(.archiveZip64Damaged) }
        let locator = try read(descriptor, at: endOffset - 20, count: 20, fileSize: fileSize)
        guard locator.uint32(at: 0) == 0x0706_4b50 else { throw Damage(.archiveZip64Damaged) }
        let record = try read(descriptor, at: locator.uint64(at: 8), count: 56, fileSize: fileSize)
        guard record.uint32(at: 0) == 0x0606_4b50 else { throw Damage(.archiveZip64Damaged) }
        return (record.uint64(at: 32), record.uint64(at: 40), record.uint64(at: 48))
    }

    /// The sizes and offset of a directory entry, which the zip64 extra field replaces when
    /// they read 0xFFFFFFFF (in this order, only those that overflowed).
    private struct Zip64Fields {
        var uncompressed: UInt64
        var compressed: UInt64
        var offset: UInt64

        mutating func widen(from extra: [UInt8]) {
            var position = 0
            while position + 4 <= extra.count {
                let id = extra.uint16(at: position), length = Int(extra.uint16(at: position + 2))
                let end = min(position + 4 + length, extra.count)
                if id == 0x0001 {
                    var field = position + 4
                    for path in [\Zip64Fields.uncompressed, \.compressed, \.offset] where self[keyPath: path] == 0xFFFF_FFFF && field + 8 <= end {
                        self[keyPath: path] = extra.uint64(at: field)
                        field += 8
                    }
                }
                position = end
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// Little-endian integers, as zip stores them.
    fileprivate func uint16(at index: Int) -> UInt16 {
        UInt16(self[index]) | UInt16(self[index + 1]) << 8
    }

    fileprivate func uint32(at index: Int) -> UInt32 {
        UInt32(uint16(at: index)) | UInt32(uint16(at: index + 2)) << 16
    }

    fileprivate func uint64(at index: Int) -> UInt64 {
        UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32
    }
}

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

        init(_ key: TabularMessage, _ arguments: [String: String] = [:]) {
            reason = TabularMessage.text(key, arguments)
        }
    }

    static let maxEntries = 100_000
    static let maxDirectoryBytes: UInt64 = 64 << 20
    fileprivate static let chunkBytes = 1 << 16

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

    /// The entry's bytes, to read a chunk at a time (see `EntryStream`).
    func stream(_ entry: Entry) throws(Damage) -> EntryStream {
        let header = try read(at: entry.localHeaderOffset, count: 30)
        guard header.uint32(at: 0) == 0x0403_4b50 else { throw Damage(.archiveNoLocalHeader, ["part": entry.path]) }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(header.uint16(at: 26)) + UInt64(header.uint16(at: 28))
        guard dataOffset <= fileSize, entry.compressedSize <= fileSize - dataOffset else {
            throw Damage(.archiveDataPastEnd, ["part": entry.path])
        }
        switch entry.method {
        case 0 where entry.compressedSize != entry.uncompressedSize: throw Damage(.archiveStoredSizes, ["part": entry.path])
        case 0, 8: return try EntryStream(archive: self, entry: entry, dataOffset: dataOffset)
        default: throw Damage(.archiveMethod, ["part": entry.path, "method": "\(entry.method)"])
        }
    }

    /// One entry's bytes, produced on demand: stored bytes copied, deflated ones inflated by zlib
    /// from exactly the entry's compressed bytes. More data than declared, less, a stream that
    /// stops early or a wrong CRC end in an error; nothing is written to disk.
    final class EntryStream: ChunkSource {
        private let archive: ZipArchive
        private let entry: Entry
        private var inputOffset: UInt64
        private let inputEnd: UInt64
        /// zlib's state points back to its stream, and the stream to its input: both stay at one
        /// address (nil for a stored entry).
        private let zlib: (stream: UnsafeMutablePointer<z_stream>, input: UnsafeMutablePointer<UInt8>)?
        private var produced: UInt64 = 0
        private var checksum: UInt = 0
        private var ended = false

        fileprivate init(archive: ZipArchive, entry: Entry, dataOffset: UInt64) throws(Damage) {
            self.archive = archive
            self.entry = entry
            inputOffset = dataOffset
            inputEnd = dataOffset + entry.compressedSize
            guard entry.method == 8 else {
                zlib = nil
                return
            }
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                throw Damage(.archiveDamagedData, ["part": entry.path])
            }
            zlib = (stream, UnsafeMutablePointer<UInt8>.allocate(capacity: ZipArchive.chunkBytes))
        }

        deinit {
            if let zlib {
                inflateEnd(zlib.stream)
                zlib.stream.deallocate()
                zlib.input.deallocate()
            }
        }

        /// Appends the next bytes of the entry to `buffer`; false at its end, once its size and
        /// CRC are checked.
        func append(to buffer: inout [UInt8]) throws(Damage) -> Bool {
            let start = buffer.count
            while !ended {
                guard try produce(into: &buffer) == 0 else {
                    try check(buffer[start...])
                    return true
                }
            }
            guard produced == entry.uncompressedSize else {
                throw Damage(.archiveSizeMismatch, ["part": entry.path, "size": "\(produced)", "declared": "\(entry.uncompressedSize)"])
            }
            guard UInt32(checksum) == entry.crc32 else { throw Damage(.archiveChecksum, ["part": entry.path]) }
            return false
        }

        /// Appends what one step yields (a chunk of stored bytes, or one call to inflate) and
        /// returns its length; sets `ended` at the end of the entry. Every step reads input or
        /// writes output, or fails: it cannot loop.
        private func produce(into buffer: inout [UInt8]) throws(Damage) -> Int {
            let next = Int(min(UInt64(ZipArchive.chunkBytes), inputEnd - inputOffset))
            guard let (stream, input) = zlib else {
                ended = next == 0
                buffer += try archive.read(at: inputOffset, count: next)
                inputOffset += UInt64(next)
                return next
            }
            if stream.pointee.avail_in == 0 && next > 0 {
                try archive.read(at: inputOffset, count: next, into: input)
                inputOffset += UInt64(next)
                stream.pointee.next_in = input
                stream.pointee.avail_in = UInt32(next)
            }
            let inputBefore = stream.pointee.avail_in
            let start = buffer.count
            buffer += repeatElement(0, count: ZipArchive.chunkBytes)
            let result = buffer.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_out = target.baseAddress! + start
                stream.pointee.avail_out = UInt32(ZipArchive.chunkBytes)
                return CInflate.inflate(stream, Z_NO_FLUSH)
            }
            let count = ZipArchive.chunkBytes - Int(stream.pointee.avail_out)
            buffer.removeLast(ZipArchive.chunkBytes - count)
            guard result == Z_OK || result == Z_BUF_ERROR || result == Z_STREAM_END else { throw Damage(.archiveDamagedData, ["part": entry.path]) }
            ended = result == Z_STREAM_END
            if !ended && count == 0 && stream.pointee.avail_in == inputBefore {
                // Nothing came out and nothing went in: zlib wants input the entry does not have.
                throw Damage(inputBefore == 0 ? .archiveTruncatedData : .archiveDamagedData, ["part": entry.path])
            }
            return count
        }

        /// Counts new bytes against the declared size and adds them to the CRC.
        private func check(_ bytes: ArraySlice<UInt8>) throws(Damage) {
            produced += UInt64(bytes.count)
            guard produced <= entry.uncompressedSize else {
                throw Damage(.archiveLongerThanDeclared, ["part": entry.path, "size": "\(entry.uncompressedSize)"])
            }
            checksum = bytes.withUnsafeBufferPointer { CInflate.crc32(checksum, $0.baseAddress, UInt32($0.count)) }
        }
    }

    /// Exactly `count` bytes at `offset`, or an error if the file is shorter.
    fileprivate func read(at offset: UInt64, count: Int) throws(Damage) -> [UInt8] {
        try Self.read(descriptor, at: offset, count: count, fileSize: fileSize)
    }

    fileprivate func read(at offset: UInt64, count: Int, into target: UnsafeMutablePointer<UInt8>) throws(Damage) {
        try Self.read(descriptor, at: offset, count: count, fileSize: fileSize, into: target)
    }

    private static func read(_ descriptor: Int32, at offset: UInt64, count: Int, fileSize: UInt64) throws(Damage) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        try bytes.withUnsafeMutableBufferPointer { (target: inout UnsafeMutableBufferPointer<UInt8>) throws(Damage) in
            try read(descriptor, at: offset, count: count, fileSize: fileSize, into: target.baseAddress!)
        }
        return bytes
    }

    private static func read(_ descriptor: Int32, at offset: UInt64, count: Int, fileSize: UInt64, into target: UnsafeMutablePointer<UInt8>) throws(Damage) {
        guard offset <= fileSize, UInt64(count) <= fileSize - offset else { throw Damage(.archivePastEnd) }
        var done = 0
        while done < count {
            let got = pread(descriptor, target + done, count - done, off_t(offset) + off_t(done))
            guard got > 0 else { throw got < 0 ? Damage(.archiveUnreadable, ["reason": String(cString: strerror(errno))]) : Damage(.archiveEndsEarly) }
            done += got
        }
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

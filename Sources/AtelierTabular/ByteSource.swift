import Foundation

/// A file read in chunks, so memory does not grow with its size. UTF-16 LE is transcoded to
/// UTF-8 on the fly, so the parser only ever sees ASCII delimiters in UTF-8 or single-byte text.
struct ByteSource {
    private let handle: FileHandle
    private let transcodeUTF16: Bool
    private var pendingUTF16: [UInt8] = []
    static let chunkSize = 1 << 20
    /// Room made at the end of the buffer before a read (copied in one go, even in debug builds).
    private static let blankChunk = [UInt8](repeating: 0, count: chunkSize)

    init(handle: FileHandle, skipping bomLength: Int, transcodeUTF16: Bool) throws {
        self.handle = handle
        self.transcodeUTF16 = transcodeUTF16
        try handle.seek(toOffset: UInt64(bomLength))
    }

    /// Appends the next chunk to `buffer`, reading straight into its storage (no chunk is
    /// allocated, so a long file costs no page faults after the first chunks); false at the end.
    mutating func append(to buffer: inout [UInt8]) throws -> Bool {
        guard !transcodeUTF16 else {
            guard let chunk = try next() else { return false }
            buffer += chunk
            return true
        }
        let start = buffer.count
        buffer.append(contentsOf: Self.blankChunk)
        let descriptor = handle.fileDescriptor
        let count = buffer.withUnsafeMutableBufferPointer { storage -> Int in
            var result: Int
            repeat {
                result = read(descriptor, storage.baseAddress! + start, Self.chunkSize)
            } while result < 0 && errno == EINTR
            return result
        }
        guard count >= 0 else {
            buffer.removeLast(Self.chunkSize)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        buffer.removeLast(Self.chunkSize - count)
        return count > 0
    }

    /// The next chunk of bytes, or nil at the end of the file.
    mutating func next() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else {
            return pendingUTF16.isEmpty ? nil : [0xEF, 0xBF, 0xBD].also { pendingUTF16 = [] }
        }
        guard transcodeUTF16 else { return [UInt8](data) }
        let bytes = pendingUTF16 + [UInt8](data)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
            index += 2
        }
        if let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            index -= 2
        }
        pendingUTF16 = Array(bytes[index...])
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { output.append($0) }
        return output
    }
}

extension Array {
    /// The array, after running `body` (to reset state while returning a value).
    fileprivate func also(_ body: () -> Void) -> Array {
        body()
        return self
    }
}

import Foundation

/// Where `ChunkedBytes` gets its bytes: a file (`ByteSource`) or a zip entry as it is inflated
/// (`ZipArchive.EntryStream`).
protocol ChunkSource {
    /// Appends the next chunk to `buffer`; false at the end.
    mutating func append(to buffer: inout [UInt8]) throws -> Bool
}

extension ByteSource: ChunkSource {}

/// A window on a file's bytes, refilled chunk by chunk: the CSV parser and the XML scanner
/// read through it, so memory does not grow with the file.
struct ChunkedBytes {
    private var source: (any ChunkSource)?
    private(set) var buffer: [UInt8] = []
    var position = 0
    private(set) var atEnd = false
    /// What to name when reading fails.
    let file: String

    init(source: any ChunkSource, file: String) {
        self.source = source
        self.file = file
    }

    /// Makes at least `count` unread bytes available, unless the file ends first.
    mutating func fill(atLeast count: Int) throws(TableError) {
        while !atEnd && buffer.count - position < count {
            do {
                if position > 0 {
                    buffer.removeFirst(position)
                    position = 0
                }
                guard try source?.append(to: &buffer) == true else {
                    atEnd = true
                    return
                }
            } catch let damage as ZipArchive.Damage {
                throw TableError(file: file, kind: .malformedArchive(damage.reason))
            } catch {
                throw TableError(file: file, kind: .unreadable(error.localizedDescription))
            }
        }
    }

    /// Lets `body` rewrite the buffer in place (a field unquoted where it lies).
    mutating func rewrite<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Result) -> Result {
        buffer.withUnsafeMutableBufferPointer { body($0) }
    }

    /// The next byte, or nil at the end of the file.
    mutating func next() throws(TableError) -> UInt8? {
        if position >= buffer.count { try fill(atLeast: 1) }
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// The byte `offset` places ahead, without consuming it.
    mutating func peek(_ offset: Int = 0) throws(TableError) -> UInt8? {
        if position + offset >= buffer.count { try fill(atLeast: offset + 1) }
        return position + offset < buffer.count ? buffer[position + offset] : nil
    }
}

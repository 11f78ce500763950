/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for fingerprints written to files and for duplicates.
/// Inlinable, so that hashing bytes is specialised where it is called (it is on a hot path).
public struct StableHash: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf29ce484222325

    @inlinable public init() {}

    public var value: UInt64 { state }

    @inlinable public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x100000001b3
        }
    }

    /// One word, mixed as `addWords` mixes each of its words.
    @inlinable public mutating func add(word: UInt64) {
        state = (state ^ word) &* 0x9E3779B97F4A7C15
        state ^= state >> 31
    }

    /// Bytes in memory, eight at a time (a different, faster mix than `add`, equally stable):
    /// for hashing whole rows.
    @inlinable public mutating func addWords(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset + 8 <= bytes.count {
            add(word: ByteWords.word(at: base + offset))
            offset += 8
        }
        while offset < bytes.count {
            state = (state ^ UInt64(bytes[offset])) &* 0x100000001b3
            offset += 1
        }
    }
}

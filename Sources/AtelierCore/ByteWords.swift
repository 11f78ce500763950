/// Bytes in memory read as little-endian 64-bit words, to hash and compare cells a word at a
/// time. Inlinable: it is called for every cell read.
public enum ByteWords {
    /// The eight bytes at `start`.
    @inlinable @inline(__always)
    public static func word(at start: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
    }

    /// The `count` bytes (at most 8; none when `count` is 0 or less) at `start` as a word, zeros
    /// above them: read as one whole word and masked when `readable` bytes from `start` may be
    /// read (8 or more), byte by byte otherwise, so that what lies past them never counts. The
    /// whole word is masked without a branch on `count`: cells of varying lengths do not make
    /// the processor guess.
    @inlinable @inline(__always)
    public static func word(at start: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
        let kept = min(max(count, 0), 8)
        if readable >= 8 {
            return word(at: start) & (kept == 8 ? UInt64.max : (1 &<< UInt64(8 * kept)) &- 1)
        }
        var word: UInt64 = 0
        for index in 0..<kept { word |= UInt64(start[index]) << (8 * UInt64(index)) }
        return word
    }
}

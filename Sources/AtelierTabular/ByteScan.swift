import AtelierCore

/// Finding the next of three bytes (a delimiter, a line end, a quote) eight bytes at a time,
/// as one 64-bit word: each byte equal to one of them is found with the classic « has a zero
/// byte » test on the word XOR that byte repeated. The lowest flagged byte is always a true
/// match (a borrow can only flag bytes above a true zero), so the first match is exact.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each zero byte of `word`, and perhaps of bytes above the first one.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// The index of the first byte at or after `start` equal to `a`, `b` or `c`; the buffer's
    /// count when there is none.
    @inline(__always)
    static func first(of a: UInt8, _ b: UInt8, _ c: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var next = start
        if let base = buffer.baseAddress {
            let (wordA, wordB, wordC) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c))
            while next + 8 <= buffer.count {
                let word = ByteWords.word(at: base + next)
                let found = zeroBytes(word ^ wordA) | zeroBytes(word ^ wordB) | zeroBytes(word ^ wordC)
                if found != 0 { return next + found.trailingZeroBitCount / 8 }
                next += 8
            }
        }
        while next < buffer.count {
            let byte = buffer[next]
            if byte == a || byte == b || byte == c { return next }
            next += 1
        }
        return next
    }
}

/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for fingerprints written to files and for duplicates.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100000001b3
        }
    }
}

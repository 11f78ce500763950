import CInflate
import Foundation

/// A zip archive of small files, stored without compression (what a folder of feedback files
/// needs): names in UTF-8, a CRC-32 per file, no ZIP64 (each file and the whole under 4 GB).
public struct ZipWriter: Sendable {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ name: String, _ content: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let checksum = content.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let offset = UInt32(bytes.count)
        var local: [UInt8] = []
        local.append(contentsOf: Self.le32(0x0403_4B50))
        local.append(contentsOf: Self.common(checksum: checksum, size: UInt32(content.count), nameLength: UInt16(nameBytes.count)))
        bytes += local + nameBytes + content
        var entry: [UInt8] = Self.le32(0x0201_4B50) + Self.le16(20)
        entry += Self.common(checksum: checksum, size: UInt32(content.count), nameLength: UInt16(nameBytes.count))
        entry += Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset)
        directory += entry + nameBytes
        count += 1
    }

    /// The archive's bytes: the files, then the central directory and its end record.
    public var data: Data {
        let end = Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(count)) + Self.le16(UInt16(count))
            + Self.le32(UInt32(directory.count)) + Self.le32(UInt32(bytes.count)) + Self.le16(0)
        return Data(bytes + directory + end)
    }

    /// The fields a local header and a directory entry share: version 2.0, UTF-8 names, stored,
    /// 1 January 1980, the checksum and sizes, the name's length, no extra field.
    private static func common(checksum: UInt32, size: UInt32, nameLength: UInt16) -> [UInt8] {
        le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x0021) + le32(checksum) + le32(size) + le32(size) + le16(nameLength) + le16(0)
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

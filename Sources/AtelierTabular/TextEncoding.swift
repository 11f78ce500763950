// AtelierTabular owns reading survey exports row by row: byte streams, encoding and
// delimiter detection, the RFC 4180 parser, and the errors that say where reading stopped.

import Foundation

/// The text encodings survey exports come in.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16 LE"
    case windows1252 = "Windows-1252"

    /// Detects the encoding from the first bytes: a byte-order mark says it; otherwise valid
    /// UTF-8 is UTF-8. UTF-8 with a few broken bytes (more valid accented sequences than
    /// broken bytes) stays UTF-8, the broken bytes read as U+FFFD (reported as assumed);
    /// anything else is taken as Windows-1252 (a guess, reported as such).
    public static func detect(_ prefix: [UInt8]) -> (encoding: TextEncoding, guessed: Bool, bomLength: Int) {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8BOM, false, 3) }
        if prefix.starts(with: [0xFF, 0xFE]) { return (.utf16LE, false, 2) }
        let evidence = utf8Evidence(prefix)
        if evidence.invalid == 0 { return (.utf8, false, 0) }
        return evidence.valid > evidence.invalid ? (.utf8, true, 0) : (.windows1252, true, 0)
    }

    /// Counts the well-formed multi-byte UTF-8 sequences and the bytes that break UTF-8,
    /// allowing a sequence cut at the end of the sample.
    static func utf8Evidence(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var index = 0, valid = 0, invalid = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, (1..<length).allSatisfy({ index + $0 >= bytes.count || bytes[index + $0] >> 6 == 0b10 }) else {
                invalid += 1
                index += 1
                continue
            }
            if length > 1 { valid += 1 }
            index += length
        }
        return (valid, invalid)
    }

    /// Windows-1252's 0x80–0x9F, where it differs from Latin-1.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The text of a field's bytes in this encoding (UTF-16 is transcoded before parsing).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8, .utf8BOM, .utf16LE:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                let value = byte >= 0x80 && byte < 0xA0 ? Self.windows1252High[Int(byte - 0x80)] : UInt32(byte)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }
}

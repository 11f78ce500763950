import AtelierCore
import Foundation

/// A pull scanner for the XML of spreadsheets (xlsx sheets, ods content), over bytes read
/// chunk by chunk. It knows the five predefined entities and character references; a DTD is
/// refused (so no entity can expand), and nesting is bounded.
struct XMLScanner {
    enum Event: Equatable {
        case start(name: String, attributes: Attributes, selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// An element's attributes in document order: a handful per element, so a list read
    /// linearly costs less than a dictionary built for every cell.
    struct Attributes: Equatable {
        private var names: [String] = []
        private var values: [String] = []

        subscript(name: String) -> String? {
            names.lastIndex(of: name).map { values[$0] }
        }

        mutating func append(_ name: String, _ value: String) {
            names.append(name)
            values.append(value)
        }
    }

    static let maxDepth = 256
    private var bytes: ChunkedBytes
    private var depth = 0

    init(bytes: ChunkedBytes) {
        self.bytes = bytes
    }

    private func malformed(_ key: TabularMessage, _ arguments: [String: String] = [:]) -> TableError {
        TableError(file: bytes.file, kind: .malformedArchive(TabularMessage.text(key, arguments)))
    }

    mutating func next() throws(TableError) -> Event? {
        guard let first = try bytes.peek() else { return nil }
        if first != UInt8(ascii: "<") {
            var text: [UInt8] = []
            while let byte = try bytes.peek(), byte != UInt8(ascii: "<") {
                text.append(byte)
                bytes.position += 1
                if text.count > CSVReader.maxFieldBytes { throw malformed(.xmlValueTooLong, ["limit": "\(CSVReader.maxFieldBytes)"]) }
            }
            return .text(XMLEntities.decode(text))
        }
        bytes.position += 1
        switch try bytes.peek() {
        case UInt8(ascii: "/")?:
            bytes.position += 1
            let name = try readName()
            try skip(until: UInt8(ascii: ">"))
            depth -= 1
            return .end(name: name)
        case UInt8(ascii: "?")?:
            try skip(past: Array("?>".utf8))
            return try next()
        case UInt8(ascii: "!")?:
            if try startsWith(Array("!--".utf8)) {
                try skip(past: Array("-->".utf8))
                return try next()
            }
            if try startsWith(Array("![CDATA[".utf8)) {
                bytes.position += 8
                return .text(String(decoding: try read(until: Array("]]>".utf8)), as: UTF8.self))
            }
            throw malformed(.xmlDTD)
        default:
            let name = try readName()
            var attributes = Attributes()
            while true {
                try skipSpaces()
                guard let byte = try bytes.peek() else { throw malformed(.xmlEndInElement, ["name": name]) }
                if byte == UInt8(ascii: "/") {
                    bytes.position += 1
                    try skip(until: UInt8(ascii: ">"))
                    return .start(name: name, attributes: attributes, selfClosing: true)
                }
                if byte == UInt8(ascii: ">") {
                    bytes.position += 1
                    depth += 1
                    if depth > Self.maxDepth { throw malformed(.xmlTooDeep, ["limit": "\(Self.maxDepth)"]) }
                    return .start(name: name, attributes: attributes, selfClosing: false)
                }
                let key = try readName()
                try skipSpaces()
                guard try bytes.next() == UInt8(ascii: "=") else { throw malformed(.xmlAttributeWithoutValue, ["name": key]) }
                try skipSpaces()
                guard let quote = try bytes.next(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw malformed(.xmlAttributeWithoutQuotes, ["name": key])
                }
                attributes.append(key, XMLEntities.decode(try read(until: [quote])))
            }
        }
    }

    private mutating func startsWith(_ prefix: [UInt8]) throws(TableError) -> Bool {
        for (offset, byte) in prefix.enumerated() where try bytes.peek(offset) != byte { return false }
        return true
    }

    private mutating func readName() throws(TableError) -> String {
        var name: [UInt8] = []
        while let byte = try bytes.peek(), byte > 0x20, byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"), byte != UInt8(ascii: "=") {
            name.append(byte)
            bytes.position += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func skipSpaces() throws(TableError) {
        while let byte = try bytes.peek(), byte <= 0x20 { bytes.position += 1 }
    }

    private mutating func skip(until terminator: UInt8) throws(TableError) {
        while let byte = try bytes.next() {
            if byte == terminator { return }
        }
        throw malformed(.xmlUnexpectedEnd)
    }

    private mutating func skip(past terminator: [UInt8]) throws(TableError) {
        _ = try read(until: terminator)
    }

    /// The bytes up to `terminator`, which is consumed.
    private mutating func read(until terminator: [UInt8]) throws(TableError) -> [UInt8] {
        var output: [UInt8] = []
        while let byte = try bytes.next() {
            output.append(byte)
            if byte == terminator.last!, output.count >= terminator.count, output.suffix(terminator.count).elementsEqual(terminator) {
                output.removeLast(terminator.count)
                return output
            }
            if output.count > CSVReader.maxFieldBytes { throw malformed(.xmlValueTooLong, ["limit": "\(CSVReader.maxFieldBytes)"]) }
        }
        throw malformed(.xmlUnexpectedEnd)
    }

}

/// The predefined XML entities (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`) and character
/// references (`&#…;`), decoded on the UTF-8 bytes (an "&" followed by a combining accent is one
/// Swift Character, yet still starts an entity); anything else is kept as written.
public enum XMLEntities {
    public static func decode(_ text: String) -> String {
        decode(Array(text.utf8))
    }

    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"),
               let semicolon = bytes[(index + 1)..<min(bytes.count, index + 12)].firstIndex(of: UInt8(ascii: ";")),
               let replacement = replacement(for: bytes[(index + 1)..<semicolon]) {
                output += replacement.utf8
                index = semicolon + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func replacement(for name: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: name, as: UTF8.self)
        switch text {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value = text.hasPrefix("#x") ? UInt32(text.dropFirst(2), radix: 16) : text.hasPrefix("#") ? UInt32(text.dropFirst()) : nil
            return value.flatMap(Unicode.Scalar.init).map { String($0) }
        }
    }
}

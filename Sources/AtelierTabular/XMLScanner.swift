import AtelierCore
import Foundation

/// A pull scanner for the XML of spreadsheets (xlsx sheets, ods content), over bytes read
/// chunk by chunk. It knows the five predefined entities and character references; a DTD is
/// refused (so no entity can expand), and nesting is bounded.
///
/// Two views of one tokenizer: `nextToken()` gives tags and texts as ranges of the scanner's
/// buffer (valid until the next call), for the sheet's cells read by the million without a
/// String per tag; `next()` gives them as Strings, for everything else.
struct XMLScanner {
    enum Event: Equatable {
        case start(name: String, attributes: Attributes, selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// A tag or a text, where it lies in `bytes.buffer`; a start tag's attributes are the
    /// scanner's `attribute(_:)` until the next token.
    enum Token {
        case start(name: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        case text(Range<Int>)
        /// A CDATA section's text, as written.
        case cdata(String)
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
    /// The last start tag's attributes: where each name and value lies.
    private var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []

    init(bytes: ChunkedBytes) {
        self.bytes = bytes
    }

    private func malformed(_ key: TabularMessage, _ arguments: [String: String] = [:]) -> TableError {
        TableError(file: bytes.file, kind: .malformedArchive(TabularMessage.text(key, arguments)))
    }

    mutating func next() throws(TableError) -> Event? {
        switch try nextToken() {
        case nil: return nil
        case .start(let name, let selfClosing)?:
            var attributes = Attributes()
            for (key, value) in attributeRanges { attributes.append(string(key), text(value)) }
            return .start(name: string(name), attributes: attributes, selfClosing: selfClosing)
        case .end(let name)?: return .end(name: string(name))
        case .text(let range)?: return .text(text(range))
        case .cdata(let text)?: return .text(text)
        }
    }

    /// Whether the name at `range` is `name`.
    func name(_ range: Range<Int>, is name: StaticString) -> Bool {
        range.count == name.utf8CodeUnitCount && bytes.buffer.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + range.lowerBound, name.utf8Start, range.count) == 0
        }
    }

    /// Where the value of the last start tag's attribute `name` lies (entities not decoded).
    func attribute(_ name: StaticString) -> Range<Int>? {
        attributeRanges.last { self.name($0.name, is: name) }?.value
    }

    /// The text at `range`, entities decoded.
    func text(_ range: Range<Int>) -> String {
        bytes.buffer.withUnsafeBufferPointer { XMLEntities.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `body` given the bytes at `range` as they are.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The bytes at `range` as they are.
    func string(_ range: Range<Int>) -> String {
        bytes.buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The decimal number written at `range`, or nil.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        return bytes.buffer.withUnsafeBufferPointer { buffer in
            var value = 0
            for index in range {
                let digit = Int(buffer[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }

    mutating func nextToken() throws(TableError) -> Token? {
        while true {
            guard let first = try bytes.peek() else { return nil }
            if first != UInt8(ascii: "<") {
                // Text: up to the next tag, or the end of the file.
                let length = try offset(of: UInt8(ascii: "<"), from: 0, limit: CSVReader.maxFieldBytes) ?? (bytes.buffer.count - bytes.position)
                let range = bytes.position..<(bytes.position + length)
                bytes.position += length
                return .text(range)
            }
            switch try bytes.peek(1) {
            case UInt8(ascii: "?")?:
                bytes.position += 2
                try skip(past: Array("?>".utf8))
                continue
            case UInt8(ascii: "!")?:
                if try startsWith(Array("<!--".utf8)) {
                    bytes.position += 4
                    try skip(past: Array("-->".utf8))
                    continue
                }
                if try startsWith(Array("<![CDATA[".utf8)) {
                    bytes.position += 9
                    return .cdata(String(decoding: try read(until: Array("]]>".utf8)), as: UTF8.self))
                }
                throw malformed(.xmlDTD)
            default:
                return try tag()
            }
        }
    }

    /// The tag starting at `position`: read whole into the buffer (quoted values may hold a
    /// « > »), then taken apart where it lies.
    private mutating func tag() throws(TableError) -> Token {
        let length = try tagLength()
        let start = bytes.position, end = start + length
        bytes.position = end + 1
        // The ranges are filled as a local, so that the buffer is read without being retained
        // (nothing of `self` changes while it is read).
        var attributes: [(name: Range<Int>, value: Range<Int>)] = []
        swap(&attributes, &attributeRanges)
        defer { swap(&attributes, &attributeRanges) }
        let token = try bytes.buffer.withUnsafeBufferPointer { buffer throws(TableError) -> Token in
            var index = start + 1
            let closing = buffer[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            let nameStart = index
            while index < end, Self.isNameByte(buffer[index]) { index += 1 }
            let name = nameStart..<index
            if closing { return .end(name: name) }
            attributes.removeAll(keepingCapacity: true)
            while true {
                while index < end, buffer[index] <= 0x20 { index += 1 }
                if index == end { return .start(name: name, selfClosing: false) }
                if buffer[index] == UInt8(ascii: "/") { return .start(name: name, selfClosing: true) }
                let keyStart = index
                while index < end, Self.isNameByte(buffer[index]) { index += 1 }
                let key = keyStart..<index
                // The attribute's name, for an error (not made for every attribute).
                func keyText() -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[key]), as: UTF8.self) }
                while index < end, buffer[index] <= 0x20 { index += 1 }
                guard index < end, buffer[index] == UInt8(ascii: "=") else { throw malformed(.xmlAttributeWithoutValue, ["name": keyText()]) }
                index += 1
                while index < end, buffer[index] <= 0x20 { index += 1 }
                guard index < end, case let quote = buffer[index], quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw malformed(.xmlAttributeWithoutQuotes, ["name": keyText()])
                }
                let valueStart = index + 1
                index = valueStart
                while index < end, buffer[index] != quote { index += 1 }
                guard index < end else { throw malformed(.xmlEndInElement, ["name": keyText()]) }
                attributes.append((key, valueStart..<index))
                index += 1
            }
        }
        switch token {
        case .end: depth -= 1
        case .start(_, selfClosing: false):
            depth += 1
            if depth > Self.maxDepth { throw malformed(.xmlTooDeep, ["limit": "\(Self.maxDepth)"]) }
        default: break
        }
        return token
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=")
    }

    /// The offset from `position` of the tag's closing « > », its quoted values skipped; the
    /// tag is then wholly in the buffer.
    private mutating func tagLength() throws(TableError) -> Int {
        var offset = 1
        var quote: UInt8? = nil
        while true {
            let found: Int? = bytes.buffer.withUnsafeBufferPointer { buffer in
                var index = bytes.position + offset
                while index < buffer.count {
                    let byte = buffer[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: ">") {
                        return index - bytes.position
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    }
                    index += 1
                }
                return nil
            }
            if let found, found <= CSVReader.maxFieldBytes { return found }
            offset = bytes.buffer.count - bytes.position
            if found != nil || offset > CSVReader.maxFieldBytes { throw malformed(.xmlValueTooLong, ["limit": "\(CSVReader.maxFieldBytes)"]) }
            try bytes.fill(atLeast: offset + 1)
            if bytes.buffer.count - bytes.position <= offset {
                let name = String(decoding: bytes.buffer[(bytes.position + 1)...].prefix { Self.isNameByte($0) }, as: UTF8.self)
                throw name.isEmpty ? malformed(.xmlUnexpectedEnd) : malformed(.xmlEndInElement, ["name": name])
            }
        }
    }

    /// The offset from `position` of the next `target` at or after `offset`, reading more as
    /// needed; nil when the file ends first. More than `limit` bytes without it is an error.
    private mutating func offset(of target: UInt8, from offset: Int, limit: Int) throws(TableError) -> Int? {
        var offset = offset
        while true {
            let start = bytes.position + offset
            if let found = bytes.buffer.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[start...]).firstIndex(of: target) }) {
                guard found + offset <= limit else { throw malformed(.xmlValueTooLong, ["limit": "\(limit)"]) }
                return found + offset
            }
            offset = bytes.buffer.count - bytes.position
            if offset > limit { throw malformed(.xmlValueTooLong, ["limit": "\(limit)"]) }
            try bytes.fill(atLeast: offset + 1)
            if bytes.buffer.count - bytes.position <= offset { return nil }
        }
    }

    private mutating func startsWith(_ prefix: [UInt8]) throws(TableError) -> Bool {
        for (offset, byte) in prefix.enumerated() where try bytes.peek(offset) != byte { return false }
        return true
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
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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

    private static func replacement(for name: some Collection<UInt8>) -> String? {
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

import CQREncode

/// A QR code of a short text (the address trainees type), as libqrencode draws it: a square of
/// modules, dark or light, with its quiet zone.
public struct QRCode: Sendable {
    public let size: Int
    private let dark: [Bool]

    /// The code of `text` at error-correction level M, or nil when it cannot be made.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        dark = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool {
        row >= 0 && column >= 0 && row < size && column < size && dark[row * size + column]
    }

    /// The code for a terminal: two rows per line with half blocks, a quiet zone of two modules.
    public var terminalText: String {
        let quiet = 2
        var lines: [String] = []
        for row in stride(from: -quiet, to: size + quiet, by: 2) {
            var line = ""
            for column in -quiet..<(size + quiet) {
                switch (isDark(row: row, column: column), isDark(row: row + 1, column: column)) {
                case (false, false): line += "█"
                case (true, false): line += "▄"
                case (false, true): line += "▀"
                case (true, true): line += " "
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The code as an SVG image, one square per dark module.
    public var svg: String {
        let quiet = 4, full = size + 2 * quiet
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(full) \(full)\" shape-rendering=\"crispEdges\" role=\"img\">"
            + "<rect width=\"\(full)\" height=\"\(full)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}

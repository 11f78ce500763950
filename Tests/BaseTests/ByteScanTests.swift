@testable import AtelierTabular
import XCTest

/// The eight-bytes-at-a-time scan finds exactly what a byte-by-byte scan finds, whatever
/// surrounds the bytes looked for (bytes just below or above them, UTF-8, zeros, 0xFF) and
/// wherever they fall in a word.
final class ByteScanTests: XCTestCase {
    private func naive(_ bytes: [UInt8], _ a: UInt8, _ b: UInt8, _ c: UInt8, from start: Int) -> Int {
        bytes[start...].firstIndex { $0 == a || $0 == b || $0 == c } ?? bytes.count
    }

    func testTheScanFindsWhatAByteByByteScanFinds() {
        var generator = SystemRandomNumberGenerator()
        let targets: [(UInt8, UInt8, UInt8)] = [(0x2C, 0x0A, 0x0D), (0x22, 0x0A, 0x0D), (0x3B, 0x0A, 0x0D), (0x09, 0x0A, 0x0D), (0x00, 0x01, 0xFF)]
        // Bytes next to the targets, where a borrow or a carry would show a wrong match.
        let palette: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0B, 0x0C, 0x0E, 0x21, 0x23, 0x2B, 0x2D, 0x3A, 0x3C, 0x41, 0x7F, 0x80, 0xC3, 0xA9, 0xFE, 0xFF]
        for _ in 0..<20_000 {
            let (a, b, c) = targets.randomElement(using: &generator)!
            let count = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<count).map { _ in palette.randomElement(using: &generator)! }
            for _ in 0..<Int.random(in: 0...2, using: &generator) where count > 0 {
                bytes[Int.random(in: 0..<count, using: &generator)] = [a, b, c].randomElement(using: &generator)!
            }
            let start = Int.random(in: 0...count, using: &generator)
            let found = bytes.withUnsafeBufferPointer { ByteScan.first(of: a, b, c, in: $0, from: start) }
            XCTAssertEqual(found, naive(bytes, a, b, c, from: start), "\(bytes) from \(start)")
        }
    }

    func testAnEmptyBufferAndTheEnd() {
        XCTAssertEqual([UInt8]().withUnsafeBufferPointer { ByteScan.first(of: 0x2C, 0x0A, 0x0D, in: $0, from: 0) }, 0)
        let line = Array("abcdefghijklmnop,".utf8)
        XCTAssertEqual(line.withUnsafeBufferPointer { ByteScan.first(of: 0x2C, 0x0A, 0x0D, in: $0, from: 0) }, 16)
        XCTAssertEqual(line.withUnsafeBufferPointer { ByteScan.first(of: 0x2C, 0x0A, 0x0D, in: $0, from: 17) }, 17)
    }
}

import AtelierCore
@testable import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// The zip reader under xlsx and ods, on packages built byte by byte: what a spreadsheet program
/// writes (deflate, stored, zip64) is read back; what a damaged or hostile package declares is
/// checked, and every damage ends in an error (a truncated deflate stream once made the previous
/// reader loop for ever).
final class ZipArchiveTests: ScratchFolderTestCase {
    /// One entry of a hand-built package: its bytes as stored, and what the directory declares.
    private struct Part {
        var name = "content.xml"
        var method: UInt16 = 8
        var stored: [UInt8]
        var declaredSize: Int
        var crc32: UInt32
        var flags: UInt16 = 0

        /// `text` as a deflate stream made of one stored block (final unless `final` is false).
        static func deflated(_ text: String, final: Bool = true) -> Part {
            let bytes = Array(text.utf8)
            let length = UInt16(bytes.count)
            let block = [final ? 1 : 0] + length.littleEndianBytes + (~length).littleEndianBytes + bytes
            return Part(stored: block, declaredSize: bytes.count, crc32: Data(bytes).crc32(checksum: 0))
        }
    }

    /// A package with `parts`, in the classic layout or with every size and offset in zip64 fields.
    private func package(_ parts: [Part], zip64: Bool = false) throws -> String {
        var file: [UInt8] = []
        var directory: [UInt8] = []
        for part in parts {
            let name = Array(part.name.utf8)
            let offset = UInt32(file.count)
            let sizes = zip64 ? UInt32.max.littleEndianBytes + UInt32.max.littleEndianBytes
                              : UInt32(part.stored.count).littleEndianBytes + UInt32(part.declaredSize).littleEndianBytes
            let extra: [UInt8] = zip64 ? UInt16(1).littleEndianBytes + UInt16(24).littleEndianBytes + UInt64(part.declaredSize).littleEndianBytes
                + UInt64(part.stored.count).littleEndianBytes + UInt64(offset).littleEndianBytes : []
            let common = UInt16(20).littleEndianBytes + part.flags.littleEndianBytes + part.method.littleEndianBytes + [0, 0, 0, 0]
                + part.crc32.littleEndianBytes + sizes + UInt16(name.count).littleEndianBytes
            file += UInt32(0x0403_4b50).littleEndianBytes + common + UInt16(0).littleEndianBytes + name + part.stored
            directory += UInt32(0x0201_4b50).littleEndianBytes + UInt16(20).littleEndianBytes + common + UInt16(extra.count).littleEndianBytes
                + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] + (zip64 ? UInt32.max : offset).littleEndianBytes + name + extra
        }
        let directoryOffset = file.count
        file += directory
        if zip64 {
            let recordOffset = file.count
            file += UInt32(0x0606_4b50).littleEndianBytes + UInt64(44).littleEndianBytes + [45, 0, 45, 0] + [UInt8](repeating: 0, count: 8)
                + UInt64(parts.count).littleEndianBytes + UInt64(parts.count).littleEndianBytes
                + UInt64(directory.count).littleEndianBytes + UInt64(directoryOffset).littleEndianBytes
            file += UInt32(0x0706_4b50).littleEndianBytes + UInt32(0).littleEndianBytes + UInt64(recordOffset).littleEndianBytes + UInt32(1).littleEndianBytes
        }
        let count = zip64 ? UInt16.max : UInt16(parts.count)
        file += UInt32(0x0605_4b50).littleEndianBytes + [0, 0, 0, 0] + count.littleEndianBytes + count.littleEndianBytes
            + (zip64 ? UInt32.max : UInt32(directory.count)).littleEndianBytes + (zip64 ? UInt32.max : UInt32(directoryOffset)).littleEndianBytes + [0, 0]
        let path = folder.appendingPathComponent("package-\(UUID().uuidString).zip").path
        try Data(file).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func text(of part: String, in path: String) throws -> String {
        let archive = try ZipArchive(path: path)
        guard let entry = archive[part] else { throw ZipArchive.Damage(.archiveMissingPart, ["part": part]) }
        let stream = try archive.stream(entry)
        var bytes: [UInt8] = []
        while try stream.append(to: &bytes) {}
        return String(decoding: bytes, as: UTF8.self)
    }

    private func damage(of part: String = "content.xml", in path: String) -> String? {
        do {
            _ = try text(of: part, in: path)
            return nil
        } catch {
            return (error as? ZipArchive.Damage)?.reason.en
        }
    }

    func testDeflatedStoredAndZip64EntriesAreRead() throws {
        var stored = Part.deflated("<table/>")
        stored.method = 0
        stored.stored = Array("mimetype text".utf8)
        stored.declaredSize = stored.stored.count
        stored.crc32 = Data(stored.stored).crc32(checksum: 0)
        stored.name = "mimetype"
        let classic = try package([stored, Part.deflated("<row>é</row>")])
        XCTAssertEqual(try text(of: "mimetype", in: classic), "mimetype text")
        XCTAssertEqual(try text(of: "content.xml", in: classic), "<row>é</row>")
        XCTAssertEqual(try ZipArchive(path: classic).entries.map(\.path), ["mimetype", "content.xml"])
        XCTAssertEqual(try text(of: "content.xml", in: package([Part.deflated("<big/>")], zip64: true)), "<big/>")
    }

    func testAWorkbookWrittenByZIPFoundationIsRead() throws {
        let path = folder.appendingPathComponent("written.zip")
        let archive = try Archive(url: path, accessMode: .create)
        let repetitive = String(repeating: "<row>réponse</row>", count: 5_000)
        var state: UInt64 = 42
        let varied = (0..<60_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return "<c>\(state >> 40)</c>"
        }.joined()
        for (name, content) in [("repetitive.xml", repetitive), ("varied.xml", varied)] {
            let bytes = Data(content.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        XCTAssertEqual(try text(of: "repetitive.xml", in: path.path), repetitive, "a little input, several 64 KiB chunks of output")
        let entry = try XCTUnwrap(try ZipArchive(path: path.path)["varied.xml"])
        XCTAssertGreaterThan(entry.compressedSize, 4 << 16, "several 64 KiB chunks of input")
        XCTAssertEqual(try text(of: "varied.xml", in: path.path), varied)
    }

    func testEveryDamageEndsInAnErrorNamingIt() throws {
        XCTAssertEqual(damage(in: try package([Part.deflated("<row/>", final: false)])), "content.xml: the compressed data stops before its end")
        var liar = Part.deflated("<row>far more than declared</row>")
        liar.declaredSize = 4
        XCTAssertEqual(damage(in: try package([liar])), "content.xml: more data than its declared 4 bytes")
        var short = Part.deflated("<row/>")
        short.declaredSize = 100
        XCTAssertEqual(damage(in: try package([short])), "content.xml: 6 bytes instead of the declared 100")
        var corrupted = Part.deflated("<row/>")
        corrupted.crc32 ^= 1
        XCTAssertEqual(damage(in: try package([corrupted])), "content.xml: checksum mismatch")
        var bzip2 = Part.deflated("<row/>")
        bzip2.method = 12
        XCTAssertEqual(damage(in: try package([bzip2])), "content.xml: compression method 12 is not read")
        var garbage = Part.deflated("<row/>")
        garbage.stored[0] = 0x07
        XCTAssertEqual(damage(in: try package([garbage])), "content.xml: damaged compressed data")
        var encrypted = Part.deflated("<row/>")
        encrypted.flags = 1
        XCTAssertEqual(damage(in: try package([encrypted])), "content.xml is encrypted")
    }

    func testATruncatedOrForeignFileIsRefusedAtOpening() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: try package([Part.deflated("<row/>")])))
        let cut = folder.appendingPathComponent("cut.zip")
        try whole.prefix(whole.count - 30).write(to: cut)
        XCTAssertEqual(damage(in: cut.path), "not a zip package: no end of central directory")
        let shifted = folder.appendingPathComponent("shifted.zip")
        try (whole.prefix(20) + whole.suffix(from: 40)).write(to: shifted)
        XCTAssertEqual(damage(in: shifted.path), "the central directory is damaged at entry 1")
        let endOnly = folder.appendingPathComponent("end-only.zip")
        try whole.suffix(22).write(to: endOnly)
        XCTAssertEqual(damage(in: endOnly.path), "a part points past the end of the file")
        let text = folder.appendingPathComponent("notes.zip")
        try Data("date;note\n".utf8).write(to: text)
        XCTAssertEqual(damage(in: text.path), "not a zip package: no end of central directory")
    }

    func testADamagedPackageIsExplainedInBothLanguagesWithoutARow() throws {
        let path = try package([Part.deflated("<row/>", final: false)])
        let ods = folder.appendingPathComponent("quiz.ods")
        try FileManager.default.moveItem(atPath: path, toPath: ods.path)
        XCTAssertThrowsError(try TableFile.open(path: ods.path)) { error in
            let message = (error as? TableError)?.message
            XCTAssertEqual(message?.fr, "\(ods.path) : le fichier ne se lit pas comme un classeur (content.xml : les données compressées s'arrêtent avant leur fin) ; "
                + "ouvrez-le dans votre tableur et enregistrez-le à nouveau en .xlsx ou .ods")
            XCTAssertEqual(message?.en, "\(ods.path): the file cannot be read as a workbook (content.xml: the compressed data stops before its end); "
                + "open it in your spreadsheet program and save it again as .xlsx or .ods")
        }
    }
}

extension FixedWidthInteger {
    /// The integer's bytes, least significant first (zip's order).
    fileprivate var littleEndianBytes: [UInt8] {
        (0..<(Self.bitWidth / 8)).map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) }
    }
}

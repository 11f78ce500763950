import AtelierTabular
import Foundation
import XCTest
import ZIPFoundation

/// The zip of feedback files, read back by an independent zip library.
final class ZipWriterTests: XCTestCase {
    func testAnotherLibraryReadsBackEveryFileByteForByte() throws {
        var writer = ZipWriter()
        let files: [(String, [UInt8])] = [("les-voix-du-quartier.md", Array("# Les voix du quartier — 14 / 20\n".utf8)),
                                          ("les-voix-du-quartier--inès.md", Array("Note individuelle : 13,5\n".utf8)),
                                          ("vide.md", [])]
        for (name, bytes) in files { writer.add(name, bytes) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-zip-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        try writer.data.write(to: url)
        let archive = try Archive(url: url, accessMode: .read)
        XCTAssertEqual(archive.map(\.path), files.map(\.0))
        for (name, bytes) in files {
            var read = Data()
            _ = try archive.extract(try XCTUnwrap(archive[name]), skipCRC32: false) { read.append($0) }
            XCTAssertEqual([UInt8](read), bytes, name)
        }
    }
}

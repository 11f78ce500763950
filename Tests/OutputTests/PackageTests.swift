import Foundation
import TestSupport
import XCTest

/// The manifest declares every module a target imports: no target, and no test, works through
/// a module that only happens to be built for another.
final class PackageTests: XCTestCase {
    func testEveryImportedModuleIsADeclaredDependency() throws {
        let manifest = String(decoding: Fixtures.bytes(Fixtures.repository.appendingPathComponent("Package.swift")), as: UTF8.self)
        let modules = Set(try FileManager.default.contentsOfDirectory(atPath: Fixtures.repository.appendingPathComponent("Sources").path))
        let declaration = try NSRegularExpression(pattern: #"\.(?:target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)""#)
        let quoted = try NSRegularExpression(pattern: #""([^"]+)""#)
        let pathDeclaration = try NSRegularExpression(pattern: #"path:\s*"([^"]+)""#)
        let text = manifest as NSString
        let matches = declaration.matches(in: manifest, range: NSRange(location: 0, length: text.length))
        XCTAssertGreaterThan(matches.count, 10)
        for (index, match) in matches.enumerated() {
            let name = text.substring(with: match.range(at: 1))
            let end = index + 1 < matches.count ? matches[index + 1].range.location : text.length
            let body = NSRange(location: match.range.location, length: end - match.range.location)
            let declared = Set(quoted.matches(in: manifest, range: body).map { text.substring(with: $0.range(at: 1)) }).intersection(modules)
            let path = pathDeclaration.firstMatch(in: manifest, range: body).map { text.substring(with: $0.range(at: 1)) }
            let folder = (path.map { [$0] } ?? ["Sources/\(name)", "Tests/\(name)"]).map { Fixtures.repository.appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0.path) }
            let files = self.files(in: try XCTUnwrap(folder, name))
            // A C target (its folder holds C and no Swift) imports no module.
            if files.allSatisfy({ $0.pathExtension != "swift" }) && files.contains(where: { $0.pathExtension == "c" }) { continue }
            let imported = try imports(in: files).intersection(modules).subtracting([name])
            XCTAssertEqual(imported.subtracting(declared).sorted(), [], "\(name) imports modules it does not declare")
        }
    }

    private func files(in folder: URL) -> [URL] {
        FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
    }

    private func imports(in files: [URL]) throws -> Set<String> {
        let files = files.filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty)
        let pattern = try NSRegularExpression(pattern: #"^(?:@testable )?import (\w+)"#, options: .anchorsMatchLines)
        return Set(try files.flatMap { file -> [String] in
            let source = try String(contentsOf: file, encoding: .utf8)
            return pattern.matches(in: source, range: NSRange(location: 0, length: (source as NSString).length)).map { (source as NSString).substring(with: $0.range(at: 1)) }
        })
    }
}

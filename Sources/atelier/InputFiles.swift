import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

/// The files a command reads: paths as given, folders expanded to the `.yaml`/`.yml`
/// files they hold, each checked to exist before any work is done.
enum InputFiles {
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw UserError(CoreMessage.noSuchFile, ["path": path])
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let mockups = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            guard !mockups.isEmpty else { throw UserError(Words.cliEmptyFolder, ["path": path]) }
            files += mockups.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError(CoreMessage.unreadable, ["path": path, "reason": String(cString: strerror(EACCES))])
        }
        return [UInt8](data)
    }

    /// Reads and checks each file, in order: structure, then the rules in effect.
    static func check(_ paths: [String], with decoder: MockupDecoder, engine: ChecklistEngine, language: Language) throws -> [CheckedFile] {
        try paths.map { path in
            let bytes = try read(path)
            let source = String(decoding: bytes, as: UTF8.self)
            let result = engine.check(decoder.decode(bytes), source: source, language: language)
            return CheckedFile(path: path, source: source, findings: result.findings, readiness: result.readiness)
        }
    }
}

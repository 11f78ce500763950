import AtelierCore
import Foundation

/// A file a job reads, with the name its messages give it: read from disk by the command line,
/// received over HTTP by the server.
public struct SourceDocument: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The file at `path`, or an error naming it.
    public static func read(_ path: String) throws -> SourceDocument {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError(CoreMessage.noSuchFile, ["path": path]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError(CoreMessage.unreadable, ["path": path, "reason": String(cString: strerror(EACCES))])
        }
        return SourceDocument(path: path, bytes: [UInt8](data))
    }

    /// Paths as given, folders expanded to the `.yaml`/`.yml` files they hold, each checked to
    /// exist before any work is done.
    public static func mockupPaths(_ paths: [String]) throws -> [String] {
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
            guard !mockups.isEmpty else { throw UserError(UseCaseMessage.emptyFolder, ["path": path]) }
            files += mockups.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Every mockup `paths` name, read.
    public static func mockups(_ paths: [String]) throws -> [SourceDocument] {
        try mockupPaths(paths).map(read)
    }
}

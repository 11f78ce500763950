import AtelierCore
import Foundation

/// The one way outputs are written: into a temporary file in the same folder, flushed to
/// disk, then renamed into place, so a reader never sees half a file. An output never
/// replaces one of the command's inputs.
public enum OutputFile {
    public enum Existing: Sendable {
        /// Replace an existing file (reports, exports).
        case replace
        /// Refuse to touch an existing file (`new`).
        case refuse
    }

    public static func write(_ text: String, to path: String, inputs: [String] = [], existing: Existing = .replace) throws {
        try write(Data(text.utf8), to: path, inputs: inputs, existing: existing)
    }

    public static func write(_ data: Data, to path: String, inputs: [String] = [], existing: Existing = .replace) throws {
        try produce(path, inputs: inputs, existing: existing) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        }
    }

    /// Lets `body` write the output at a temporary path in the same folder, then moves it
    /// into place; on any failure the temporary file is removed and the target is untouched.
    public static func produce(_ path: String, inputs: [String] = [], existing: Existing = .replace,
                               _ body: (URL) throws -> Void) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() == target }) {
            throw UserError(.cliOutputIsInput, ["path": path])
        }
        if existing == .refuse, FileManager.default.fileExists(atPath: target.path) {
            throw UserError(.cliOutputExists, ["path": path])
        }
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try body(temporary)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(.cliCannotWrite, ["path": path, "reason": reason(error, folder: folder)])
        }
        let moved: Int32 = switch existing {
        case .replace: rename(temporary.path, target.path)
        case .refuse: link(temporary.path, target.path)
        }
        guard moved == 0 else {
            if existing == .refuse, errno == EEXIST { throw UserError(.cliOutputExists, ["path": path]) }
            throw UserError(.cliCannotWrite, ["path": path, "reason": String(cString: strerror(errno))])
        }
    }

    private static func reason(_ error: Error, folder: URL) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            return String(cString: strerror(ENOENT)) + ": " + folder.path
        }
        return String(cString: strerror(EACCES))
    }
}

import AtelierCore
import Foundation

/// The temporary file being written, as a C string a signal handler may read: an interrupted
/// run (Ctrl-C, `kill`) removes it before exiting, so nothing half-written is left behind.
nonisolated(unsafe) private var pendingTemporary: UnsafeMutablePointer<CChar>?

private func removePendingAndExit(_ signal: Int32) {
    if let path = pendingTemporary { unlink(path) }
    _exit(128 + signal)
}

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
        }
    }

    /// Checks, before any work, that each output can be written: not an input, in a folder that
    /// exists and is writable. A command calls it first so a mistake costs nothing.
    public static func preflight(_ paths: [String?], inputs: [String]) throws {
        for path in paths.compactMap({ $0 }) where path != "-" {
            if let problem = folderProblem(try target(of: path, inputs: inputs).deletingLastPathComponent()) {
                throw UserError(.cliCannotWrite, ["path": path, "reason": problem])
            }
        }
    }

    /// The file `path` names, links resolved; refused when it is one of the inputs.
    private static func target(of path: String, inputs: [String]) throws -> URL {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() == target }) {
            throw UserError(.cliOutputIsInput, ["path": path])
        }
        return target
    }

    /// Why no file can be created in `folder` (it is missing, or not writable), or nil.
    private static func folderProblem(_ folder: URL) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return String(cString: strerror(ENOENT)) + ": " + folder.path
        }
        return access(folder.path, W_OK) == 0 ? nil : String(cString: strerror(EACCES)) + ": " + folder.path
    }

    /// Lets `body` write the output at a temporary path in the same folder, then moves it
    /// into place; on any failure the temporary file is removed and the target is untouched.
    public static func produce(_ path: String, inputs: [String] = [], existing: Existing = .replace,
                               _ body: (URL) throws -> Void) throws {
        let target = try target(of: path, inputs: inputs)
        if existing == .refuse, FileManager.default.fileExists(atPath: target.path) {
            throw UserError(.cliOutputExists, ["path": path])
        }
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        watchSignals(for: temporary)
        defer {
            try? FileManager.default.removeItem(at: temporary)
            free(pendingTemporary)
            pendingTemporary = nil
        }
        do {
            try body(temporary)
            try flush(temporary)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(.cliCannotWrite, ["path": path, "reason": folderProblem(folder) ?? String(cString: strerror(EACCES))])
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

    /// Remembers `temporary` for the handlers of SIGINT, SIGTERM and SIGHUP.
    private static func watchSignals(for temporary: URL) {
        free(pendingTemporary)
        pendingTemporary = strdup(temporary.path)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, removePendingAndExit)
        }
    }

    /// Makes the temporary file's bytes durable before the rename publishes it.
    private static func flush(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

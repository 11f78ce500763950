import AtelierCore
import Foundation
import Synchronization

/// The temporary file being written, as the address of a C string a signal handler may read
/// (see `OutputFile.removePendingTemporary`); 0 when none.
private let pendingTemporary = Atomic<UInt>(0)

/// The one way outputs are written: into a temporary file in the same folder, flushed to
/// disk, then renamed into place, so a reader never sees half a file. An output never
/// replaces one of the command's inputs — compared as files (device and inode), not as names,
/// so another path to the same file (a link, a bind mount, another case on a FAT stick) is seen
/// — nor anything that is not a regular file (a FIFO, a device), and two outputs of one command
/// never land on the same file. A temporary file left by a run that was killed (SIGKILL leaves
/// no chance to clean) is removed by the next run that writes the same output.
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

    /// Checks, before any work, that each output can be written: not an input, not another of
    /// the outputs, in a folder that exists and is writable. A command calls it first so a
    /// mistake costs nothing.
    public static func preflight(_ paths: [String?], inputs: [String]) throws {
        var seen: [(path: String, target: URL, identity: FileIdentity?)] = []
        for path in paths.compactMap({ $0 }) where path != "-" {
            let target = try target(of: path, inputs: inputs)
            if let problem = folderProblem(target.deletingLastPathComponent()) {
                throw UserError(ReportMessage.cliCannotWrite, ["path": path, "reason": problem])
            }
            let identity = FileIdentity(target.path)
            if let twin = seen.first(where: { $0.target == target || (identity != nil && $0.identity == identity) }) {
                throw UserError(ReportMessage.cliSameOutput, ["first": twin.path, "second": path])
            }
            seen.append((path, target, identity))
        }
    }

    /// Whether two paths name the same file (the same name, or the same device and inode).
    public static func sameFile(_ first: String, _ second: String) -> Bool {
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath() }
        if resolved(first) == resolved(second) { return true }
        guard let one = FileIdentity(first), let other = FileIdentity(second) else { return false }
        return one == other
    }

    /// The file `path` names, links resolved; refused when it is one of the inputs (the same
    /// name, or the same file under another name) or an existing thing that is not a regular file.
    private static func target(of path: String, inputs: [String]) throws -> URL {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let identity = FileIdentity(target.path)
        if inputs.contains(where: { input in
            URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target || (identity != nil && FileIdentity(input) == identity)
        }) {
            throw UserError(ReportMessage.cliOutputIsInput, ["path": path])
        }
        if let identity, !identity.isRegularFile {
            throw UserError(ReportMessage.cliNotARegularFile, ["path": path])
        }
        return target
    }

    /// Why no file can be created in `folder` (it is missing, not writable, or its disk is
    /// full), or nil.
    private static func folderProblem(_ folder: URL) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return String(cString: strerror(ENOENT)) + ": " + folder.path
        }
        guard access(folder.path, W_OK) == 0 else { return String(cString: strerror(EACCES)) + ": " + folder.path }
        var disk = statvfs()
        if statvfs(folder.path, &disk) == 0, UInt64(disk.f_bavail) * UInt64(disk.f_frsize) < 1 << 20 {
            return String(cString: strerror(ENOSPC)) + ": " + folder.path
        }
        return nil
    }

    /// The prefix of the temporary files of `target`: `.NAME.atelier-`, then the writer's process
    /// id, so that a later run can tell a stale one (its writer is gone) from a live one.
    private static func temporaryPrefix(of target: URL) -> String {
        ".\(target.lastPathComponent).atelier-"
    }

    /// Removes the temporary files of `target` whose writing process no longer exists.
    private static func removeStaleTemporaries(of target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefix = temporaryPrefix(of: target)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let owner = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(owner), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Lets `body` write the output at a temporary path in the same folder, then moves it
    /// into place; on any failure the temporary file is removed and the target is untouched.
    public static func produce(_ path: String, inputs: [String] = [], existing: Existing = .replace,
                               _ body: (URL) throws -> Void) throws {
        let target = try target(of: path, inputs: inputs)
        if existing == .refuse, FileManager.default.fileExists(atPath: target.path) {
            throw UserError(ReportMessage.cliOutputExists, ["path": path])
        }
        let folder = target.deletingLastPathComponent()
        removeStaleTemporaries(of: target)
        let temporary = folder.appendingPathComponent(temporaryPrefix(of: target) + "\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        remember(temporary)
        defer {
            try? FileManager.default.removeItem(at: temporary)
            remember(nil)
        }
        do {
            try body(temporary)
            try flush(temporary)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(ReportMessage.cliCannotWrite, ["path": path, "reason": folderProblem(folder) ?? String(cString: strerror(EACCES))])
        }
        let moved: Int32 = switch existing {
        case .replace: rename(temporary.path, target.path)
        case .refuse: link(temporary.path, target.path)
        }
        guard moved == 0 else {
            if existing == .refuse, errno == EEXIST { throw UserError(ReportMessage.cliOutputExists, ["path": path]) }
            throw UserError(ReportMessage.cliCannotWrite, ["path": path, "reason": String(cString: strerror(errno))])
        }
    }

    /// Removes the temporary file being written, if any: what a program's handler of SIGINT,
    /// SIGTERM and SIGHUP calls before exiting, so an interrupted run leaves nothing half-written.
    /// Safe in a signal handler (an atomic load and `unlink`).
    public static func removePendingTemporary() {
        if let path = UnsafePointer<CChar>(bitPattern: pendingTemporary.load(ordering: .sequentiallyConsistent)) { unlink(path) }
    }

    private static func remember(_ temporary: URL?) {
        let path = temporary.map { UInt(bitPattern: strdup($0.path)) } ?? 0
        free(UnsafeMutablePointer<CChar>(bitPattern: pendingTemporary.exchange(path, ordering: .sequentiallyConsistent)))
    }

    /// Makes the temporary file's bytes durable before the rename publishes it.
    private static func flush(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// A file as the system knows it: its device and inode, whatever path names it.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64
    let isRegularFile: Bool

    /// The identity of what `path` names (links followed), or nil when nothing is there.
    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
    }

    static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode
    }
}

import Foundation

/// Runs the built `atelier` binary as a user would, from the repository's root, with the
/// language and template variables of the test environment removed.
public enum AtelierProcess {
    public struct Run: Sendable {
        public let status: Int32
        public let output: String
        public let error: String
    }

    public static let binary: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + [Fixtures.repository.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("atelier") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    public static func run(_ arguments: [String], environment: [String: String] = [:], binary: URL = binary, in directory: URL = Fixtures.repository) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var base = ProcessInfo.processInfo.environment.filter { !["LC_ALL", "LC_MESSAGES", "LANG", "ATELIER_TEMPLATES", "NO_COLOR"].contains($0.key) }
        base.merge(environment) { $1 }
        process.environment = base
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    /// Runs a command line as a user types it (globs, pipes, redirections) in bash, in
    /// `directory`, with the built `atelier` first on the PATH.
    public static func shell(_ line: String, in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let path = binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try run(["-c", line], environment: environment.merging(["PATH": path]) { $1 }, binary: URL(fileURLWithPath: "/bin/bash"), in: directory)
    }
}

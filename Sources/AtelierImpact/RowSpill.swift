import AtelierCore
import Foundation

/// The row hashes a run could not keep in memory, written to disk in 64 parts by hash, so that
/// each part can be read back alone to find the identical rows among them. The parts are
/// temporary files removed as soon as they are opened: nothing is left behind, even by a run
/// that is killed.
///
/// Memory: a 4 KiB buffer per part written to; at the end of a file, one part's entries (16
/// bytes each) and their table.
final class RowSpill: @unchecked Sendable {
    static let parts = 64
    private static let bufferedEntries = 256

    private struct Part {
        var file: UnsafeMutablePointer<FILE>?
        /// The entries not written yet: hash, number, hash, number…
        var buffer: [UInt64] = []
        var written = 0
    }

    private var parts = [Part](repeating: Part(), count: RowSpill.parts)
    /// Entries given so far, and when the parts were last read back.
    private var count = 0
    private var countRead = 0
    /// The first failure to write, reported when the parts are read back.
    private var failure: Int32?

    deinit {
        for part in parts { if let file = part.file { fclose(file) } }
    }

    func append(hash: UInt64, number: UInt32) {
        let index = Int(truncatingIfNeeded: hash & UInt64(Self.parts - 1))
        parts[index].buffer.append(hash)
        parts[index].buffer.append(UInt64(number))
        count += 1
        if parts[index].buffer.count >= 2 * Self.bufferedEntries { flush(index) }
    }

    /// The entries numbered after `start` whose hash was given before: each number with the
    /// first number given with that hash. `file` is the export being read, for an error.
    func identical(after start: UInt32, reading file: String) throws -> [UInt32: UInt32] {
        guard count > countRead else { return [:] }
        countRead = count
        var found: [UInt32: UInt32] = [:]
        for index in parts.indices {
            flush(index)
            if let failure { throw Self.error(failure, file: file) }
            var table = RowHashTable()
            table.reserve(parts[index].written)
            let entries = try entries(index, file: file)
            for at in stride(from: 0, to: entries.count, by: 2) {
                let number = UInt32(truncatingIfNeeded: entries[at + 1])
                if let first = table.find(orInsert: entries[at], number: number), number > start { found[number] = first }
            }
        }
        return found
    }

    /// A part's entries, in the order given: hash, number, hash, number…
    private func entries(_ index: Int, file name: String) throws -> [UInt64] {
        guard let file = parts[index].file, parts[index].written > 0 else { return [] }
        var values = [UInt64](repeating: 0, count: 2 * parts[index].written)
        rewind(file)
        let read = values.withUnsafeMutableBytes { fread($0.baseAddress, 8, $0.count / 8, file) }
        fseek(file, 0, SEEK_END)
        guard read == values.count else { throw Self.error(ferror(file) != 0 ? errno : EIO, file: name) }
        return values
    }

    private func flush(_ index: Int) {
        guard !parts[index].buffer.isEmpty, failure == nil else { return }
        guard let file = parts[index].file ?? open() else { return }
        parts[index].file = file
        let values = parts[index].buffer
        let written = values.withUnsafeBytes { fwrite($0.baseAddress, 8, values.count, file) }
        guard written == values.count else {
            failure = errno
            return
        }
        parts[index].written += values.count / 2
        parts[index].buffer.removeAll(keepingCapacity: true)
    }

    /// A new temporary file, already removed from its folder.
    private func open() -> UnsafeMutablePointer<FILE>? {
        var template = Array((Self.folder + "/atelier-rows-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            failure = errno
            return nil
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        guard let file = fdopen(descriptor, "w+") else {
            failure = errno
            close(descriptor)
            return nil
        }
        return file
    }

    private static var folder: String {
        let folder = NSTemporaryDirectory()
        return folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    private static func error(_ code: Int32, file: String) -> UserError {
        UserError(ImpactMessage.impactSpillFailed, ["file": file, "folder": folder, "reason": String(cString: strerror(code))])
    }
}

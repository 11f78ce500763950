import AtelierCore
import AtelierTabular
import Foundation

/// The rows already read in a run, by a stable 64-bit hash of their cells, to recognise a
/// submission exported or keyed twice; and the KoboToolbox submission ids already read.
/// Aggregates merged from separate runs cannot be checked this way: sums cannot give a row back.
public struct DuplicateFinder: Sendable {
    /// Used by the thread that reads the rows.
    var rows = RowMemory()
    /// Used by the thread that counts them.
    private var submissions: [String: (file: String, row: Int)] = [:]

    public init() {}

    /// The memory of rows, left empty here: the thread that reads takes it over unshared, so
    /// that its table is never copied.
    mutating func takeRows() -> RowMemory {
        var taken = RowMemory()
        swap(&taken, &rows)
        return taken
    }

    /// Where the submission `uuid` was read before, or nil (and it is remembered).
    mutating func earlierSubmission(_ uuid: String, row: Int, file: String) -> (file: String, row: Int)? {
        if let first = submissions[uuid] { return first }
        submissions[uuid] = (file, row)
        return nil
    }
}

/// Every row read in a run, to tell where an identical one was read first.
///
/// Memory: the only part of a read that grows with the rows — 12 bytes per table slot, the
/// table kept under 80 % full and doubled when it is (24 MB at 1 M rows, 48 MB at 3 M); row
/// numbers are counted on 32 bits across the files of a run.
struct RowMemory: Sendable {
    private var table = RowHashTable()
    /// Each file read, with the number its rows are counted from in the table (rows of every
    /// file of the run share one 32-bit numbering: `start + row number`).
    private var files: [(name: String, start: UInt32)] = []
    /// The highest number stored, so that the next file's numbers start past it.
    private var lastStored: UInt32 = 0
    /// The current file's first rows, measured to foresee its row count from its size.
    private var sample = (rows: 0, bytes: 0)
    static let sampleRows = 512

    /// Where the same row was read before, or nil (and the row is remembered).
    mutating func earlier(_ row: RawRow, file: String) -> (file: String, row: Int)? {
        if files.last?.name != file {
            files.append((file, lastStored))
            sample = (0, 0)
        }
        if sample.rows < Self.sampleRows { presize(file, after: row) }
        let start = files[files.count - 1].start
        let number = start &+ UInt32(truncatingIfNeeded: row.number)
        guard let first = table.find(orInsert: Self.hash(row), number: number) else {
            lastStored = max(lastStored, number)
            return nil
        }
        let owner = files.last { $0.start < first } ?? files[0]
        return (owner.name, Int(first - owner.start))
    }

    /// Sizes the table once for the whole file, from its size and its first rows' length, so
    /// that it is not doubled (its old and new copies held at once) as the rows come.
    private mutating func presize(_ file: String, after row: RawRow) {
        sample.rows += 1
        sample.bytes += (0..<row.count).reduce(row.count) { $0 + row.range($1).count }
        guard sample.rows == Self.sampleRows, let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int else { return }
        table.reserve(table.count + size / max(1, sample.bytes / sample.rows))
    }

    /// The row's cells, each with its length, so that « a,b » and « ab, » differ.
    private static func hash(_ row: RawRow) -> UInt64 {
        var stable = StableHash()
        row.bytes.withUnsafeBufferPointer { bytes in
            for field in 0..<row.count {
                stable.addWords(UnsafeBufferPointer(rebasing: bytes[row.range(field)]))
                stable.add(word: UInt64(truncatingIfNeeded: row.ends[field] - row.starts[field]))
            }
        }
        return stable.value
    }
}

/// An open-addressing hash table from a 64-bit hash to a 32-bit row number, probed linearly:
/// two flat arrays, no per-entry allocation, one cache line read for most lookups.
struct RowHashTable {
    private var hashes: [UInt64]
    private var numbers: [UInt32]
    private(set) var count = 0
    private var shift: UInt64

    /// Slot 0 of `hashes` marks an empty slot: a hash of 0 is stored as 1.
    private static let empty: UInt64 = 0
    static let initialBits = 16

    init() {
        hashes = Array(repeating: Self.empty, count: 1 << Self.initialBits)
        numbers = Array(repeating: 0, count: 1 << Self.initialBits)
        shift = UInt64(64 - Self.initialBits)
    }

    /// The number stored with `hash`, or nil after storing `number` with it.
    mutating func find(orInsert hash: UInt64, number: UInt32) -> UInt32? {
        let key = hash == Self.empty ? 1 : hash
        if count * 5 >= hashes.count * 4 { resize(to: hashes.count * 2) }
        let mask = hashes.count - 1
        var slot = Self.slot(key, shift: shift)
        while true {
            let stored = hashes[slot]
            if stored == key { return numbers[slot] }
            if stored == Self.empty {
                hashes[slot] = key
                numbers[slot] = number
                count += 1
                return nil
            }
            slot = (slot + 1) & mask
        }
    }

    /// The slot a key starts from: its bits mixed (Fibonacci hashing), the top ones kept.
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Makes room for `entries` without resizing again.
    mutating func reserve(_ entries: Int) {
        var slots = hashes.count
        while entries * 5 >= slots * 4 { slots *= 2 }
        if slots > hashes.count { resize(to: slots) }
    }

    private mutating func resize(to slots: Int) {
        let oldHashes = hashes, oldNumbers = numbers
        hashes = Array(repeating: Self.empty, count: slots)
        numbers = Array(repeating: 0, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        let mask = hashes.count - 1
        for (key, number) in zip(oldHashes, oldNumbers) where key != Self.empty {
            var slot = Self.slot(key, shift: shift)
            while hashes[slot] != Self.empty { slot = (slot + 1) & mask }
            hashes[slot] = key
            numbers[slot] = number
        }
    }
}

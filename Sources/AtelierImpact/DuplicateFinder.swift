import AtelierCore
import AtelierTabular
import Foundation

/// The rows already read in a run, by a stable 64-bit hash of their cells, to recognise a
/// submission exported or keyed twice; and the KoboToolbox submission ids already read.
/// Aggregates merged from separate runs cannot be checked this way: sums cannot give a row back.
public struct DuplicateFinder: Sendable {
    /// Used by the thread that reads the rows.
    var rows: RowMemory
    /// Used by the thread that counts them.
    private var submissions: [String: (file: String, row: Int)] = [:]

    public init() {
        rows = RowMemory()
    }

    /// A finder whose table of rows holds at most `tableSlots` slots (a power of two): the
    /// rows past it are compared on disk.
    init(tableSlots: Int) {
        rows = RowMemory(tableSlots: tableSlots)
    }

    /// The memory of rows, left empty here: the thread that reads takes it over unshared, so
    /// that its table is never copied.
    mutating func takeRows() -> RowMemory {
        var taken = RowMemory()
        swap(&taken, &rows)
        return taken
    }

    /// Where the submission `uuid` was read before, or nil (and it is remembered). The same
    /// row read again (a file's second reading) is not an earlier submission of itself.
    mutating func earlierSubmission(_ uuid: String, row: Int, file: String) -> (file: String, row: Int)? {
        if let first = submissions[uuid] { return first == (file, row) ? nil : first }
        submissions[uuid] = (file, row)
        return nil
    }
}

/// Every row read in a run, to tell where an identical one was read first.
///
/// Memory: a table of 64-bit row hashes and 32-bit row numbers, 12 bytes a slot, sized from the
/// file and capped at `tableSlots` (2^20 slots, 12 MiB: 655,360 rows). The rows past it are
/// looked up in the table as they come and their hashes written to disk (`RowSpill`); at the
/// end of the file, the rows identical to one of those are found there. Such a late find means
/// the file was counted with a duplicate in it: `foundLate` says so, and the file is read again
/// with every duplicate known (`SurveyTally.read(opening:)`). Besides the table, memory grows
/// only with the duplicates found (8 bytes each) and, at the end of a file, with a 64th of the
/// rows written to disk and their table (28 bytes a row: about 5.5 MB at 10 M rows); row
/// numbers are counted on 32 bits across the files of a run.
struct RowMemory: Sendable {
    static let tableSlots = 1 << 20
    private var table: RowHashTable
    private let spill = RowSpill()
    /// Each file read, with the number its rows are counted from in the table (rows of every
    /// file of the run share one 32-bit numbering: `start + row number`).
    private var files: [(name: String, start: UInt32)] = []
    /// The highest number given, so that the next file's numbers start past it.
    private var lastNumber: UInt32 = 0
    /// The current file's first rows, measured to foresee its row count from its size.
    private var sample = (rows: 0, bytes: 0)
    static let sampleRows = 512
    /// The current file's rows identical to an earlier row: its number, the earlier's.
    private var found: [UInt32: UInt32] = [:]
    /// Whether some of them were found only at the end of the file (its count holds them).
    private(set) var foundLate = false
    /// Whether the current file is being read again: every duplicate is then in `found`.
    private var replaying = false

    init(tableSlots: Int = Self.tableSlots) {
        table = RowHashTable(maxSlots: tableSlots)
    }

    /// Where the same row was read before, or nil (and the row is remembered).
    mutating func earlier(_ row: RawRow, file: String) -> (file: String, row: Int)? {
        var keys = RowKeys()
        keys.append(row)
        return earlier(keys, bytes: (0..<row.count).reduce(row.count) { $0 + row.range($1).count }, file: file).first?.first
    }

    /// For the rows of a batch (`bytes` long in all), in order, those read before, each with
    /// where (and the others are remembered). Looked up together, after the batch is read, so
    /// that the processor fetches the table's slots for several rows at once (they are cache
    /// misses: the table is larger than the cache).
    mutating func earlier(_ keys: RowKeys, bytes: Int, file: String) -> [(index: Int, first: (file: String, row: Int))] {
        if files.last?.name != file {
            files.append((file, lastNumber))
            (sample, found, foundLate, replaying) = ((0, 0), [:], false, false)
        }
        let start = files[files.count - 1].start
        if replaying {
            return keys.numbers.indices.compactMap { index in found[start &+ UInt32(truncatingIfNeeded: keys.numbers[index])].map { (index, place($0)) } }
        }
        if sample.rows < Self.sampleRows { presize(file, rows: keys.numbers.count, bytes: bytes) }
        var earlier: [(index: Int, first: (file: String, row: Int))] = []
        for index in keys.numbers.indices {
            let number = start &+ UInt32(truncatingIfNeeded: keys.numbers[index])
            lastNumber = max(lastNumber, number)
            let first: UInt32?
            if !table.isFull {
                first = table.find(orInsert: keys.hashes[index], number: number)
            } else {
                first = table.find(keys.hashes[index])
                if first == nil { spill.append(hash: keys.hashes[index], number: number) }
            }
            guard let first else { continue }
            found[number] = first
            earlier.append((index, place(first)))
        }
        return earlier
    }

    /// Ends the reading of `file`: the rows it wrote to disk identical to an earlier one there.
    mutating func end(_ file: String) throws {
        guard files.last?.name == file else { return }
        guard !replaying else {
            replaying = false
            return
        }
        let late = try spill.identical(after: files[files.count - 1].start, reading: file)
        found.merge(late) { first, _ in first }
        foundLate = !late.isEmpty
    }

    /// Prepares the current file's second reading, its duplicates known.
    mutating func replay() {
        replaying = true
        foundLate = false
    }

    /// The file and row number of a number of the run.
    private func place(_ number: UInt32) -> (file: String, row: Int) {
        let owner = files.last { $0.start < number } ?? files[0]
        return (owner.name, Int(number - owner.start))
    }

    /// Sizes the table once for the whole file, from its size and its first rows' length, so
    /// that it is not doubled (its old and new copies held at once) as the rows come.
    private mutating func presize(_ file: String, rows: Int, bytes: Int) {
        sample = (sample.rows + rows, sample.bytes + bytes)
        guard sample.rows >= Self.sampleRows, let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int else { return }
        table.reserve(table.count + size / max(1, sample.bytes / sample.rows))
    }

    /// The row's cells, each with its length, so that « a,b » and « ab, » differ: eight bytes
    /// at a time, a cell's last few bytes and its length mixed as one word.
    static func hash(_ row: RawRow) -> UInt64 {
        var stable = StableHash()
        row.bytes.withUnsafeBufferPointer { bytes in
            for field in 0..<row.count {
                let (start, end) = (row.starts[field], row.ends[field])
                var offset = start
                while offset + 8 <= end {
                    stable.add(word: ByteWords.word(at: bytes.baseAddress! + offset))
                    offset += 8
                }
                var last = UInt64(truncatingIfNeeded: end - start) &* 0x9E37_79B9_7F4A_7C15
                if offset < end { last ^= ByteWords.word(at: bytes.baseAddress! + offset, count: end - offset, readable: bytes.count - offset) }
                stable.add(word: last)
            }
        }
        return stable.value
    }
}

/// A batch's rows as the memory of rows takes them: each row's number in its file and hash.
struct RowKeys {
    private(set) var numbers: [Int] = []
    private(set) var hashes: [UInt64] = []

    mutating func append(_ row: RawRow) {
        numbers.append(row.number)
        hashes.append(RowMemory.hash(row))
    }

    mutating func removeAll() {
        numbers.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
    }
}

/// An open-addressing hash table from a 64-bit hash to a 32-bit row number, probed linearly:
/// two flat arrays, no per-entry allocation, one cache line read for most lookups. It grows
/// up to `maxSlots` slots, kept at most 5/8 full: a row looked up in the full table, as every
/// row past it is, finds an empty slot after a few probes (about 13 at 80 %, 4 at 62.5 %).
struct RowHashTable {
    private var hashes: [UInt64]
    private var numbers: [UInt32]
    private(set) var count = 0
    private var shift: UInt64
    let maxSlots: Int

    /// Slot 0 of `hashes` marks an empty slot: a hash of 0 is stored as 1.
    private static let empty: UInt64 = 0
    static let initialBits = 16

    init(maxSlots: Int = .max) {
        let slots = min(1 << Self.initialBits, maxSlots)
        precondition(slots.nonzeroBitCount == 1, "a power of two of slots")
        self.maxSlots = maxSlots
        hashes = Array(repeating: Self.empty, count: slots)
        numbers = Array(repeating: 0, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    /// Whether the table holds all it may: 5/8 of its largest size.
    var isFull: Bool { hashes.count >= maxSlots && Self.crowded(count + 1, slots: hashes.count) }

    /// The number stored with `hash`, or nil after storing `number` with it (the table must not be full).
    mutating func find(orInsert hash: UInt64, number: UInt32) -> UInt32? {
        let key = hash == Self.empty ? 1 : hash
        if Self.crowded(count + 1, slots: hashes.count) { resize(to: hashes.count * 2) }
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
            slot = (slot + 1) & (hashes.count - 1)
        }
    }

    /// The number stored with `hash`, or nil.
    func find(_ hash: UInt64) -> UInt32? {
        let key = hash == Self.empty ? 1 : hash
        var slot = Self.slot(key, shift: shift)
        while true {
            let stored = hashes[slot]
            if stored == key { return numbers[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & (hashes.count - 1)
        }
    }

    private static func crowded(_ entries: Int, slots: Int) -> Bool { entries * 8 > slots * 5 }

    /// The slot a key starts from: its bits mixed (Fibonacci hashing), the top ones kept.
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Makes room for `entries` (as many as fit in `maxSlots`) without resizing again.
    mutating func reserve(_ entries: Int) {
        var slots = hashes.count
        while Self.crowded(entries, slots: slots) && slots < maxSlots { slots *= 2 }
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

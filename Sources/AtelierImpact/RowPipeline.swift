import AtelierCore
import AtelierTabular
import Foundation

/// Reading and counting on two cores: a second thread reads an export's rows (parsing, and
/// finding where an identical row was read first) into batches, handed over through a queue,
/// while the calling thread codes and counts them in the order read.
///
/// The work is shared out as the threads go: the reading thread also codes the first `early`
/// cells of each row (`EarlyCoding`), one more from the next batch each time it finds the
/// queue full (the counting thread is the slower), one fewer each time the counting thread
/// finds it empty. Coding a cell gives the same answer on either thread.
///
/// Memory: at most `depth` batches waiting, one being filled and one being counted, each
/// closed at `batchBytes` of rows, `batchRows` rows or `batchCodes` coded cells of 16 bytes
/// (under 2 MB in all).
final class RowPipeline<Reader: TableReader>: @unchecked Sendable {
    /// A batch of rows, with the earlier identical row of those that have one, in the order of
    /// their index (a list walked along the rows, not a dictionary looked up for each), and the
    /// first `early` cells of each row coded (`codes`, row after row; `reasons` explains their refusals).
    struct Batch {
        var rows = RowBatch()
        var earlier: [(index: Int, first: (file: String, row: Int))] = []
        var early = 0
        var codes: [Coded] = []
        var reasons: [Localized] = []
    }

    /// The cells the reading thread codes: the export's questions of one column each, in
    /// order, of which each batch codes the first `early`.
    struct EarlyCoding {
        var cache: AnswerCache
        let questions: [(question: Int, column: Int)]
    }

    private let depth = 2
    private let batchBytes = 128 << 10
    private let batchRows = 1024
    private let batchCodes = 16 << 10

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?
    private let ended = DispatchSemaphore(value: 0)
    /// The reader and the memory of rows, the second thread's while it runs.
    private var reader: Reader?
    private var memory: RowMemory
    /// How many cells of each row the reading thread codes, moved by `hand` and `next`.
    private var early: Int
    private let mostEarly: Int
    /// Whether `early` follows the threads' pace (else it stays as given).
    private let balances: Bool

    /// Starts reading `reader` on a second thread; identical rows are looked for when
    /// `detectsDuplicates`, in `memory` (the rows of the run's earlier files). The reading
    /// thread codes cells with `coding`, `early` of them in the first batch, then as many as
    /// balance the threads (or always `early` when `balances` is false).
    init(reader: Reader, memory: RowMemory, detectsDuplicates: Bool, coding: EarlyCoding, early: Int = 0, balances: Bool = true) {
        self.reader = reader
        self.memory = memory
        mostEarly = coding.questions.count
        self.early = min(early, mostEarly)
        self.balances = balances
        let file = reader.file
        let thread = Thread { [self] in
            produce(file: file, detectsDuplicates: detectsDuplicates, coding: coding)
            ended.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next batch in reading order, nil at the end; a reading error is thrown where it stopped.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        if queue.isEmpty && !finished && balances { early = max(0, early - 1) }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the second thread (when counting ends early) and waits for it: the reader and the
    /// memory of rows are then the caller's again.
    func finish() -> (reader: Reader?, memory: RowMemory) {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        ended.wait()
        return (reader, memory)
    }

    private func produce(file: String, detectsDuplicates: Bool, coding: EarlyCoding) {
        // Worked on as locals (a class's stored properties are checked for exclusive access at each use).
        // Taken, not copied: a copy would share (and then duplicate) the reader's buffer and the rows' table.
        guard var reader = reader.take() else { return end(failure: nil) }
        var memory = RowMemory()
        swap(&memory, &self.memory)
        defer { (self.reader, self.memory) = (reader, memory) }
        var row = RawRow()
        var coding = coding
        var batch = Batch()
        condition.lock()
        batch.early = early
        condition.unlock()
        var keys = RowKeys()
        /// Hands the batch over, the rows read before among its own found first; false when the counting has stopped.
        func handBatch() -> Bool {
            if detectsDuplicates {
                batch.earlier = memory.earlier(keys, bytes: batch.rows.byteCount, file: file)
                keys.removeAll()
            }
            batch.reasons = coding.cache.reasons
            guard let next = hand(batch) else { return false }
            batch = Batch()
            batch.early = next
            return true
        }
        do {
            while try reader.readRow(into: &row) {
                if detectsDuplicates { keys.append(row) }
                coding.code(row, count: batch.early, into: &batch.codes)
                batch.rows.append(row)
                if batch.rows.byteCount >= batchBytes || batch.rows.count >= batchRows || batch.codes.count >= batchCodes {
                    guard handBatch() else { return }
                }
            }
            if batch.rows.count > 0, !handBatch() { return }
            if detectsDuplicates { try memory.end(file) }
            end(failure: nil)
        } catch {
            end(failure: error)
        }
    }

    /// Queues a batch, waiting while the queue is full; the number of cells to code early in
    /// the next batch, or nil when the counting has stopped.
    private func hand(_ batch: Batch) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        if queue.count >= depth && balances { early = min(mostEarly, early + 1) }
        while queue.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return nil }
        queue.append(batch)
        condition.broadcast()
        return early
    }

    private func end(failure: (any Error)?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

extension RowPipeline.EarlyCoding {
    /// Appends the codes of the row's first `count` questions.
    mutating func code(_ row: RawRow, count: Int, into codes: inout [Coded]) {
        guard count > 0 else { return }
        row.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<count {
                let (question, column) = questions[index]
                codes.append(cache.code(field: column, of: row, bytes: bytes, question: question))
            }
        }
    }
}

import AtelierCore
import AtelierTabular
import Foundation

/// Reading and counting on two cores: a second thread reads an export's rows (parsing, and
/// finding where an identical row was read first) into batches, handed over through a queue,
/// while the calling thread codes and counts them in the order read.
///
/// Memory: at most `depth` batches waiting, one being filled and one being counted, each
/// closed at `batchBytes` or `batchRows` (under 2 MB in all).
final class RowPipeline<Reader: TableReader>: @unchecked Sendable {
    /// A batch of rows, with the earlier identical row of those that have one, in the order of
    /// their index (a list walked along the rows, not a dictionary looked up for each).
    struct Batch {
        var rows = RowBatch()
        var earlier: [(index: Int, first: (file: String, row: Int))] = []
    }

    private let depth = 2
    private let batchBytes = 128 << 10
    private let batchRows = 1024

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?
    private let ended = DispatchSemaphore(value: 0)
    /// The reader and the memory of rows, the second thread's while it runs.
    private var reader: Reader?
    private var memory: RowMemory

    /// Starts reading `reader` on a second thread; identical rows are looked for when
    /// `detectsDuplicates`, in `memory` (the rows of the run's earlier files).
    init(reader: Reader, memory: RowMemory, detectsDuplicates: Bool) {
        self.reader = reader
        self.memory = memory
        let file = reader.file
        let thread = Thread { [self] in
            produce(file: file, detectsDuplicates: detectsDuplicates)
            ended.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next batch in reading order, nil at the end; a reading error is thrown where it stopped.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
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

    private func produce(file: String, detectsDuplicates: Bool) {
        // Worked on as locals (a class's stored properties are checked for exclusive access at each use).
        // Taken, not copied: a copy would share (and then duplicate) the reader's buffer and the rows' table.
        guard var reader = reader.take() else { return end(failure: nil) }
        var memory = RowMemory()
        swap(&memory, &self.memory)
        defer { (self.reader, self.memory) = (reader, memory) }
        var row = RawRow()
        var batch = Batch()
        var keys = RowKeys()
        /// Hands the batch over, the rows read before among its own found first; false when the counting has stopped.
        func handBatch() -> Bool {
            if detectsDuplicates {
                batch.earlier = memory.earlier(keys, bytes: batch.rows.byteCount, file: file)
                keys.removeAll()
            }
            defer { batch = Batch() }
            return hand(batch)
        }
        do {
            while try reader.readRow(into: &row) {
                if detectsDuplicates { keys.append(row) }
                batch.rows.append(row)
                if batch.rows.byteCount >= batchBytes || batch.rows.count >= batchRows {
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

    /// Queues a batch, waiting while the queue is full; false when the counting has stopped.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    private func end(failure: (any Error)?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

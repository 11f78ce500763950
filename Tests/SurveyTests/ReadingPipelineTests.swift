import AtelierCore
@testable import AtelierImpact
@testable import AtelierTabular
import Foundation
import TestSupport
import XCTest

/// The read of an export spread over two threads (rows read and compared in batches on one,
/// coded and counted on the other): the same counts as the rows of one copy times the copies,
/// duplicates found across batches with their first row, a reading error still reported with
/// its place, and the table of row hashes exact through its growth.
final class ReadingPipelineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.scratchFolder() }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    /// The Google Forms example's header and data lines.
    private func exportLines() throws -> (header: String, rows: [String]) {
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        return (lines[0], Array(lines.dropFirst()))
    }

    /// `count` copies of the example's data lines, each copy's timestamps its own: a row is a
    /// duplicate of a row of its copy only (as the example has one).
    private func copies(_ count: Int, of rows: [String]) -> [String] {
        (0..<count).flatMap { copy in rows.map { $0.replacingOccurrences(of: "\"2026/05/", with: "\"\(1000 + copy)/05/") } }
    }

    private func read(_ lines: [String], plan: SurveyPlan) throws -> SurveyAggregate {
        try read([lines], plan: plan, duplicates: DuplicateFinder())
    }

    /// The aggregate of one run over one export per list of lines; `earlyCells` fixes how many
    /// cells of each row the reading thread codes.
    private func read(_ exports: [[String]], plan: SurveyPlan, duplicates finder: DuplicateFinder, earlyCells: Int? = nil) throws -> SurveyAggregate {
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = finder
        var tally = SurveyTally(plan: plan)
        if let earlyCells { (tally.earlyCells, tally.balancesCoding) = (earlyCells, false) }
        for (index, lines) in exports.enumerated() {
            let url = folder.appendingPathComponent("export-\(index).csv")
            try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
            _ = try tally.read(opening: { try CSVReader(path: url.path) }, into: &aggregate, duplicates: &duplicates)
        }
        return aggregate
    }

    /// A cell gives the same answer whichever thread codes it: every cell of each row coded on
    /// the reading thread, none, a few, or as many as balance the threads, give the very
    /// aggregate, refused answers and their reasons included.
    func testCellsCodedOnEitherThreadGiveTheSameAggregate() throws {
        let (header, rows) = try exportLines()
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let lines = [header] + copies(20, of: rows)
        let counted = try read([lines], plan: plan, duplicates: DuplicateFinder(), earlyCells: 0)
        XCTAssertGreaterThan(counted.problems.counts["refused"] ?? 0, 0, "refusals to carry from one thread to the other")
        for early in [1_000, 3, nil] {
            XCTAssertEqual(try read([lines], plan: plan, duplicates: DuplicateFinder(), earlyCells: early), counted, "\(String(describing: early))")
        }
    }

    func testManyBatchesCountAsOneCopyTimesTheCopies() throws {
        let (header, rows) = try exportLines()
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let one = try read([header] + rows, plan: plan)
        let many = try read([header] + copies(60, of: rows), plan: plan)
        XCTAssertGreaterThan(many.rows, 5_000)
        XCTAssertEqual(many.rows, 60 * one.rows)
        XCTAssertEqual(many.used, 60 * one.used)
        XCTAssertEqual(many.problems.count, 60 * one.problems.count)
        for (id, tally) in one.questions {
            XCTAssertEqual(many.questions[id]?.answered, 60 * tally.answered, id)
            XCTAssertEqual(many.questions[id]?.values, tally.values.mapValues { 60 * $0 }, id)
        }
        // Refused answers keep their rows, in reading order.
        let numbers = many.problems.examples.map(\.row)
        XCTAssertEqual(numbers, numbers.sorted())
    }

    func testDuplicatesAcrossBatchesNameTheirFirstRow() throws {
        let (header, rows) = try exportLines()
        var lines = copies(50, of: rows)
        lines.append(lines[9])
        lines.insert(lines[2_000], at: 4_000)
        let aggregate = try read([header] + lines, plan: try Fixtures.plan("voix-du-quartier.yaml"))
        let duplicates = aggregate.excluded.examples.filter { $0.kind == .duplicate }
        // The example's own duplicate once per copy, and the two added.
        XCTAssertEqual(duplicates.count, 52)
        XCTAssertEqual(duplicates.first { $0.row == 4_002 }?.reason.en, "same answers as row 2002 (a duplicate submission)")
        XCTAssertEqual(duplicates.last?.row, lines.count + 1)
        XCTAssertEqual(duplicates.last?.reason.en, "same answers as row 11 (a duplicate submission)")
    }

    /// A table of 64 slots keeps 40 rows: the rest are compared on disk, within the file and
    /// with the earlier file, and the file that held such duplicates is counted again.
    func testDuplicatesPastTheTableInMemoryAreFoundOnDisk() throws {
        let (header, rows) = try exportLines()
        var first = copies(30, of: rows)
        first.append(first[2_000])
        let second = Array(copies(32, of: rows).dropFirst(first.count - 1)) + [first[1_500], first[9]]
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let small = try read([[header] + first, [header] + second], plan: plan, duplicates: DuplicateFinder(tableSlots: 64))
        XCTAssertEqual(small, try read([[header] + first, [header] + second], plan: plan, duplicates: DuplicateFinder()))
        let reasons = small.excluded.examples.filter { $0.kind == .duplicate }.map { "\($0.file.suffix(12)) \($0.row): \($0.reason.en)" }
        XCTAssertEqual(reasons.count, 30 + 1 + 2 + 2)
        XCTAssertEqual(reasons.suffix(2), ["export-1.csv \(second.count): same answers as row 1502 of \(folder.appendingPathComponent("export-0.csv").path) (a duplicate submission)",
                                           "export-1.csv \(second.count + 1): same answers as row 11 of \(folder.appendingPathComponent("export-0.csv").path) (a duplicate submission)"])
        XCTAssertTrue(reasons.contains("export-0.csv \(first.count + 1): same answers as row 2002 (a duplicate submission)"), "\(reasons)")
    }

    /// An export found with a duplicate past the table is read a second time: if it changed in
    /// between, the run stops rather than count a file it did not read twice the same.
    func testAnExportChangedBeforeItsSecondReadingIsAnError() throws {
        let (header, rows) = try exportLines()
        let url = folder.appendingPathComponent("export.csv")
        try ([header] + rows).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder(tableSlots: 16)
        var openings = 0
        XCTAssertThrowsError(try SurveyTally(plan: plan).read(opening: {
            openings += 1
            if openings == 2 { try ([header] + rows + [rows[0]]).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8) }
            return try CSVReader(path: url.path)
        }, into: &aggregate, duplicates: &duplicates)) { error in
            XCTAssertEqual((error as? UserError)?.message.en.hasPrefix("\(url.path) changed while it was read"), true, "\(error)")
        }
        XCTAssertEqual(openings, 2)
    }

    /// A row's hash depends on its cells alone: not on the bytes around them in the buffer
    /// (read past a cell and masked off), nor on where in the buffer they lie (a cell at its very
    /// end is read byte by byte); cells split differently differ.
    func testARowsHashDependsOnItsCellsAlone() {
        func row(_ buffer: String, _ fields: [Range<Int>]) -> RawRow {
            var row = RawRow()
            for field in fields { row.appendField(at: field) }
            row.share(Array(buffer.utf8))
            return row
        }
        let cells = ["Tout à fait d'accord", "abc", "", "de"]
        var laidOut = RawRow()
        for cell in cells { laidOut.append(field: cell.utf8) }
        let hash = RowMemory.hash(laidOut)
        let padded = row("xxTout à fait d'accordyyyyyyyyyyabczzzzzzzzzzde!!!!!!!!!", [2..<23, 33..<36, 36..<36, 46..<48])
        let atTheEnd = row("deTout à fait d'accordabc", [2..<23, 23..<26, 0..<0, 0..<2])
        XCTAssertEqual(RowMemory.hash(padded), hash)
        XCTAssertEqual(RowMemory.hash(atTheEnd), hash)
        XCTAssertNotEqual(RowMemory.hash(row("abcde", [0..<2, 2..<5])), RowMemory.hash(row("abcde", [0..<3, 3..<5])))
        XCTAssertNotEqual(RowMemory.hash(row("a,b", [0..<3])), RowMemory.hash(row("a,b", [0..<1, 2..<3])))
        XCTAssertNotEqual(RowMemory.hash(row("ab", [0..<1, 1..<2])), RowMemory.hash(row("ab", [1..<2, 0..<1])), "the same cells in another order")
        XCTAssertNotEqual(RowMemory.hash(row("aa", [0..<1, 1..<2])), RowMemory.hash(row("", [0..<0, 0..<0])), "two equal cells do not cancel out")
        XCTAssertEqual(RowMemory.hash(row("", [0..<0, 0..<0])), RowMemory.hash(row("x", [1..<1, 0..<0])), "empty cells, in an empty buffer or not")
        let long = String(repeating: "Un commentaire assez long. ", count: 3)
        XCTAssertEqual(RowMemory.hash(row(long + "!", [0..<long.utf8.count])), RowMemory.hash(row(long, [0..<long.utf8.count])), "a cell of more than 32 bytes")
        XCTAssertNotEqual(RowMemory.hash(row(long + "!", [0..<long.utf8.count + 1])), RowMemory.hash(row(long, [0..<long.utf8.count])))
    }

    /// A short cell's two words are the same read whole and masked (16 bytes readable from its
    /// start) or byte by byte (at its buffer's end), whatever follows it, for every length.
    func testAShortCellsWordsDependOnItsBytesAlone() {
        let text = Array("Tout à fait d'accord, vraiment, tout à fait".utf8)
        for count in 0...AnswerCache.shortCell {
            let cell = Array(text.prefix(count))
            let alone = cell.withUnsafeBufferPointer { AnswerCache.head($0, readable: count) }
            let followed = (cell + Array(repeating: 0xFF, count: 32)).withUnsafeBufferPointer {
                AnswerCache.head(UnsafeBufferPointer(rebasing: $0[..<count]), readable: count + 32)
            }
            XCTAssertTrue(alone == followed, "\(count)")
            XCTAssertEqual(alone == (0, 0), count == 0, "\(count)")
        }
    }

    /// Pre/post differences are counted in a short list, then past it in the tally's dictionary: every one is counted once.
    func testPrePostDifferencesPastTheShortListAreAllCounted() {
        var pair = RunningPair()
        for _ in 0..<2 {
            for pre in 0..<(RunningPair.listed + 18) { pair.add(pre: Double(pre), post: Double(2 * pre), maximum: 100) }
        }
        let folded = pair.folded
        XCTAssertEqual(folded.differences, Dictionary(uniqueKeysWithValues: (0..<(RunningPair.listed + 18)).map { (Double($0), 2.0) }))
        XCTAssertEqual(folded.difference.n, Double(2 * (RunningPair.listed + 18)))
        XCTAssertEqual(folded.gains.n, folded.difference.n)
    }

    func testTheTableStopsAtItsLargestSize() {
        var table = RowHashTable(maxSlots: 1 << 17)
        var key: UInt64 = 0x1234
        while !table.isFull {
            key = key &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            XCTAssertNil(table.find(orInsert: key, number: UInt32(table.count)))
        }
        XCTAssertEqual(table.count, (1 << 17) * 5 / 8)
        XCTAssertEqual(table.find(key), UInt32(table.count - 1))
        XCTAssertNil(table.find(key &+ 1))
    }

    func testTheRowsOnDiskNameTheFirstOfTheirHash() throws {
        let spill = RowSpill()
        for number in 1...10_000 { spill.append(hash: UInt64(number % 7_000) &* 0x9E37_79B9_7F4A_7C15, number: UInt32(number)) }
        let found = try spill.identical(after: 0, reading: "export.csv")
        XCTAssertEqual(found.count, 3_000)
        XCTAssertNil(found[7_000])
        XCTAssertEqual(found[7_001], 1)
        XCTAssertEqual(found[10_000], 3_000)
        // Read back, nothing new: nothing found again.
        XCTAssertEqual(try spill.identical(after: 0, reading: "export.csv"), [:])
        spill.append(hash: 5 &* 0x9E37_79B9_7F4A_7C15, number: 10_001)
        XCTAssertEqual(try spill.identical(after: 10_000, reading: "export.csv"), [10_001: 5])
    }

    func testRowsThatCannotBeWrittenToDiskAreAnErrorNamingTheFolder() throws {
        let saved = ProcessInfo.processInfo.environment["TMPDIR"]
        setenv("TMPDIR", "/nonexistent/atelier", 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        let spill = RowSpill()
        for number in 1...1_000 { spill.append(hash: UInt64(number), number: UInt32(number)) }
        XCTAssertThrowsError(try spill.identical(after: 0, reading: "export.csv")) { error in
            let message = (error as? UserError)?.message
            XCTAssertEqual(message?.en.hasPrefix("while reading export.csv, the rows read beyond the memory set aside could not be noted on disk"), true, "\(error)")
            XCTAssertEqual(message?.en.contains("/nonexistent/atelier"), true, "\(error)")
        }
    }

    func testAReadingErrorAfterManyRowsIsReportedWithItsLine() throws {
        let (header, rows) = try exportLines()
        let lines = [header] + copies(40, of: rows) + ["\"2026/05/21 10:00:00\",\"Satisfait·e"]
        XCTAssertThrowsError(try read(lines, plan: try Fixtures.plan("voix-du-quartier.yaml"))) { error in
            let message = (error as? UserError)?.message.en ?? "\(error)"
            XCTAssertTrue(message.contains("\(lines.count)"), message)
        }
    }

    func testTheRowHashTableIsExactThroughItsGrowth() {
        var table = RowHashTable()
        let keys = (0..<300_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5555 }
        for (index, key) in keys.enumerated() { XCTAssertNil(table.find(orInsert: key, number: UInt32(index))) }
        XCTAssertEqual(table.count, keys.count)
        for index in stride(from: 0, to: keys.count, by: 997) {
            XCTAssertEqual(table.find(orInsert: keys[index], number: 0), UInt32(index))
        }
        // 0 marks an empty slot: a hash of 0 is kept all the same.
        XCTAssertNil(table.find(orInsert: 0, number: 7))
        XCTAssertEqual(table.find(orInsert: 0, number: 8), 7)
    }
}

import AtelierCore
@testable import AtelierImpact
import AtelierTabular
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
        let url = folder.appendingPathComponent("export-\(UUID().uuidString).csv")
        try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        var reader = try CSVReader(path: url.path)
        try SurveyTally(plan: plan).read(&reader, into: &aggregate, duplicates: &duplicates)
        return aggregate
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

import AtelierStatistics
import Foundation
import TestSupport
import XCTest

/// Agreement between graders against the grading reference's public values and against
/// pingouin, krippendorff and scikit-learn (Tests/Fixtures/statistics/generate.py).
final class AgreementTests: XCTestCase {
    private func cases(_ key: String) -> [[String: Any]] {
        let url = Fixtures.repository.appendingPathComponent("Tests/Fixtures/statistics/statistics.json")
        let object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]) ?? [:]
        return object[key] as? [[String: Any]] ?? []
    }

    private func assertClose(_ actual: Double?, _ expected: Double, _ tolerance: Double, _ message: String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("no value \(message)", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: tolerance, message, file: file, line: line)
    }

    func testShroutAndFleiss() throws {
        let icc = try XCTUnwrap(IntraclassCorrelation(ratings: [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]))
        for (value, expected) in [(icc.icc1, 0.1657), (icc.iccA1, 0.2898), (icc.iccC1, 0.7148), (icc.icc1k, 0.4428),
                                  (icc.iccAk, 0.6201), (icc.iccCk, 0.9093), (icc.msr, 11.2417), (icc.msc, 32.4861),
                                  (icc.mse, 1.0194), (icc.msw, 6.2639)] {
            assertClose(value, expected, 0.00005)
        }
    }

    func testPingouinWineData() throws {
        let icc = try XCTUnwrap(IntraclassCorrelation(ratings: [[1, 2, 0, 1], [1, 3, 3, 2], [3, 8, 1, 4], [6, 4, 3, 3], [6, 5, 5, 6],
                                                                [7, 5, 6, 2], [8, 7, 7, 9], [9, 9, 9, 8]]))
        for (value, expected) in [(icc.icc1, 0.7275), (icc.iccA1, 0.7277), (icc.iccC1, 0.7295), (icc.icc1k, 0.9144),
                                  (icc.iccAk, 0.9145), (icc.iccCk, 0.9152)] {
            assertClose(value, expected, 0.00005)
        }
        XCTAssertNil(IntraclassCorrelation(ratings: [[1, 2], [3]]), "an incomplete table has no ICC")
        // Found by the property tests: groups with the same mean leave MSR = 0, and the forms that
        // divide by it undefined (pingouin gives −inf), not −∞ in a workbook.
        let flat = try XCTUnwrap(IntraclassCorrelation(ratings: [[1, 2], [2, 1], [3, 0]]))
        XCTAssertEqual(flat.msr, 0)
        XCTAssertNil(flat.iccCk)
        XCTAssertNil(flat.icc1k)
        XCTAssertEqual(try XCTUnwrap(flat.iccC1), -1, accuracy: 1e-12)
    }

    func testKrippendorff2011() {
        let coders: [[Double?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { unit in coders.compactMap { $0[unit] } }
        assertClose(KrippendorffAlpha.alpha(units: units, metric: .nominal), 0.7434, 0.00005)
        assertClose(KrippendorffAlpha.alpha(units: units, metric: .ordinal), 0.8154, 0.00005)
        assertClose(KrippendorffAlpha.alpha(units: units, metric: .interval), 0.8491, 0.00005)
        assertClose(KrippendorffAlpha.alpha(units: units, metric: .ratio), 0.7974, 0.00005)
    }

    func testCohenKappaPublicValues() {
        let table: [[Double]] = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]
        assertClose(CohenKappa.kappa(table: table, weights: .none), 0.4842, 0.00005)
        assertClose(CohenKappa.kappa(table: table, weights: .linear), 0.4701, 0.00005)
    }

    func testWebPA() throws {
        let marks: [[Double]?] = [[4, 4, 3, 2, 1], [3, 5, 3, 2, 0], [4, 4, 4, 4, 4], [3, 5, 4, 3, 1], nil]
        let scores = try XCTUnwrap(WebPA.scores(marks: marks))
        for (score, expected) in zip(scores, [1.1300, 1.4785, 1.1188, 0.8553, 0.4174]) {
            assertClose(score, expected, 0.00005)
        }
        let individual = WebPA.individualMarks(groupMark: 60, weighting: 0.5, scores: scores, members: 5, maximum: 100)
        for (mark, expected) in zip(individual, [63.90, 74.36, 63.56, 55.66, 42.52]) {
            assertClose(mark, expected, 0.005)
        }
        XCTAssertEqual(WebPA.individualMarks(groupMark: 12, weighting: 0.5, scores: WebPA.scores(marks: [nil, nil]), members: 2, maximum: 20), [12, 12])
    }

    func testAgainstPingouinKrippendorffAndScikitLearn() throws {
        for sample in cases("icc") {
            let icc = try XCTUnwrap(IntraclassCorrelation(ratings: sample["ratings"] as! [[Double]]))
            for (value, key) in [(icc.icc1, "ICC1"), (icc.iccA1, "ICCA1"), (icc.iccC1, "ICCC1"), (icc.icc1k, "ICC1k"), (icc.iccAk, "ICCAk"), (icc.iccCk, "ICCCk")] {
                let expected = sample[key] as! Double
                assertClose(value, expected, 1e-9 * max(1, abs(expected)), key)
            }
        }
        XCTAssertEqual(cases("icc").count, 3)
        for sample in cases("krippendorff") {
            let data = (sample["data"] as! [[Any]]).map { $0.map { $0 as? Double } }
            let units = (0..<data[0].count).map { unit in data.compactMap { $0[unit] } }
            for metric in KrippendorffAlpha.Metric.allCases {
                let expected = sample[metric.rawValue] as! Double
                assertClose(KrippendorffAlpha.alpha(units: units, metric: metric, order: [1, 2, 3, 4]), expected, 1e-9 * max(1, abs(expected)), metric.rawValue)
            }
        }
        XCTAssertEqual(cases("krippendorff").count, 3)
        for sample in cases("kappa") {
            let first = sample["first"] as! [Int], second = sample["second"] as! [Int]
            var table = Array(repeating: Array(repeating: 0.0, count: 5), count: 5)
            for (a, b) in zip(first, second) { table[a][b] += 1 }
            for weights in CohenKappa.Weights.allCases {
                let expected = sample[weights.rawValue] as! Double
                assertClose(CohenKappa.kappa(table: table, weights: weights), expected, 1e-9, weights.rawValue)
            }
        }
        XCTAssertEqual(cases("kappa").count, 2)
    }
}

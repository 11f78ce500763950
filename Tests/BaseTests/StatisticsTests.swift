import AtelierStatistics
import Foundation
import TestSupport
import XCTest

/// AtelierStatistics against scipy and pingouin (Tests/Fixtures/statistics/generate.py) and
/// against the published values of the indicator reference.
final class StatisticsTests: XCTestCase {
    private func cases(_ key: String) -> [[String: Any]] {
        let url = Fixtures.repository.appendingPathComponent("Tests/Fixtures/statistics/statistics.json")
        let data = FileManager.default.contents(atPath: url.path) ?? Data()
        let oracle = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return oracle[key] as? [[String: Any]] ?? []
    }

    private func assertClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9, _ message: String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("no value: \(message)", file: file, line: line) }
        let tolerance = relative * max(abs(expected), 1e-300)
        XCTAssertLessThanOrEqual(abs(actual - expected), tolerance, "\(actual) ≠ \(expected) \(message)", file: file, line: line)
    }

    func testDistributionsMatchScipy() throws {
        let values = cases("distributions")
        XCTAssertGreaterThan(values.count, 250)
        for value in values {
            let params = value["params"] as! [Double]
            let distribution: any ContinuousDistribution = switch value["family"] as! String {
            case "t": StudentT(degreesOfFreedom: params[0])
            case "f": FisherF(params[0], params[1])
            case "chi2": ChiSquare(degreesOfFreedom: params[0])
            default: Normal()
            }
            let label = "\(value["family"]!) \(params)"
            if let x = value["x"] as? Double {
                assertClose(distribution.cdf(x), value["cdf"] as! Double, "cdf(\(x)) \(label)")
                assertClose(distribution.sf(x), value["sf"] as! Double, "sf(\(x)) \(label)")
            } else {
                let p = value["p"] as! Double
                assertClose(distribution.quantile(p), value["ppf"] as! Double, "ppf(\(p)) \(label)")
            }
        }
    }

    func testPairedTestsMatchScipyAndPingouin() throws {
        let pairs = cases("paired")
        XCTAssertEqual(pairs.count, 7)
        for pair in pairs {
            let name = pair["name"] as! String
            let pre = pair["pre"] as! [Double], post = pair["post"] as! [Double]
            let differences = zip(post, pre).map { $0 - $1 }
            let t = try XCTUnwrap(PairedTTest(differences: Moments(differences)))
            assertClose(t.t, pair["t"] as! Double, name)
            assertClose(t.degreesOfFreedom, pair["df"] as! Double, name)
            assertClose(t.p, pair["p"] as! Double, name)
            let ci = pair["ci"] as! [Double]
            assertClose(t.interval.lowerBound, ci[0], name)
            assertClose(t.interval.upperBound, ci[1], name)
            let histogram = differences.reduce(into: [Double: Double]()) { $0[$1, default: 0] += 1 }
            let wilcoxon = try XCTUnwrap(WilcoxonTest(differences: histogram))
            assertClose(wilcoxon.statistic, pair["wilcoxon_statistic"] as! Double, name)
            assertClose(wilcoxon.p, pair["wilcoxon_p"] as! Double, name)
            let effect = PairedEffectSize(pre: Moments(pre), post: Moments(post), differences: Moments(differences))
            assertClose(effect?.dz, pair["dz"] as! Double, name)
            assertClose(effect?.davg, pair["davg"] as! Double, name)
        }
    }

    func testWilcoxonChoosesScipysMethod() {
        func method(_ differences: [Double]) -> WilcoxonTest.Method? {
            WilcoxonTest(differences: differences.reduce(into: [:]) { $0[$1, default: 0] += 1 })?.method
        }
        XCTAssertEqual(method([1, 2, 3, -4, 5]), .exact)
        XCTAssertEqual(method([1, 1, 3, -4, 5]), .permutation, "ties")
        XCTAssertEqual(method([0, 2, 3, -4, 5]), .permutation, "a zero")
        XCTAssertEqual(method(Array(repeating: 1, count: 14) + [-2]), .normal)
        XCTAssertEqual(method((1...51).map(Double.init)), .normal)
        XCTAssertNil(method([0, 0]))
    }

    func testPublishedWilcoxonValue() throws {
        let x: [Double] = [20, 22, 19, 20, 22, 18, 24, 20, 19, 24, 26, 13]
        let y: [Double] = [38, 37, 33, 29, 14, 12, 20, 22, 17, 25, 26, 16]
        let histogram = zip(x, y).map { $0 - $1 }.reduce(into: [Double: Double]()) { $0[$1, default: 0] += 1 }
        let test = try XCTUnwrap(WilcoxonTest(differences: histogram))
        XCTAssertEqual(test.statistic, 20.5)
        XCTAssertEqual(test.p, 0.2880859375, accuracy: 1e-15)
        XCTAssertEqual(test.n, 11, "the zero difference is dropped")
    }

    func testPublishedPairedTValue() throws {
        let pre = [5.5, 2.4, 6.8, 9.6, 4.2], post = [6.4, 3.4, 6.4, 11.0, 4.8]
        let test = try XCTUnwrap(PairedTTest(differences: Moments(zip(pre, post).map { $0 - $1 })))
        assertClose(test.t, -2.3078316568852553)
        XCTAssertEqual(test.degreesOfFreedom, 4)
        assertClose(test.p, 0.08222795057213067)
    }

    func testCronbachAlphaMatchesPingouin() throws {
        for sample in cases("alpha") {
            let name = sample["name"] as! String
            let rows = (sample["rows"] as! [[Any]]).map { $0.map { $0 as? Double } }
            let k = rows[0].count
            var pairs = Array(repeating: Array(repeating: PairMoments(), count: k), count: k)
            for row in rows {
                for i in 0..<k {
                    for j in 0..<k {
                        if let x = row[i], let y = row[j] { pairs[i][j].add(x, y) }
                    }
                }
            }
            let alpha = try XCTUnwrap(CronbachAlpha(pairs: pairs, respondents: Double(rows.count)), name)
            assertClose(alpha.raw, sample["alpha"] as! Double, name)
            assertClose(alpha.standardized, sample["standardized"] as! Double, name)
            let ci = sample["ci"] as! [Double]
            assertClose(alpha.interval.lowerBound, ci[0], name)
            assertClose(alpha.interval.upperBound, ci[1], name)
        }
        XCTAssertEqual(cases("alpha").first?["alpha"] as? Double, 0.732660835214447, "the published pairwise value")
        XCTAssertEqual(cases("alpha").count, 4)
    }

    func testStandardizedAlphaIsAbsentWhenTheMeanCorrelationIsMinusOne() throws {
        // The property tests' shrunk case: two items answered together as (1, 1) and (0, 2), so r = −1.
        var pairs = Array(repeating: Array(repeating: PairMoments(), count: 2), count: 2)
        for row in [[1.0, 1.0], [0.0, 2.0]] {
            for i in 0..<2 { for j in 0..<2 { pairs[i][j].add(row[i], row[j]) } }
        }
        pairs[1][1].add(1, 1)
        let alpha = try XCTUnwrap(CronbachAlpha(pairs: pairs, respondents: 3))
        XCTAssertNil(alpha.standardized)
        XCTAssertTrue(alpha.interval.lowerBound <= alpha.interval.upperBound)
    }

    func testIntervalsAndMarginsOfError() throws {
        XCTAssertEqual(Intervals.marginOfError(proportion: 0.5, n: 380)! * 100, 5.03, accuracy: 0.005)
        XCTAssertEqual(Intervals.marginOfError(proportion: 0.5, n: 384)! * 100, 5.00, accuracy: 0.005)
        XCTAssertEqual(Intervals.marginOfError(proportion: 0.5, n: 380, population: 1000)!, 0.0503 * (620.0 / 999).squareRoot(), accuracy: 1e-4)
        // 83 of 100 with z = 1.959964: centre (0.83 + z²/200)/(1 + z²/100), by hand.
        let wilson = try XCTUnwrap(Intervals.wilson(successes: 83, of: 100))
        let z2 = 1.959964 * 1.959964
        let centre = (0.83 + z2 / 200) / (1 + z2 / 100)
        let half = 1.959964 * (0.83 * 0.17 / 100 + z2 / 40000).squareRoot() / (1 + z2 / 100)
        assertClose(wilson.lowerBound, centre - half)
        assertClose(wilson.upperBound, centre + half)
        XCTAssertEqual(wilson.lowerBound, 0.7445, accuracy: 1e-4, "statsmodels proportion_confint(83, 100, method=\"wilson\") gives 0.74452")
        XCTAssertTrue(wilson.contains(0.83))
        XCTAssertEqual(Intervals.wilson(successes: 0, of: 10)?.lowerBound, 0)
        XCTAssertNil(Intervals.wilson(successes: 0, of: 0))
        let mean = try XCTUnwrap(Intervals.meanInterval(mean: 3, standardDeviation: 1, n: 16))
        assertClose(mean.upperBound, 3 + 2.131449545559323 / 4, relative: 1e-12)
    }

    func testMomentsAddUp() {
        let all = Moments([1, 2, 3, 4, 5, 6])
        let split = Moments([1, 2]) + Moments([3, 4, 5, 6])
        XCTAssertEqual(all, split)
        XCTAssertEqual(all.mean, 3.5)
        XCTAssertEqual(all.variance!, 3.5, accuracy: 1e-12)
        XCTAssertNil(Moments([2]).variance)
    }
}

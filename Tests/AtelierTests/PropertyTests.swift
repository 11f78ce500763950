import AtelierCore
@testable import AtelierImpact
import AtelierStatistics
import AtelierTabular
import Foundation
import XCTest

/// A small, seeded generator (SplitMix64): the same cases every run, so a failure names its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Properties the statistics must keep on random inputs (each checked on many seeded cases).
final class PropertyTests: XCTestCase {
    private static let cases = 200

    private func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= tolerance * max(1, abs(a), abs(b))
        default: false
        }
    }

    func testMergedAggregatesInAnySplitAndOrderEqualOnePass() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        var seen = Set<String>()
        lines = lines.filter { seen.insert($0).inserted }
        func read(_ part: ArraySlice<String>, name: String) throws -> SurveyAggregate {
            let url = folder.appendingPathComponent(name)
            try ([header] + part).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
            var aggregate = SurveyAggregate(plan: plan.fingerprint)
            var reader = try CSVReader(path: url.path)
            var duplicates = DuplicateFinder()
            try SurveyTally(plan: plan).read(&reader, into: &aggregate, duplicates: &duplicates)
            return aggregate
        }
        let engine = IndicatorEngine(plan: plan)
        let whole = engine.report(try read(lines[...], name: "whole.csv")).indicators
        for seed in 1...20 as ClosedRange<UInt64> {
            var random = SeededGenerator(seed: seed)
            let shuffled = lines.shuffled(using: &random)
            var cuts = (0..<Int.random(in: 1...5, using: &random)).map { _ in Int.random(in: 0...shuffled.count, using: &random) }
            cuts = ([0] + cuts + [shuffled.count]).sorted()
            var parts = try zip(cuts, cuts.dropFirst()).enumerated().map { index, bounds in try read(shuffled[bounds.0..<bounds.1], name: "part\(index).csv") }
            parts.shuffle(using: &random)
            let merged = engine.report(parts.reduce(SurveyAggregate(plan: plan.fingerprint), +)).indicators
            for (a, b) in zip(whole, merged) {
                XCTAssertTrue(close(a.value, b.value), "seed \(seed), \(a.indicator.id): \(String(describing: a.value)) ≠ \(String(describing: b.value))")
                XCTAssertEqual(a.status, b.status, "seed \(seed), \(a.indicator.id)")
            }
        }
    }

    func testAlphaDoesNotDependOnTheOrderOfItems() {
        var random = SeededGenerator(seed: 7)
        for index in 0..<Self.cases {
            let items = Int.random(in: 2...6, using: &random), respondents = Int.random(in: 5...60, using: &random)
            var forward = AlphaTally(items: items), backward = AlphaTally(items: items)
            for _ in 0..<respondents {
                let base = Double.random(in: 1...5, using: &random)
                let row: [Double?] = (0..<items).map { _ in
                    Int.random(in: 0..<10, using: &random) == 0 ? nil : (base + Double.random(in: -1.5...1.5, using: &random)).rounded()
                }
                forward.add(row[...])
                backward.add(Array(row.reversed())[...])
            }
            forward.symmetrize()
            backward.symmetrize()
            let a = CronbachAlpha(pairs: forward.pairs, respondents: forward.respondents)
            let b = CronbachAlpha(pairs: backward.pairs, respondents: backward.respondents)
            XCTAssertEqual(a == nil, b == nil, "case \(index)")
            if let a, let b {
                XCTAssertTrue(close(a.raw, b.raw) && close(a.standardized, b.standardized), "case \(index): \(a.raw) ≠ \(b.raw)")
            }
        }
    }

    func testTopBoxPlusBottomBoxOfTheRestIsOneAndNPSStaysInRange() throws {
        for top in 1...4 {
            let text = Fixtures.minimal
                .replacingOccurrences(of: "questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}]",
                                      with: "questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}, {id: Q2, text: Recommanderiez ?, type: scale, scale: likelihood-0-10}]")
                .replacingOccurrences(of: "indicators: [{id: I1, label: Satisfaits, measure: top-box, question: Q1}]",
                                      with: "indicators: [{id: I1, label: Haut, measure: top-box, question: Q1, top: \(top)}, {id: I2, label: Bas, measure: bottom-box, question: Q1, top: \(5 - top)}, {id: I3, label: NPS, measure: nps, question: Q2}]")
            let plan = try Fixtures.plan(mockup: Array(text.utf8))
            XCTAssertEqual(plan.indicators.count, 3)
            let engine = IndicatorEngine(plan: plan)
            var random = SeededGenerator(seed: UInt64(top))
            for index in 0..<Self.cases {
                var aggregate = SurveyAggregate(plan: plan.fingerprint)
                var satisfaction = QuestionTally(), likelihood = QuestionTally()
                for level in 1...5 { satisfaction.values[Double(level)] = Double(Int.random(in: 0...30, using: &random)) }
                for level in 0...10 where Bool.random(using: &random) { likelihood.values[Double(level)] = Double(Int.random(in: 0...30, using: &random)) }
                satisfaction.answered = satisfaction.values.values.reduce(0, +)
                likelihood.answered = likelihood.values.values.reduce(0, +)
                aggregate.questions = ["Q1": satisfaction, "Q2": likelihood]
                let results = engine.report(aggregate).indicators
                if satisfaction.answered > 0 {
                    XCTAssertEqual((results[0].value ?? .nan) + (results[1].value ?? .nan), 1, accuracy: 1e-12, "top \(top), case \(index)")
                }
                if let nps = results[2].value {
                    XCTAssertTrue((-100...100).contains(nps), "case \(index): NPS \(nps)")
                    if let interval = results[2].interval { XCTAssertTrue(interval.lowerBound <= nps && nps <= interval.upperBound, "case \(index)") }
                }
            }
        }
    }

    func testAgreementDoesNotDependOnTheOrderOfGroupsAndGraders() {
        var random = SeededGenerator(seed: 11)
        for index in 0..<Self.cases {
            let groups = Int.random(in: 3...10, using: &random), graders = Int.random(in: 2...5, using: &random)
            let ratings = (0..<groups).map { _ in
                let quality = Double.random(in: 0...20, using: &random)
                return (0..<graders).map { _ in (quality + Double.random(in: -3...3, using: &random)).rounded() }
            }
            let rowOrder = Array(0..<groups).shuffled(using: &random), columnOrder = Array(0..<graders).shuffled(using: &random)
            let permuted = rowOrder.map { row in columnOrder.map { ratings[row][$0] } }
            let a = IntraclassCorrelation(ratings: ratings), b = IntraclassCorrelation(ratings: permuted)
            XCTAssertEqual(a == nil, b == nil, "case \(index)")
            if let a, let b {
                for (x, y) in zip([a.icc1, a.iccA1, a.iccC1, a.icc1k, a.iccAk, a.iccCk], [b.icc1, b.iccA1, b.iccC1, b.icc1k, b.iccAk, b.iccCk]) {
                    XCTAssertTrue(close(x, y) || (x.isNaN && y.isNaN), "case \(index): ICC \(x) ≠ \(y)")
                }
            }
            let units = ratings.map { row in row.compactMap { Int.random(in: 0..<6, using: &random) == 0 ? nil : $0 } }
            let shuffledUnits = units.shuffled(using: &random).map { $0.shuffled(using: &random) }
            for metric in KrippendorffAlpha.Metric.allCases {
                let x = KrippendorffAlpha.alpha(units: units, metric: metric), y = KrippendorffAlpha.alpha(units: shuffledUnits, metric: metric)
                XCTAssertTrue(close(x, y, 1e-9) || (x?.isNaN ?? false) && (y?.isNaN ?? false), "case \(index), \(metric): \(String(describing: x)) ≠ \(String(describing: y))")
            }
        }
    }

    func testWilsonIntervalsContainTheEstimateAndStayInZeroOne() {
        var random = SeededGenerator(seed: 3)
        for index in 0..<(Self.cases * 5) {
            let n = Double(Int.random(in: 1...5_000, using: &random)), successes = Double(Int.random(in: 0...Int(n), using: &random))
            guard let interval = Intervals.wilson(successes: successes, of: n) else { return XCTFail("case \(index): no interval for \(successes)/\(n)") }
            XCTAssertTrue(interval.lowerBound <= successes / n + 1e-12 && successes / n <= interval.upperBound + 1e-12, "case \(index): \(successes)/\(n) outside \(interval)")
            XCTAssertTrue(interval.lowerBound >= -1e-12 && interval.upperBound <= 1 + 1e-12, "case \(index)")
        }
    }
}

import AtelierCore
@testable import AtelierImpact
import AtelierStatistics
import AtelierTabular
import Foundation
import PropertyBased
import Testing
import TestSupport

/// Properties the statistics must keep on random inputs, checked by PropertyBased: each failure
/// reports its input shrunk to a small case, and the seed that replays it (`.fixedSeed(…)`).
@Suite struct StatisticsProperties {
    private static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) <= tolerance * max(1, abs(a), abs(b)) || (a.isNaN && b.isNaN)
        default: false
        }
    }

    @Test func mergedAggregatesInAnySplitAndOrderEqualOnePass() async throws {
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
            var duplicates = DuplicateFinder()
            _ = try SurveyTally(plan: plan).read(opening: { try CSVReader(path: url.path) }, into: &aggregate, duplicates: &duplicates)
            return aggregate
        }
        let engine = IndicatorEngine(plan: plan)
        let whole = engine.report(try read(lines[...], name: "whole.csv")).indicators
        let answers = lines
        await propertyCheck(count: 20, input: Gen.shuffled(answers), Gen.int(in: 0...answers.count).array(of: 1...5), Gen.shuffled(Array(0..<6))) { shuffled, cuts, order in
            let bounds = ([0] + cuts + [shuffled.count]).sorted()
            let parts = try zip(bounds, bounds.dropFirst()).enumerated().map { index, range in try read(shuffled[range.0..<range.1], name: "part\(index).csv") }
            let merged = engine.report(order.filter { $0 < parts.count }.map { parts[$0] }.reduce(SurveyAggregate(plan: plan.fingerprint), +)).indicators
            for (a, b) in zip(whole, merged) {
                #expect(Self.close(a.value, b.value), "\(a.indicator.id): \(String(describing: a.value)) ≠ \(String(describing: b.value))")
                #expect(a.status == b.status, "\(a.indicator.id)")
            }
        }
    }

    /// Respondents of up to six items: a level of their own plus noise per item, one answer in ten missing.
    private static let respondents = zip(Gen.double(in: 1...5), Gen.double(in: -1.5...1.5).optional(valueRate: 0.9).array(of: 6))
        .map { base, noise in noise.map { $0.map { (base + $0).rounded() } } }
        .array(of: 5...60)

    @Test func alphaDoesNotDependOnTheOrderOfItems() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...6), Self.respondents) { items, rows in
            var forward = RunningAlpha(items: items), backward = RunningAlpha(items: items)
            for row in rows.map({ Array($0.prefix(items)) }) {
                forward.add(row[...])
                backward.add(Array(row.reversed())[...])
            }
            let (ahead, behind) = (forward.folded, backward.folded)
            #expect(ahead.pairs == behind.pairs.reversed().map { $0.reversed() }, "the same moments, items reversed")
            let a = CronbachAlpha(pairs: ahead.pairs, respondents: ahead.respondents)
            let b = CronbachAlpha(pairs: behind.pairs, respondents: behind.respondents)
            #expect((a == nil) == (b == nil))
            if let a, let b {
                #expect(Self.close(a.raw, b.raw) && Self.close(a.standardized, b.standardized), "\(a.raw) ≠ \(b.raw)")
            }
        }
    }

    @Test func topBoxPlusBottomBoxOfTheRestIsOneAndNPSStaysInRange() async throws {
        let engines = try (1...4).map { top in
            let text = Fixtures.minimal
                .replacingOccurrences(of: "questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}]",
                                      with: "questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}, {id: Q2, text: Recommanderiez ?, type: scale, scale: likelihood-0-10}]")
                .replacingOccurrences(of: "indicators: [{id: I1, label: Satisfaits, measure: top-box, question: Q1}]",
                                      with: "indicators: [{id: I1, label: Haut, measure: top-box, question: Q1, top: \(top)}, {id: I2, label: Bas, measure: bottom-box, question: Q1, top: \(5 - top)}, {id: I3, label: NPS, measure: nps, question: Q2}]")
            let plan = try Fixtures.plan(mockup: Array(text.utf8))
            try #require(plan.indicators.count == 3)
            return IndicatorEngine(plan: plan)
        }
        let counts = Gen.int(in: 0...30)
        await propertyCheck(count: 400, input: Gen.int(in: 0...3), counts.array(of: 5), counts.optional(valueRate: 0.5).array(of: 11)) { top, satisfactionCounts, likelihoodCounts in
            let engine = engines[top]
            var aggregate = SurveyAggregate(plan: engine.plan.fingerprint)
            var satisfaction = QuestionTally(), likelihood = QuestionTally()
            for (level, count) in satisfactionCounts.enumerated() { satisfaction.values[Double(level + 1)] = Double(count) }
            for (level, count) in likelihoodCounts.enumerated() { if let count { likelihood.values[Double(level)] = Double(count) } }
            satisfaction.answered = satisfaction.values.values.reduce(0, +)
            likelihood.answered = likelihood.values.values.reduce(0, +)
            aggregate.questions = ["Q1": satisfaction, "Q2": likelihood]
            let results = engine.report(aggregate).indicators
            if satisfaction.answered > 0 {
                #expect(abs((results[0].value ?? .nan) + (results[1].value ?? .nan) - 1) < 1e-12, "top \(top + 1)")
            }
            if let nps = results[2].value {
                #expect((-100...100).contains(nps), "NPS \(nps)")
                if let interval = results[2].interval { #expect(interval.lowerBound <= nps && nps <= interval.upperBound) }
            }
        }
    }

    /// Groups of a quality of their own, graded by up to five graders within three points of it.
    private static let groups = zip(Gen.double(in: 0...20), Gen.double(in: -3...3).array(of: 5))
        .map { quality, noise in noise.map { (quality + $0).rounded() } }
        .array(of: 3...10)

    @Test func agreementDoesNotDependOnTheOrderOfGroupsAndGraders() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...5), Self.groups, zip(Gen.shuffled(Array(0..<10)), Gen.shuffled(Array(0..<5))),
                            Gen.bool(0.85).array(of: 50)) { graders, groups, orders, present in
            let ratings = groups.map { Array($0.prefix(graders)) }
            let rowOrder = orders.0.filter { $0 < ratings.count }, columnOrder = orders.1.filter { $0 < graders }
            func permute<Value>(_ rows: [[Value]]) -> [[Value]] { rowOrder.map { row in columnOrder.map { rows[row][$0] } } }
            let a = IntraclassCorrelation(ratings: ratings), b = IntraclassCorrelation(ratings: permute(ratings))
            #expect((a == nil) == (b == nil))
            if let a, let b {
                for (x, y) in zip([a.icc1, a.iccA1, a.iccC1, a.icc1k, a.iccAk, a.iccCk], [b.icc1, b.iccA1, b.iccC1, b.icc1k, b.iccAk, b.iccCk]) {
                    #expect(Self.close(x, y), "ICC \(x) ≠ \(y)")
                }
            }
            let withGaps: [[Double?]] = ratings.enumerated().map { row, values in values.enumerated().map { present[(row * 5 + $0) % 50] ? $1 : nil } }
            let units = withGaps.map { $0.compactMap { $0 } }, permutedUnits = permute(withGaps).map { $0.compactMap { $0 } }
            for metric in KrippendorffAlpha.Metric.allCases {
                let x = KrippendorffAlpha.alpha(units: units, metric: metric), y = KrippendorffAlpha.alpha(units: permutedUnits, metric: metric)
                #expect(Self.close(x, y), "\(metric): \(String(describing: x)) ≠ \(String(describing: y))")
            }
        }
    }

    @Test func wilsonIntervalsContainTheEstimateAndStayInZeroOne() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...5_000), Gen.double(in: 0...1)) { total, share in
            let n = Double(total), successes = (share * n).rounded()
            guard let interval = Intervals.wilson(successes: successes, of: n) else {
                Issue.record("no interval for \(successes)/\(n)")
                return
            }
            #expect(interval.lowerBound <= successes / n + 1e-12 && successes / n <= interval.upperBound + 1e-12, "\(successes)/\(n) outside \(interval)")
            #expect(interval.lowerBound >= -1e-12 && interval.upperBound <= 1 + 1e-12)
        }
    }
}

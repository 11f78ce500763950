import Foundation

/// Student's paired t test on the differences post − pre.
public struct PairedTTest: Sendable, Equatable {
    public let t: Double
    public let degreesOfFreedom: Double
    /// Two-sided.
    public let p: Double
    public let meanDifference: Double
    public let interval: ClosedRange<Double>

    /// From the moments of the differences; nil with fewer than two pairs or no spread.
    public init?(differences: Moments) {
        guard let mean = differences.mean, let sd = differences.standardDeviation, sd > 0 else { return nil }
        let n = differences.n
        t = mean / (sd / n.squareRoot())
        degreesOfFreedom = n - 1
        p = min(1, 2 * StudentT(degreesOfFreedom: n - 1).sf(abs(t)))
        meanDifference = mean
        interval = Intervals.meanInterval(mean: mean, standardDeviation: sd, n: n)!
    }
}

/// The Wilcoxon signed-rank test on paired differences, as `scipy.stats.wilcoxon` computes it
/// with its defaults (scipy 1.17: `zero_method='wilcox'`, `method='auto'`, two-sided):
/// zero differences dropped; the exact null distribution when n ≤ 50 with no ties or zeros;
/// with ties or zeros and n ≤ 13, the exact distribution over all 2ⁿ sign flips; otherwise
/// the normal approximation with the tie correction.
public struct WilcoxonTest: Sendable, Equatable {
    public enum Method: String, Sendable, Codable {
        case exact, permutation, normal
    }

    /// min(W+, W−).
    public let statistic: Double
    /// Two-sided.
    public let p: Double
    public let method: Method
    /// The number of non-zero differences.
    public let n: Int

    /// From the differences as a histogram (difference → how many respondents); nil when
    /// every difference is zero.
    public init?(differences: [Double: Double]) {
        let nonZero = differences.filter { $0.key != 0 && $0.value > 0 }
        let zeros = (differences[0] ?? 0) > 0
        let n = Int(nonZero.values.reduce(0, +))
        guard n > 0 else { return nil }
        // Mid-ranks of |d|, by distinct absolute value.
        var byMagnitude: [Double: (count: Double, positive: Double)] = [:]
        for (difference, count) in nonZero {
            let key = abs(difference)
            byMagnitude[key, default: (0, 0)].count += count
            if difference > 0 { byMagnitude[key, default: (0, 0)].positive += count }
        }
        var ranks: [(rank: Double, count: Double, positive: Double)] = []
        var below = 0.0
        for magnitude in byMagnitude.keys.sorted() {
            let group = byMagnitude[magnitude]!
            ranks.append(((below + 1 + below + group.count) / 2, group.count, group.positive))
            below += group.count
        }
        let plus = ranks.map { $0.rank * $0.positive }.reduce(0, +)
        let total = Double(n) * Double(n + 1) / 2
        let minus = total - plus
        statistic = min(plus, minus)
        self.n = n
        let ties = ranks.contains { $0.count > 1 }
        if n <= 50 && !ties && !zeros {
            method = .exact
            p = Self.exactP(plus: plus, n: n)
        } else if n <= 13 {
            method = .permutation
            p = Self.permutationP(plus: plus, ranks: ranks.flatMap { Array(repeating: $0.rank, count: Int($0.count)) })
        } else {
            method = .normal
            let tieCorrection = ranks.map { $0.count * $0.count * $0.count - $0.count }.reduce(0, +)
            let variance = Double(n) * Double(n + 1) * Double(2 * n + 1) / 24 - tieCorrection / 48
            let z = (statistic - total / 2) / variance.squareRoot()
            p = min(1, 2 * Normal().sf(abs(z)))
        }
    }

    /// With ranks 1…n: the number of sign assignments giving each W+ (exact in a Double up to 2⁵⁰).
    private static func exactP(plus: Double, n: Int) -> Double {
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        for rank in 1...n {
            for sum in stride(from: maximum, through: rank, by: -1) {
                counts[sum] += counts[sum - rank]
            }
        }
        let total = pow(2, Double(n))
        let observed = Int(plus.rounded())
        let lower = counts[0...observed].reduce(0, +) / total
        let upper = counts[observed...].reduce(0, +) / total
        return min(1, 2 * min(lower, upper))
    }

    /// Every one of the 2ⁿ sign flips of the mid-ranks, as scipy's permutation test does.
    private static func permutationP(plus: Double, ranks: [Double]) -> Double {
        let flips = 1 << ranks.count
        var lower = 0.0, upper = 0.0
        let tolerance = 1e-9 * max(1, abs(plus))
        for mask in 0..<flips {
            var sum = 0.0
            for (index, rank) in ranks.enumerated() where mask & (1 << index) != 0 {
                sum += rank
            }
            if sum <= plus + tolerance { lower += 1 }
            if sum >= plus - tolerance { upper += 1 }
        }
        return min(1, 2 * min(lower, upper) / Double(flips))
    }
}

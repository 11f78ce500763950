import Foundation

/// Confidence intervals and margins of error, as the indicator catalogue defines them.
public enum Intervals {
    /// The z of the catalogue's 95 % Wilson interval.
    public static let wilsonZ = 1.959964
    /// The z of the catalogue's margins of error and NPS interval.
    public static let z95 = 1.96

    /// Wilson score interval for `successes` of `n`.
    public static func wilson(successes: Double, of n: Double, z: Double = wilsonZ) -> ClosedRange<Double>? {
        guard n > 0 else { return nil }
        let p = successes / n, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - halfWidth)...min(1, centre + halfWidth)
    }

    /// 1.96·√(p(1−p)/n), times the finite-population correction √((N−n)/(N−1)) when the
    /// population N is known and n ≤ N.
    public static func marginOfError(proportion p: Double, n: Double, population: Double? = nil) -> Double? {
        guard n > 0 else { return nil }
        var margin = z95 * (p * (1 - p) / n).squareRoot()
        if let population, population > 1, n <= population {
            margin *= ((population - n) / (population - 1)).squareRoot()
        }
        return margin
    }

    /// mean ± t(0.975, n−1)·s/√n.
    public static func meanInterval(mean: Double, standardDeviation: Double, n: Double) -> ClosedRange<Double>? {
        guard n > 1, standardDeviation.isFinite else { return nil }
        let half = StudentT(degreesOfFreedom: n - 1).quantile(0.975) * standardDeviation / n.squareRoot()
        return (mean - half)...(mean + half)
    }

    /// The NPS's normal-approximation interval, on −100…+100.
    public static func npsInterval(promoters: Double, detractors: Double, n: Double) -> ClosedRange<Double>? {
        guard n > 0 else { return nil }
        let plus = promoters / n, minus = detractors / n
        let nps = 100 * (plus - minus)
        let half = 100 * z95 * ((plus + minus - (plus - minus) * (plus - minus)) / n).squareRoot()
        return max(-100, nps - half)...min(100, nps + half)
    }
}

/// Sums from which a mean and standard deviation follow, and that add up across files.
public struct Moments: Sendable, Equatable, Codable {
    public var n: Double = 0
    public var sum: Double = 0
    public var sumOfSquares: Double = 0

    public init() {}

    public init(_ values: [Double]) {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Double, count: Double = 1) {
        n += count
        sum += value * count
        sumOfSquares += value * value * count
    }

    public static func + (lhs: Moments, rhs: Moments) -> Moments {
        var result = lhs
        result.n += rhs.n
        result.sum += rhs.sum
        result.sumOfSquares += rhs.sumOfSquares
        return result
    }

    public var mean: Double? { n > 0 ? sum / n : nil }

    /// The sample variance (n − 1 in the denominator).
    public var variance: Double? {
        guard n > 1 else { return nil }
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }

    public var standardDeviation: Double? { variance?.squareRoot() }
}

import Foundation

/// The sums over the respondents who answered both items i and j, from which their
/// covariance and correlation follow; they add up across files.
public struct PairMoments: Sendable, Equatable, Codable {
    public var n: Double = 0
    public var sumX: Double = 0
    public var sumY: Double = 0
    public var sumXX: Double = 0
    public var sumYY: Double = 0
    public var sumXY: Double = 0

    public init() {}

    public mutating func add(_ x: Double, _ y: Double, count: Double = 1) {
        n += count
        sumX += x * count
        sumY += y * count
        sumXX += x * x * count
        sumYY += y * y * count
        sumXY += x * y * count
    }

    public static func + (lhs: PairMoments, rhs: PairMoments) -> PairMoments {
        var result = lhs
        result.n += rhs.n
        result.sumX += rhs.sumX
        result.sumY += rhs.sumY
        result.sumXX += rhs.sumXX
        result.sumYY += rhs.sumYY
        result.sumXY += rhs.sumXY
        return result
    }

    /// The same moments with the two items swapped.
    public var mirrored: PairMoments {
        var result = self
        (result.sumX, result.sumY) = (sumY, sumX)
        (result.sumXX, result.sumYY) = (sumYY, sumXX)
        return result
    }

    public var covariance: Double? {
        guard n > 1 else { return nil }
        return (sumXY - sumX * sumY / n) / (n - 1)
    }

    public var correlation: Double? {
        let varX = sumXX - sumX * sumX / n, varY = sumYY - sumY * sumY / n
        guard n > 1, varX > 0, varY > 0 else { return nil }
        return (sumXY - sumX * sumY / n) / (varX * varY).squareRoot()
    }
}

/// Cronbach's alpha with the covariance matrix from pairwise-complete answers (psych's and
/// pingouin's default), its standardised form, and Feldt's 95 % interval.
public struct CronbachAlpha: Sendable, Equatable {
    public let raw: Double
    /// From the mean inter-item correlation r̄: none when 1 + (k − 1)·r̄ is 0 (r̄ = −1 with two
    /// items; pairwise-complete answers can get there).
    public let standardized: Double?
    public let interval: ClosedRange<Double>
    public let items: Int
    public let respondents: Double

    /// `pairs[i][j]` holds the moments of items i and j (i == j: the item alone);
    /// `respondents` is the number of rows with at least one answer.
    public init?(pairs: [[PairMoments]], respondents: Double) {
        let k = pairs.count
        guard k >= 2, respondents > 1 else { return nil }
        var total = 0.0, trace = 0.0, correlations = 0.0
        for i in 0..<k {
            for j in 0..<k {
                guard let covariance = pairs[i][j].covariance else { return nil }
                total += covariance
                if i == j { trace += covariance }
                if i < j {
                    guard let correlation = pairs[i][j].correlation else { return nil }
                    correlations += correlation
                }
            }
        }
        guard total != 0 else { return nil }
        let kk = Double(k)
        raw = kk / (kk - 1) * (1 - trace / total)
        let meanCorrelation = correlations / (kk * (kk - 1) / 2)
        let standardized = kk * meanCorrelation / (1 + (kk - 1) * meanCorrelation)
        self.standardized = standardized.isFinite ? standardized : nil
        let f = FisherF(respondents - 1, (respondents - 1) * (kk - 1))
        let lower = 1 - (1 - raw) * f.quantile(0.975), upper = 1 - (1 - raw) * f.quantile(0.025)
        guard lower.isFinite, upper.isFinite else { return nil }
        // Pairwise-complete covariances can sum to a negative total variance, so alpha above 1
        // (pingouin gives it too): Feldt's bounds then come out swapped.
        interval = min(lower, upper)...max(lower, upper)
        items = k
        self.respondents = respondents
    }
}

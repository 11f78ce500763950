import Foundation

/// Intraclass correlations of n targets rated by k raters (Shrout & Fleiss 1979; McGraw &
/// Wong 1996), from the two-way ANOVA mean squares. Needs a complete table.
public struct IntraclassCorrelation: Sendable, Equatable {
    public let targets: Int
    public let raters: Int
    public let msr: Double
    public let msc: Double
    public let mse: Double
    public let msw: Double

    /// `ratings[target][rater]`; nil unless the table is complete with at least 2 × 2 cells.
    public init?(ratings: [[Double]]) {
        let n = ratings.count
        guard n >= 2, let k = ratings.first?.count, k >= 2, ratings.allSatisfy({ $0.count == k }) else { return nil }
        let nn = Double(n), kk = Double(k)
        let grand = ratings.joined().reduce(0, +) / (nn * kk)
        let rowMeans = ratings.map { $0.reduce(0, +) / kk }
        let columnMeans = (0..<k).map { column in ratings.map { $0[column] }.reduce(0, +) / nn }
        let ssr = kk * rowMeans.map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        let ssc = nn * columnMeans.map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        let sst = ratings.joined().map { ($0 - grand) * ($0 - grand) }.reduce(0, +)
        let sse = sst - ssr - ssc
        targets = n
        raters = k
        msr = ssr / (nn - 1)
        msc = ssc / (kk - 1)
        mse = sse / ((nn - 1) * (kk - 1))
        msw = (ssc + sse) / (nn * (kk - 1))
    }

    private var n: Double { Double(targets) }
    private var k: Double { Double(raters) }

    // Each form is nil where it divides by zero: groups whose totals do not differ at all
    // (MSR = 0) leave the consistency and k-rater forms undefined (pingouin gives −inf or NaN).

    /// ICC(1,1): one-way random, single rater.
    public var icc1: Double? { Self.defined((msr - msw) / (msr + (k - 1) * msw)) }
    /// ICC(1,k): one-way random, mean of k raters.
    public var icc1k: Double? { Self.defined((msr - msw) / msr) }
    /// ICC(A,1): two-way random, absolute agreement, single rater.
    public var iccA1: Double? { Self.defined((msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)) }
    /// ICC(A,k): absolute agreement, mean of k raters.
    public var iccAk: Double? { Self.defined((msr - mse) / (msr + (msc - mse) / n)) }
    /// ICC(C,1): consistency, single rater.
    public var iccC1: Double? { Self.defined((msr - mse) / (msr + (k - 1) * mse)) }
    /// ICC(C,k): consistency, mean of k raters.
    public var iccCk: Double? { Self.defined((msr - mse) / msr) }

    private static func defined(_ value: Double) -> Double? {
        value.isFinite ? value : nil
    }
}

/// Krippendorff's alpha from the coincidence matrix of pairable values (Krippendorff 2011).
/// Units with fewer than two values are not pairable.
public enum KrippendorffAlpha {
    public enum Metric: String, Sendable, CaseIterable {
        case nominal, ordinal, interval, ratio
    }

    /// `units[u]` holds the values coders gave unit u (missing values left out); `order` is
    /// the value domain in its declared order (sorted values when nil), needed for ordinal.
    public static func alpha(units: [[Double]], metric: Metric, order: [Double]? = nil) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let domain = order ?? Array(Set(pairable.joined())).sorted()
        guard domain.count >= 2 else { return nil }
        let position = Dictionary(uniqueKeysWithValues: domain.enumerated().map { ($1, $0) })
        let size = domain.count
        var coincidences = [Double](repeating: 0, count: size * size)
        for unit in pairable {
            let m = Double(unit.count)
            for (i, a) in unit.enumerated() {
                for (j, b) in unit.enumerated() where i != j {
                    guard let c = position[a], let k = position[b] else { return nil }
                    coincidences[c * size + k] += 1 / (m - 1)
                }
            }
        }
        let marginals = (0..<size).map { c in (0..<size).map { coincidences[c * size + $0] }.reduce(0, +) }
        let total = marginals.reduce(0, +)
        guard total > 1 else { return nil }
        func delta(_ c: Int, _ k: Int) -> Double {
            switch metric {
            case .nominal:
                return c == k ? 0 : 1
            case .ordinal:
                let (low, high) = (min(c, k), max(c, k))
                let between = marginals[low...high].reduce(0, +) - (marginals[low] + marginals[high]) / 2
                return between * between
            case .interval:
                return (domain[c] - domain[k]) * (domain[c] - domain[k])
            case .ratio:
                let sum = domain[c] + domain[k]
                return sum == 0 ? 0 : ((domain[c] - domain[k]) / sum) * ((domain[c] - domain[k]) / sum)
            }
        }
        var observed = 0.0, expected = 0.0
        for c in 0..<size {
            for k in 0..<size where c != k {
                let d = delta(c, k)
                observed += coincidences[c * size + k] * d
                expected += marginals[c] * marginals[k] * d
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (total - 1) * observed / expected
    }
}

/// Cohen's kappa for two raters on a k × k table of counts (rows: first rater), over the
/// declared categories in order, unweighted or with linear or quadratic weights.
public enum CohenKappa {
    public enum Weights: String, Sendable, CaseIterable {
        case none, linear, quadratic
    }

    public static func kappa(table: [[Double]], weights: Weights) -> Double? {
        let k = table.count
        guard k >= 2, table.allSatisfy({ $0.count == k }) else { return nil }
        let n = table.joined().reduce(0, +)
        guard n > 0 else { return nil }
        let rows = table.map { $0.reduce(0, +) }
        let columns = (0..<k).map { j in table.map { $0[j] }.reduce(0, +) }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let distance = Double(abs(i - j))
                let weight: Double = switch weights {
                case .none: i == j ? 0 : 1
                case .linear: distance
                case .quadratic: distance * distance
                }
                observed += weight * table[i][j] / n
                expected += weight * rows[i] * columns[j] / (n * n)
            }
        }
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}

/// WebPA peer assessment: each member's score from the marks the group's members gave each
/// other, and the individual marks it gives from a group mark.
public enum WebPA {
    /// `marks[giver]` holds the marks a giver gave each member (in member order), nil for a
    /// member who did not submit. Scores average 1; nil when nobody submitted.
    public static func scores(marks: [[Double]?]) -> [Double]? {
        let members = marks.count
        let submitted = marks.compactMap { $0 }.filter { $0.count == members && $0.reduce(0, +) > 0 }
        guard !submitted.isEmpty else { return nil }
        let factor = Double(members) / Double(submitted.count)
        return (0..<members).map { member in
            factor * submitted.map { $0[member] / $0.reduce(0, +) }.reduce(0, +)
        }
    }

    /// score·(p·G) + (1 − p)·G, clamped to 0…maximum; G itself when nobody submitted.
    public static func individualMarks(groupMark: Double, weighting: Double, scores: [Double]?, members: Int, maximum: Double) -> [Double] {
        guard let scores else { return Array(repeating: groupMark, count: members) }
        return scores.map { min(maximum, max(0, $0 * weighting * groupMark + (1 - weighting) * groupMark)) }
    }
}

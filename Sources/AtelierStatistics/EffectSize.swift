import Foundation

/// Effect sizes of a pre/post change: d_z (mean difference over the SD of the differences)
/// and d_avg (pingouin's paired Cohen d: mean difference over the root mean of the two variances).
public struct PairedEffectSize: Sendable, Equatable {
    public let dz: Double
    public let davg: Double

    public init?(pre: Moments, post: Moments, differences: Moments) {
        guard let meanDifference = differences.mean, let sdDifference = differences.standardDeviation, sdDifference > 0,
              let varPre = pre.variance, let varPost = post.variance, varPre + varPost > 0 else { return nil }
        dz = meanDifference / sdDifference
        davg = meanDifference / ((varPre + varPost) / 2).squareRoot()
    }
}

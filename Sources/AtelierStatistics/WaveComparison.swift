/// Two independent waves of one survey compared (last year and this year, before and after a
/// change): the difference new − old, its 95 % interval and the two-sided p-value of the test
/// that goes with it. Formulas as statsmodels and scipy compute them (fixtures in
/// Tests/Fixtures/compare).
public enum WaveComparison {
    public struct Result: Sendable, Equatable {
        public let difference: Double
        public let interval: ClosedRange<Double>?
        public let p: Double?
        /// z or t, whichever the test uses.
        public let statistic: Double?
        /// Welch's degrees of freedom, for means.
        public let degreesOfFreedom: Double?

        public init(difference: Double, interval: ClosedRange<Double>?, p: Double?, statistic: Double?, degreesOfFreedom: Double?) {
            self.difference = difference
            self.interval = interval
            self.p = p
            self.statistic = statistic
            self.degreesOfFreedom = degreesOfFreedom
        }
    }

    static let z = Normal().quantile(0.975)

    /// Two proportions: Newcombe's hybrid score interval from the two Wilson intervals
    /// (statsmodels `confint_proportions_2indep(method="newcomb")`), and the pooled two-proportion
    /// z test (`proportions_ztest`).
    public static func proportions(successesOld: Double, nOld: Double, successesNew: Double, nNew: Double) -> Result? {
        guard nOld > 0, nNew > 0, let old = Intervals.wilson(successes: successesOld, of: nOld, z: z),
              let new = Intervals.wilson(successes: successesNew, of: nNew, z: z) else { return nil }
        let pOld = successesOld / nOld, pNew = successesNew / nNew
        let difference = pNew - pOld
        let lower = difference - ((pNew - new.lowerBound) * (pNew - new.lowerBound) + (old.upperBound - pOld) * (old.upperBound - pOld)).squareRoot()
        let upper = difference + ((new.upperBound - pNew) * (new.upperBound - pNew) + (pOld - old.lowerBound) * (pOld - old.lowerBound)).squareRoot()
        let pooled = (successesOld + successesNew) / (nOld + nNew)
        let standardError = (pooled * (1 - pooled) * (1 / nOld + 1 / nNew)).squareRoot()
        guard standardError > 0 else {
            return Result(difference: difference, interval: lower...upper, p: nil, statistic: nil, degreesOfFreedom: nil)
        }
        let statistic = difference / standardError
        return Result(difference: difference, interval: lower...upper, p: 2 * Normal().sf(abs(statistic)), statistic: statistic, degreesOfFreedom: nil)
    }

    /// Two means from their summaries: Welch's t test (scipy `ttest_ind_from_stats(equal_var=False)`)
    /// and its interval on the difference.
    public static func means(meanOld: Double, sdOld: Double, nOld: Double, meanNew: Double, sdNew: Double, nNew: Double) -> Result? {
        guard nOld >= 2, nNew >= 2 else { return nil }
        let varianceOld = sdOld * sdOld / nOld, varianceNew = sdNew * sdNew / nNew
        let standardError = (varianceOld + varianceNew).squareRoot()
        let difference = meanNew - meanOld
        guard standardError > 0 else { return Result(difference: difference, interval: nil, p: nil, statistic: nil, degreesOfFreedom: nil) }
        let df = (varianceOld + varianceNew) * (varianceOld + varianceNew)
            / (varianceOld * varianceOld / (nOld - 1) + varianceNew * varianceNew / (nNew - 1))
        let distribution = StudentT(degreesOfFreedom: df)
        let half = distribution.quantile(0.975) * standardError
        let statistic = difference / standardError
        return Result(difference: difference, interval: (difference - half)...(difference + half), p: 2 * distribution.sf(abs(statistic)),
                      statistic: statistic, degreesOfFreedom: df)
    }

    /// Two Net Promoter Scores (−100…+100): the difference with a normal interval from each
    /// score's multinomial variance, (p₊ + p₋ − (p₊ − p₋)²) / n, and its z test.
    public static func nps(promotersOld: Double, detractorsOld: Double, nOld: Double, promotersNew: Double, detractorsNew: Double, nNew: Double) -> Result? {
        guard nOld > 0, nNew > 0 else { return nil }
        func score(_ promoters: Double, _ detractors: Double, _ n: Double) -> (value: Double, variance: Double) {
            let plus = promoters / n, minus = detractors / n
            return (100 * (plus - minus), 10_000 * (plus + minus - (plus - minus) * (plus - minus)) / n)
        }
        let old = score(promotersOld, detractorsOld, nOld), new = score(promotersNew, detractorsNew, nNew)
        let difference = new.value - old.value
        let standardError = (old.variance + new.variance).squareRoot()
        guard standardError > 0 else { return Result(difference: difference, interval: nil, p: nil, statistic: nil, degreesOfFreedom: nil) }
        let statistic = difference / standardError
        return Result(difference: difference, interval: (difference - z * standardError)...(difference + z * standardError),
                      p: 2 * Normal().sf(abs(statistic)), statistic: statistic, degreesOfFreedom: nil)
    }
}

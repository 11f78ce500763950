// AtelierStatistics: the numbers, free of any format — distributions, intervals, paired tests,
// reliability, effect sizes, agreement (ICC, Krippendorff, kappa) and WebPA.

import Foundation

/// A continuous distribution: its density, its cumulative distribution and its quantiles.
public protocol ContinuousDistribution: Sendable {
    func pdf(_ x: Double) -> Double
    func cdf(_ x: Double) -> Double
    /// The survival function 1 − cdf, computed without cancellation where it matters.
    func sf(_ x: Double) -> Double
    /// Where the support starts and ends.
    var support: ClosedRange<Double> { get }
    /// A first guess for the quantile, refined by `quantile`.
    func initialQuantile(_ p: Double) -> Double
}

extension ContinuousDistribution {
    public func sf(_ x: Double) -> Double { 1 - cdf(x) }

    /// The x with cdf(x) = p: Newton steps from a first guess, kept inside a bracket
    /// that bisection narrows whenever a step would leave it.
    public func quantile(_ p: Double) -> Double {
        precondition((0...1).contains(p), "a probability is between 0 and 1")
        if p == 0 { return support.lowerBound }
        if p == 1 { return support.upperBound }
        var low = support.lowerBound, high = support.upperBound
        var x = initialQuantile(p)
        if !x.isFinite || x <= low || x >= high { x = low.isFinite ? max(low + 1, 1) : 0 }
        for _ in 0..<400 {
            let error = cdf(x) - p
            if error == 0 { return x }
            if error < 0 { low = x } else { high = x }
            let density = pdf(x)
            var next = density > 0 ? x - error / density : .nan
            if !next.isFinite || next <= low || next >= high {
                if low.isFinite && high.isFinite {
                    next = (low + high) / 2
                } else if low.isFinite {
                    next = max(x * 2, low + 1)
                } else {
                    next = min(x * 2, high - 1)
                }
            }
            if abs(next - x) <= 1e-15 * max(1, abs(x)) { return next }
            x = next
        }
        return x
    }
}

/// The standard normal distribution.
public struct Normal: ContinuousDistribution {
    public let mean: Double
    public let standardDeviation: Double

    public init(mean: Double = 0, standardDeviation: Double = 1) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    public var support: ClosedRange<Double> { -Double.infinity...Double.infinity }

    public func pdf(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-z * z / 2) / (standardDeviation * (2 * Double.pi).squareRoot())
    }

    public func cdf(_ x: Double) -> Double {
        erfc(-(x - mean) / (standardDeviation * 2.0.squareRoot())) / 2
    }

    public func sf(_ x: Double) -> Double {
        erfc((x - mean) / (standardDeviation * 2.0.squareRoot())) / 2
    }

    /// Acklam's rational approximation (relative error about 1e-9), refined by `quantile`.
    public func initialQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let z: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * log1p(-p)).squareRoot()
            z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            z = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        return mean + standardDeviation * z
    }
}

/// Student's t distribution with ν degrees of freedom.
public struct StudentT: ContinuousDistribution {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    public var support: ClosedRange<Double> { -Double.infinity...Double.infinity }

    public func pdf(_ x: Double) -> Double {
        let nu = degreesOfFreedom
        return exp(SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2) - 0.5 * log(nu * Double.pi)
                   - (nu + 1) / 2 * log1p(x * x / nu))
    }

    /// P(T > |x|) expressed with the incomplete beta, for either tail without cancellation.
    private func tail(_ x: Double) -> Double {
        let nu = degreesOfFreedom
        return SpecialFunctions.incompleteBeta(nu / (nu + x * x), a: nu / 2, b: 0.5) / 2
    }

    public func cdf(_ x: Double) -> Double { x < 0 ? tail(x) : 1 - tail(x) }
    public func sf(_ x: Double) -> Double { x > 0 ? tail(x) : 1 - tail(x) }
    public func initialQuantile(_ p: Double) -> Double { Normal().initialQuantile(p) }
}

/// Fisher's F distribution with (d1, d2) degrees of freedom.
public struct FisherF: ContinuousDistribution {
    public let numeratorDegrees: Double
    public let denominatorDegrees: Double

    public init(_ numeratorDegrees: Double, _ denominatorDegrees: Double) {
        self.numeratorDegrees = numeratorDegrees
        self.denominatorDegrees = denominatorDegrees
    }

    public var support: ClosedRange<Double> { 0...Double.infinity }

    public func pdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let d1 = numeratorDegrees, d2 = denominatorDegrees
        let logDensity = 0.5 * (d1 * log(d1 * x) + d2 * log(d2) - (d1 + d2) * log(d1 * x + d2)) - log(x)
            - (SpecialFunctions.logGamma(d1 / 2) + SpecialFunctions.logGamma(d2 / 2) - SpecialFunctions.logGamma((d1 + d2) / 2))
        return exp(logDensity)
    }

    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let d1 = numeratorDegrees, d2 = denominatorDegrees
        return SpecialFunctions.incompleteBeta(d1 * x / (d1 * x + d2), a: d1 / 2, b: d2 / 2)
    }

    public func sf(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let d1 = numeratorDegrees, d2 = denominatorDegrees
        return SpecialFunctions.incompleteBeta(d2 / (d1 * x + d2), a: d2 / 2, b: d1 / 2)
    }

    public func initialQuantile(_ p: Double) -> Double { 1 }
}

/// The chi-square distribution with k degrees of freedom.
public struct ChiSquare: ContinuousDistribution {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    public var support: ClosedRange<Double> { 0...Double.infinity }

    public func pdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let k = degreesOfFreedom
        return exp((k / 2 - 1) * log(x) - x / 2 - k / 2 * log(2) - SpecialFunctions.logGamma(k / 2))
    }

    public func cdf(_ x: Double) -> Double { SpecialFunctions.incompleteGammaP(degreesOfFreedom / 2, x / 2) }
    public func sf(_ x: Double) -> Double { SpecialFunctions.incompleteGammaQ(degreesOfFreedom / 2, x / 2) }
    public func initialQuantile(_ p: Double) -> Double { max(degreesOfFreedom, 0.5) }
}

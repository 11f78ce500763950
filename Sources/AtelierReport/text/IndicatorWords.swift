import AtelierCore
import AtelierImpact
import AtelierMockup

/// An indicator's figures as every report writes them, in the reader's language: a share in
/// percent, an NPS signed with one decimal, other values with up to two decimals; a target in
/// words (« ≥ 30 % », « ≥ +30 », « entre 3,5 et 5 »); and never a rounding that contradicts the
/// status (a mean of 3.9966 against « ≥ 4 » reads « 3,997 », not « 4,00 »).
struct IndicatorWords {
    let language: Language

    /// A value of `result`'s measure, shown with enough decimals to agree with its target.
    func value(_ value: Double, of result: IndicatorResult) -> String {
        let target = result.indicator.target.flatMap(Target.init)
        var decimals = baseDecimals(value, result)
        while let target, decimals < 6, target.isMet(by: shownNumber(value, result, decimals: decimals)) != target.isMet(by: value) {
            decimals += 1
        }
        return format(value, result, decimals: decimals)
    }

    /// A figure of the same kind without a target to agree with (an interval's bound, a segment).
    func figure(_ value: Double, of result: IndicatorResult) -> String {
        format(value, result, decimals: baseDecimals(value, result))
    }

    /// The target in words, in the measure's unit.
    func target(of result: IndicatorResult) -> String? {
        target(result.indicator.target, measure: result.indicator.measure, isProportion: result.isProportion)
    }

    /// A written target (`>= 80%`, `between 3.5 and 5`) in words, in `measure`'s unit.
    func target(_ text: String?, measure: Measure, isProportion: Bool) -> String? {
        guard let text else { return nil }
        guard let target = Target(text) else { return text }
        let number = { (value: Double) in
            isProportion ? language.percent(value, decimals: value * 100 == (value * 100).rounded() ? 0 : 1)
                : measure == .nps ? (value > 0 ? "+" : "") + language.number(value, decimals: 0) : language.number(value, decimals: 2)
        }
        guard let comparison = target.comparison else {
            return ReportMessage.text(.targetBetween, ["low": number(target.low), "high": number(target.high ?? target.low)])[language]
        }
        let symbol = switch comparison {
        case .atLeast: "≥"
        case .above: ">"
        case .atMost: "≤"
        case .below: "<"
        case .equal: "="
        }
        return "\(symbol) \(number(target.low))"
    }

    /// The tests of a gain or change in one line: « t(41) = 3,21, p = 0,003 ; Wilcoxon : p = 0,004 ;
    /// d_z = 0,50 (effet moyen) »; nil for other measures.
    func statistics(of result: IndicatorResult) -> String? {
        guard result.indicator.measure.isBeforeAfter else { return nil }
        let details = Dictionary(result.details.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var parts: [String] = []
        if let t = details["t"], let df = details["df"], let p = details["p"] {
            parts.append("t(\(language.number(df, decimals: 1))) = \(language.number(t, decimals: 2)), p = \(pValue(p))")
        }
        if let p = details["p-wilcoxon"] { parts.append("Wilcoxon\(language.colon)p = \(pValue(p))") }
        if let dz = details["dz"] {
            let size: ReportMessage = abs(dz) < 0.2 ? .effectNegligible : abs(dz) < 0.5 ? .effectSmall : abs(dz) < 0.8 ? .effectMedium : .effectLarge
            parts.append("d_z = \(language.number(dz, decimals: 2)) (\(ReportMessage.text(size)[language]))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ; ")
    }

    /// An outcomes indicator's share in each category, in the plan's order.
    func categories(of result: IndicatorResult) -> [(name: String, share: Double)] {
        guard result.indicator.measure == .outcomes else { return [] }
        let names = Set(result.indicator.categories.map(\.name))
        return result.details.filter { names.contains($0.name) }.map { ($0.name, $0.value) }
    }

    private func pValue(_ p: Double) -> String {
        p < 0.001 ? "< " + language.number(0.001, decimals: 3) : language.number(p, decimals: 3)
    }

    private func baseDecimals(_ value: Double, _ result: IndicatorResult) -> Int {
        if result.isProportion || result.indicator.measure == .nps { return 1 }
        return value == value.rounded() ? 0 : 2
    }

    /// The number the reader sees, back in the measure's unit (a share as a fraction).
    private func shownNumber(_ value: Double, _ result: IndicatorResult, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let number = result.isProportion ? value * 100 : value
        let shown = (number * scale).rounded() / scale
        return result.isProportion ? shown / 100 : shown
    }

    private func format(_ value: Double, _ result: IndicatorResult, decimals: Int) -> String {
        if result.isProportion { return language.percent(value, decimals: decimals) }
        let text = language.number(value, decimals: decimals)
        return result.indicator.measure == .nps && value > 0 ? "+" + text : text
    }

    /// What `measure` computes, in words.
    func name(of measure: Measure) -> String {
        let key: ReportMessage = switch measure {
        case .mean: .measureMean
        case .median: .measureMedian
        case .distribution: .measureDistribution
        case .topBox: .measureTopBox
        case .bottomBox: .measureBottomBox
        case .share: .measureShare
        case .nps: .measureNPS
        case .count: .measureCount
        case .responseRate: .measureResponseRate
        case .gain: .measureGain
        case .change: .measureChange
        case .alpha: .measureAlpha
        case .outcomes: .measureOutcomes
        }
        return ReportMessage.text(key)[language]
    }
}

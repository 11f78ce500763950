// AtelierImpact: from a mockup's evaluation plan and survey exports to indicators — column
// matching, answer coding, mergeable aggregates, targets, sites and waves.

import AtelierCore
import AtelierMockup
import AtelierStatistics
import Foundation

/// One indicator's result.
public struct IndicatorResult: Sendable {
    public let indicator: Mockup.Indicator
    public let value: Double?
    /// Whether `value` is a proportion (a fraction in JSON, a percentage in reports).
    public let isProportion: Bool
    public let n: Double?
    public let interval: ClosedRange<Double>?
    public let margin: Double?
    public let target: Target?
    public let status: Status
    /// Further figures of the measure, in a stable order: t, df, p, W, dz, median…
    public let details: [(name: String, value: Double)]
    /// Counts per level or choice, in the scale's or the plan's order.
    public let distribution: [(label: Localized, count: Double)]
    public let segments: [SegmentResult]
    /// Why the value is missing or the status unknown.
    public let note: Localized?
}

/// An indicator broken down by the answers to a segment question.
public struct SegmentResult: Sendable {
    public let by: String
    public let group: String
    public let n: Double
    public let value: Double?
    /// Fewer answers than the suppression threshold: no value is shown.
    public let suppressed: Bool
    /// Fewer answers than the caution threshold: shown, flagged.
    public let caution: Bool
}

public struct ObjectiveResult: Sendable {
    public let id: String
    public let status: Status
    public let indicators: [String]
}

/// What `impact` computes: the aggregate read and every indicator and objective.
public struct ImpactReport: Sendable {
    /// The project's title.
    public let title: String
    /// The plan the indicators were computed from.
    public let plan: SurveyPlan
    public let aggregate: SurveyAggregate
    public let indicators: [IndicatorResult]
    public let objectives: [ObjectiveResult]
    public let suppressBelow: Double
    public let cautionBelow: Double
}

/// Computes the plan's indicators from an aggregate, as the indicator catalogue defines them.
public struct IndicatorEngine: Sendable {
    public let plan: SurveyPlan
    public let suppressBelow: Double
    public let cautionBelow: Double

    public init(plan: SurveyPlan, suppressBelow: Double = 5, cautionBelow: Double = 30) {
        self.plan = plan
        self.suppressBelow = suppressBelow
        self.cautionBelow = cautionBelow
    }

    public func report(_ aggregate: SurveyAggregate) -> ImpactReport {
        let results = plan.indicators.map { result($0, aggregate) }
        let objectives = plan.objectives.compactMap { objective -> ObjectiveResult? in
            let measuring = results.filter { $0.indicator.objectives.contains(objective.id) }
            guard !measuring.isEmpty else { return nil }
            let status: Status = measuring.contains { $0.status == .notMet } ? .notMet
                : measuring.allSatisfy { $0.status == .met } ? .met : .unknown
            return ObjectiveResult(id: objective.id, status: status, indicators: measuring.map(\.indicator.id))
        }
        return ImpactReport(title: plan.title, plan: plan, aggregate: aggregate, indicators: results, objectives: objectives,
                            suppressBelow: suppressBelow, cautionBelow: cautionBelow)
    }

    /// A measure's figures on one tally (the whole sample or a segment).
    struct Measured {
        var value: Double?
        var isProportion = false
        var n: Double?
        var interval: ClosedRange<Double>?
        var margin: Double?
        var details: [(name: String, value: Double)] = []
        var distribution: [(label: Localized, count: Double)] = []
        var note: Localized?
    }

    func result(_ indicator: Mockup.Indicator, _ aggregate: SurveyAggregate) -> IndicatorResult {
        let target = indicator.target.flatMap(Target.init)
        var measured: Measured
        var segments: [SegmentResult] = []
        switch indicator.measure {
        case .count where indicator.source == .observation:
            measured = Measured(value: indicator.observed, note: indicator.observed == nil ? ImpactMessage.text(.impactNotObserved) : nil)
        case .responseRate:
            measured = responseRate(aggregate)
        case .gain, .change:
            measured = change(indicator, aggregate.pairs[indicator.id])
        case .alpha:
            measured = alpha(aggregate.alphas[indicator.id])
        case .outcomes:
            measured = outcomes(indicator, aggregate.outcomes[indicator.id])
        default:
            guard let id = indicator.questions.first, let question = plan.question(id) else {
                measured = Measured(note: ImpactMessage.text(.impactNoQuestion))
                break
            }
            measured = measure(indicator, tally: aggregate.questions[id] ?? QuestionTally(), question: question)
            for segment in indicator.by {
                for (group, tallies) in orderedGroups(segment, aggregate) {
                    let part = measure(indicator, tally: tallies[id] ?? QuestionTally(), question: question)
                    let n = part.n ?? 0
                    segments.append(SegmentResult(by: segment, group: group, n: n, value: n < suppressBelow ? nil : part.value,
                                                  suppressed: n < suppressBelow, caution: n >= suppressBelow && n < cautionBelow))
                }
            }
        }
        let status: Status
        if let refused = mostlyRefused(indicator, aggregate) {
            status = .unknown
            measured.note = refused
        } else if let value = measured.value, let target, indicator.source == .observation || (measured.n ?? 0) >= suppressBelow {
            status = target.isMet(by: value) ? .met : .notMet
        } else {
            status = .unknown
        }
        return IndicatorResult(indicator: indicator, value: measured.value, isProportion: measured.isProportion, n: measured.n,
                               interval: measured.interval, margin: measured.margin, target: target, status: status,
                               details: measured.details, distribution: measured.distribution, segments: segments, note: measured.note)
    }

    /// Answers refused beyond this share of a question's answers leave its indicators without status.
    public static let refusedShareLimit = 0.2

    /// Why `indicator` gets no status: one of its questions had more than a fifth of its answers
    /// refused (a misread export, a scale that does not match), with how many and the values
    /// most often refused; nil when its answers were read.
    func mostlyRefused(_ indicator: Mockup.Indicator, _ aggregate: SurveyAggregate) -> Localized? {
        guard indicator.source != .observation else { return nil }
        for id in indicator.questions {
            guard let tally = aggregate.questions[id], tally.invalid > 0 else { continue }
            let total = tally.answered + tally.invalid
            guard tally.invalid > Self.refusedShareLimit * total else { continue }
            var counts: [(String, Int)] = []
            for problem in aggregate.problems.examples where problem.question == id {
                guard let value = problem.value else { continue }
                if let index = counts.firstIndex(where: { $0.0 == value }) { counts[index].1 += 1 } else { counts.append((value, 1)) }
            }
            let frequent = counts.sorted { $0.1 > $1.1 }.prefix(3).map { value, count in
                "« \(value.count > 60 ? value.prefix(59) + "…" : value) » (\(count))"
            }.joined(separator: ", ")
            return ImpactMessage.text(frequent.isEmpty ? .impactMostlyRefusedNoValues : .impactMostlyRefused, [
                "refused": JSONValue.format(tally.invalid), "total": JSONValue.format(total), "question": id, "values": frequent,
                "share": "\(Int(Self.refusedShareLimit * 100))",
            ])
        }
        return nil
    }

    /// Segment groups in the segment question's order (choices, scale levels), then the others by name.
    private func orderedGroups(_ segment: String, _ aggregate: SurveyAggregate) -> [(String, [String: QuestionTally])] {
        let groups = aggregate.segments[segment] ?? [:]
        let declared: [String] = switch plan.question(segment)?.kind {
        case .choice(let choices)?, .multiChoice(let choices, _)?: choices.map(\.fr)
        case .scale(let scale)?: scale.levels.map(\.fr)
        default: []
        }
        let order = declared + groups.keys.filter { !declared.contains($0) }.sorted()
        return order.compactMap { name in groups[name].map { (name, $0) } }
    }

    private func proportion(_ successes: Double, of n: Double, into measured: inout Measured) {
        measured.isProportion = true
        measured.n = n
        guard n > 0 else {
            measured.note = ImpactMessage.text(.impactNoAnswer)
            return
        }
        measured.value = successes / n
        measured.interval = Intervals.wilson(successes: successes, of: n)
        measured.margin = Intervals.marginOfError(proportion: successes / n, n: n, population: plan.respondentsExpected.map(Double.init))
    }

    func measure(_ indicator: Mockup.Indicator, tally: QuestionTally, question: SurveyPlan.Question) -> Measured {
        var measured = Measured(n: tally.answered)
        measured.distribution = distribution(tally, question: question)
        let histogram = tally.histogram
        let n = tally.answered
        switch indicator.measure {
        case .mean:
            let moments = tally.moments
            measured.value = moments.mean
            if let mean = moments.mean, let sd = moments.standardDeviation {
                measured.interval = Intervals.meanInterval(mean: mean, standardDeviation: sd, n: moments.n)
                measured.details = [("sd", sd)]
            }
        case .median:
            measured.value = Self.median(histogram)
        case .distribution:
            break
        case .topBox, .bottomBox:
            let k = indicator.top ?? 2
            let levels = Self.levels(question.kind, histogram: histogram)
            let counted = indicator.measure == .topBox ? Set(levels.suffix(k)) : Set(levels.prefix(k))
            proportion(histogram.filter { counted.contains($0.value) }.map(\.count).reduce(0, +), of: n, into: &measured)
        case .share:
            proportion(shareCount(indicator.choice ?? "", tally: tally, question: question), of: n, into: &measured)
        case .nps:
            let promoters = histogram.filter { $0.value >= 9 }.map(\.count).reduce(0, +)
            let detractors = histogram.filter { $0.value <= 6 }.map(\.count).reduce(0, +)
            if n > 0 {
                measured.value = 100 * (promoters - detractors) / n
                measured.interval = Intervals.npsInterval(promoters: promoters, detractors: detractors, n: n)
                measured.details = [("promoters", promoters), ("passives", n - promoters - detractors), ("detractors", detractors)]
            }
        case .count:
            measured.value = n
        case .responseRate, .gain, .change, .alpha, .outcomes:
            measured.note = ImpactMessage.text(.impactUnsupportedMeasure, ["measure": indicator.measure.rawValue])
        }
        if measured.value == nil && measured.note == nil && indicator.measure != .distribution {
            measured.note = ImpactMessage.text(.impactNoAnswer)
        }
        return measured
    }

    /// The values of a question's levels, low to high.
    static func levels(_ kind: AnswerKind, histogram: [(value: Double, count: Double)]) -> [Double] {
        switch kind {
        case .scale(let scale): scale.values.sorted()
        case .yesNo: [0, 1]
        default: histogram.map(\.value)
        }
    }

    static func median(_ histogram: [(value: Double, count: Double)]) -> Double? {
        let n = histogram.map(\.count).reduce(0, +)
        guard n > 0 else { return nil }
        func value(at rank: Double) -> Double {
            var seen = 0.0
            for (value, count) in histogram {
                seen += count
                if seen >= rank { return value }
            }
            return histogram.last!.value
        }
        let middle = (n + 1) / 2
        return n.truncatingRemainder(dividingBy: 2) == 1 ? value(at: middle) : (value(at: n / 2) + value(at: n / 2 + 1)) / 2
    }

    private func shareCount(_ choice: String, tally: QuestionTally, question: SurveyPlan.Question) -> Double {
        let wanted = TextMatching.normalized(choice)
        switch question.kind {
        case .choice(let choices), .multiChoice(let choices, _):
            guard let index = choices.firstIndex(where: { TextMatching.normalized($0.fr) == wanted || TextMatching.normalized($0.en) == wanted }) else { return 0 }
            return tally.choices.indices.contains(index) ? tally.choices[index] : 0
        default:
            guard case .value(let value) = AnswerCoder(question).code(choice) else { return 0 }
            return tally.histogram.first { $0.value == value }?.count ?? 0
        }
    }

    /// Each question's answers, level by level (or choice by choice), for charts and tables;
    /// free-text questions have none.
    public func distributions(_ aggregate: SurveyAggregate) -> [(question: SurveyPlan.Question, counts: [(label: Localized, count: Double)])] {
        plan.questions.compactMap { question in
            let counts = distribution(aggregate.questions[question.id] ?? QuestionTally(), question: question)
            return counts.isEmpty ? nil : (question, counts)
        }
    }

    private func distribution(_ tally: QuestionTally, question: SurveyPlan.Question) -> [(label: Localized, count: Double)] {
        let counts = Dictionary(tally.histogram.map { ($0.value, $0.count) }, uniquingKeysWith: +)
        switch question.kind {
        case .scale(let scale):
            return zip(scale.levels, scale.values).map { ($0, counts[$1] ?? 0) }
        case .yesNo:
            return [(Localized(fr: "Non", en: "No"), counts[0] ?? 0), (Localized(fr: "Oui", en: "Yes"), counts[1] ?? 0)]
        case .choice(let choices), .multiChoice(let choices, _):
            return choices.enumerated().map { ($1, tally.choices.indices.contains($0) ? tally.choices[$0] : 0) }
        case .number:
            return tally.histogram.map { (Localized(verbatim: JSONValue.format($0.value)), $0.count) }
        case .text:
            return []
        }
    }

    private func responseRate(_ aggregate: SurveyAggregate) -> Measured {
        var measured = Measured()
        guard let expected = plan.respondentsExpected, expected > 0 else {
            measured.note = ImpactMessage.text(.impactNoExpected)
            return measured
        }
        measured.isProportion = true
        measured.n = Double(aggregate.used)
        measured.value = Double(aggregate.used) / Double(expected)
        if aggregate.used <= expected {
            measured.interval = Intervals.wilson(successes: Double(aggregate.used), of: Double(expected))
        }
        return measured
    }

    private func change(_ indicator: Mockup.Indicator, _ tally: PairTally?) -> Measured {
        var measured = Measured()
        guard let tally, tally.difference.n > 0 else {
            measured.n = 0
            measured.note = ImpactMessage.text(.impactNoPairs)
            return measured
        }
        measured.n = tally.difference.n
        if indicator.measure == .gain {
            guard let pre = tally.pre.mean, let post = tally.post.mean, let maximum = maximum(indicator), maximum > pre else {
                measured.note = ImpactMessage.text(.impactNoMaximum)
                return measured
            }
            measured.value = (post - pre) / (maximum - pre)
            measured.details = [("pre", pre), ("post", post)]
            if let individual = tally.gains.mean { measured.details.append(("individual-gain", individual)) }
            return measured
        }
        measured.value = tally.difference.mean
        if let test = PairedTTest(differences: tally.difference) {
            measured.interval = test.interval
            measured.details += [("t", test.t), ("df", test.degreesOfFreedom), ("p", test.p)]
        }
        if let wilcoxon = WilcoxonTest(differences: tally.differences) {
            measured.details += [("W", wilcoxon.statistic), ("p-wilcoxon", wilcoxon.p)]
        }
        if let effect = PairedEffectSize(pre: tally.pre, post: tally.post, differences: tally.difference) {
            measured.details += [("dz", effect.dz), ("davg", effect.davg)]
        }
        return measured
    }

    /// The highest value of a gain's post question's scale.
    private func maximum(_ indicator: Mockup.Indicator) -> Double? {
        guard let (_, post) = SurveyTally.prePost(indicator, plan: plan), let question = plan.question(post) else { return nil }
        return SurveyTally.bounds(question.kind)?.1
    }

    /// Inspiring Learning for All: the share of respondents with at least one choice in each
    /// outcome category, each with its Wilson interval; the indicator's value is the share
    /// with at least one outcome of any category.
    private func outcomes(_ indicator: Mockup.Indicator, _ tally: OutcomeTally?) -> Measured {
        var measured = Measured()
        guard !indicator.categories.isEmpty else {
            measured.note = ImpactMessage.text(.impactNoCategories)
            return measured
        }
        guard let tally, tally.respondents > 0 else {
            measured.n = 0
            measured.note = ImpactMessage.text(.impactNoAnswer)
            return measured
        }
        measured.distribution = zip(indicator.categories, tally.categories).map { (Localized(verbatim: $0.name), $1) }
        for (category, count) in zip(indicator.categories, tally.categories) {
            measured.details.append((category.name, count / tally.respondents))
        }
        proportion(tally.anyCategory, of: tally.respondents, into: &measured)
        return measured
    }

    private func alpha(_ tally: AlphaTally?) -> Measured {
        var measured = Measured()
        guard let tally, let alpha = CronbachAlpha(pairs: tally.pairs, respondents: tally.respondents) else {
            measured.note = ImpactMessage.text(.impactNoAnswer)
            return measured
        }
        measured.n = tally.respondents
        measured.value = alpha.raw
        measured.interval = alpha.interval
        measured.details = (alpha.standardized.map { [("standardized", $0)] } ?? []) + [("items", Double(alpha.items))]
        return measured
    }
}

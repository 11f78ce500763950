import AtelierCore
import AtelierMockup
import AtelierStatistics
import Foundation

/// A question as two waves must share it to be compared: its wording and how its answers are
/// coded (scale, choices, range).
public struct QuestionIdentity: Sendable, Equatable {
    public let id: String
    public let text: String
    public let coding: String

    public init(id: String, text: String, coding: String) {
        self.id = id
        self.text = text
        self.coding = coding
    }
}

/// One wave's indicator, with what a comparison needs.
public struct WaveIndicator: Sendable {
    public let id: String
    public let label: String
    public let measure: Measure
    public let value: Double?
    public let n: Double?
    public let details: [String: Double]
    public let questions: [QuestionIdentity]
}

/// One wave of a survey: the indicators of an `impact --json` output or of an aggregate file.
public struct Wave: Sendable {
    public let file: String
    public let title: String
    public let indicators: [WaveIndicator]

    /// The wave of an impact report.
    public init(file: String, report: ImpactReport, plan: SurveyPlan) {
        self.file = file
        title = plan.title
        indicators = report.indicators.map { result in
            WaveIndicator(id: result.indicator.id, label: result.indicator.label, measure: result.indicator.measure, value: result.value, n: result.n,
                          details: Dictionary(result.details.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                          questions: result.indicator.questions.compactMap { plan.question($0)?.identity })
        }
    }

    /// Reads an `impact --json` output or an aggregate file (recognised by content).
    public static func read(_ data: Data, file: String, decoder: MockupDecoder, scales: [String: Mockup.Scale]) throws -> Wave {
        if let aggregate = try? AggregateFile.decode(data, file: file) {
            guard let mockup = decoder.decode(Array(aggregate.mockup.utf8)).mockup else { throw UserError(ImpactMessage.mergeNotAnAggregate, ["file": file]) }
            let plan = SurveyPlan(mockup: mockup, builtinScales: scales)
            return Wave(file: file, report: IndicatorEngine(plan: plan).report(aggregate.aggregate), plan: plan)
        }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let items = document["indicators"] as? [[String: Any]] else {
            throw UserError(ImpactMessage.compareNotAWave, ["file": file])
        }
        let indicators = try items.compactMap { item throws -> WaveIndicator? in
            guard let id = item["id"] as? String else { return nil }
            guard let measure = (item["measure"] as? String).flatMap(Measure.init(rawValue:)) else {
                throw UserError(ImpactMessage.compareNotAWave, ["file": file])
            }
            let questions = (item["questions"] as? [[String: Any]] ?? []).compactMap { question -> QuestionIdentity? in
                guard let id = question["id"] as? String, let text = question["text"] as? String, let coding = question["coding"] as? String else { return nil }
                return QuestionIdentity(id: id, text: text, coding: coding)
            }
            return WaveIndicator(id: id, label: item["label"] as? String ?? id, measure: measure, value: item["value"] as? Double, n: item["n"] as? Double,
                                 details: item["details"] as? [String: Double] ?? [:], questions: questions)
        }
        return Wave(file: file, title: document["title"] as? String ?? file, indicators: indicators)
    }

    private init(file: String, title: String, indicators: [WaveIndicator]) {
        self.file = file
        self.title = title
        self.indicators = indicators
    }
}

/// One indicator compared across two waves.
public struct IndicatorComparison: Sendable {
    public let id: String
    public let label: String
    public let measure: Measure
    public let old: Double?
    public let new: Double?
    /// new − old, with its interval and test where the measure has one.
    public let result: WaveComparison.Result?
    public let comparable: Bool
    /// Why not comparable, or why without a test.
    public let reason: Localized?

    public var isProportion: Bool { measure.isProportion }
}

/// Compares the indicators two waves share, refusing those whose question was reworded or
/// recoded between them (never silently compared).
public enum WaveCompare {
    public static func compare(_ old: Wave, _ new: Wave) -> [IndicatorComparison] {
        let ids = old.indicators.map(\.id) + new.indicators.map(\.id).filter { id in !old.indicators.contains { $0.id == id } }
        return ids.map { id in
            let before = old.indicators.first { $0.id == id }, after = new.indicators.first { $0.id == id }
            func refused(_ reason: Localized) -> IndicatorComparison {
                let any = before ?? after!
                return IndicatorComparison(id: id, label: any.label, measure: any.measure, old: before?.value, new: after?.value, result: nil,
                                           comparable: false, reason: reason)
            }
            guard let before, let after else {
                return refused(ImpactMessage.text(.compareAbsent, ["file": before == nil ? old.file : new.file]))
            }
            guard before.measure == after.measure else {
                return refused(ImpactMessage.text(.compareMeasureChanged, ["old": before.measure.rawValue, "new": after.measure.rawValue]))
            }
            if let reason = questionChange(before.questions, after.questions) { return refused(reason) }
            guard let valueBefore = before.value, let valueAfter = after.value else { return refused(ImpactMessage.text(.compareNoValue)) }
            let result = test(before, after)
            return IndicatorComparison(id: id, label: after.label, measure: after.measure, old: valueBefore, new: valueAfter,
                                       result: result ?? WaveComparison.Result(difference: valueAfter - valueBefore, interval: nil, p: nil, statistic: nil, degreesOfFreedom: nil),
                                       comparable: true, reason: result == nil ? ImpactMessage.text(.compareNoTest, ["measure": after.measure.rawValue]) : nil)
        }
    }

    /// The first way the questions differ between the waves: reworded, recoded, or replaced.
    static func questionChange(_ before: [QuestionIdentity], _ after: [QuestionIdentity]) -> Localized? {
        guard before.map(\.id) == after.map(\.id) else {
            return ImpactMessage.text(.compareOtherQuestions, ["old": before.map(\.id).joined(separator: ", "), "new": after.map(\.id).joined(separator: ", ")])
        }
        for (old, new) in zip(before, after) {
            if TextMatching.normalized(old.text) != TextMatching.normalized(new.text) {
                return ImpactMessage.text(.compareReworded, ["id": new.id, "old": old.text, "new": new.text])
            }
            if old.coding != new.coding { return ImpactMessage.text(.compareRecoded, ["id": new.id]) }
        }
        return nil
    }

    static func test(_ before: WaveIndicator, _ after: WaveIndicator) -> WaveComparison.Result? {
        guard let valueBefore = before.value, let valueAfter = after.value, let nBefore = before.n, let nAfter = after.n else { return nil }
        switch after.measure {
        case _ where after.measure.isProportion:
            return WaveComparison.proportions(successesOld: (valueBefore * nBefore).rounded(), nOld: nBefore,
                                              successesNew: (valueAfter * nAfter).rounded(), nNew: nAfter)
        case .mean:
            guard let sdBefore = before.details["sd"], let sdAfter = after.details["sd"] else { return nil }
            return WaveComparison.means(meanOld: valueBefore, sdOld: sdBefore, nOld: nBefore, meanNew: valueAfter, sdNew: sdAfter, nNew: nAfter)
        case .nps:
            guard let promotersBefore = before.details["promoters"], let detractorsBefore = before.details["detractors"],
                  let promotersAfter = after.details["promoters"], let detractorsAfter = after.details["detractors"] else { return nil }
            return WaveComparison.nps(promotersOld: promotersBefore, detractorsOld: detractorsBefore, nOld: nBefore,
                                      promotersNew: promotersAfter, detractorsNew: detractorsAfter, nNew: nAfter)
        default:
            return nil
        }
    }
}

extension SurveyPlan.Question {
    /// The question as two waves must share it to be compared.
    public var identity: QuestionIdentity {
        var hash = StableHash()
        hash.add("\(kind.meaning)|\(range.map { "\($0.lowerBound)…\($0.upperBound)" } ?? "")".utf8)
        return QuestionIdentity(id: id, text: text, coding: String(hash.value, radix: 16))
    }
}

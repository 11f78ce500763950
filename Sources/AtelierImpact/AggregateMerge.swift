import AtelierCore
import AtelierMockup
import Foundation

/// What `merge` makes of several sites' aggregates: the network's aggregate, each site's own,
/// and the plan whose targets hold.
public struct MergedSites: Sendable {
    public let plan: SurveyPlan
    public let merged: SurveyAggregate
    /// Each site's aggregate, by its name (`impact --site`, else its export's file name).
    public let sites: [(name: String, aggregate: SurveyAggregate)]
}

/// Adds the aggregates of several sites, refusing what would make the result depend on the
/// order of the files or count a site twice: aggregates of different plans, the same aggregate
/// given twice, and sites whose targets differ (unless `referee`, the mockup whose targets hold,
/// is given).
public enum AggregateMerge {
    public static func merge(_ files: [(path: String, file: AggregateFile)], decoder: MockupDecoder, scales: [String: Mockup.Scale],
                             referee: (path: String, mockup: Mockup)? = nil) throws -> MergedSites {
        var plans: [(path: String, plan: SurveyPlan)] = []
        var merged: SurveyAggregate?
        var sites: [(name: String, aggregate: SurveyAggregate)] = []
        for (index, (path, file)) in files.enumerated() {
            if let twin = files[..<index].first(where: { $0.file.isSame(as: file) }) {
                throw UserError(ImpactMessage.mergeSameAggregate, ["first": twin.path, "second": path])
            }
            guard let mockup = decoder.decode(Array(file.mockup.utf8)).mockup else { throw UserError(ImpactMessage.mergeNotAnAggregate, ["file": path]) }
            let plan = SurveyPlan(mockup: mockup, builtinScales: scales)
            if let first = plans.first {
                if let difference = AggregateFile.difference(first.plan, plan) ?? (file.aggregate.plan != merged?.plan ? "fingerprint" : nil) {
                    throw UserError(ImpactMessage.mergeDifferentPlans, ["file": path, "first": first.path, "difference": difference])
                }
                if referee == nil, let (indicator, firstTarget, target) = differentTarget(first.plan, plan) {
                    throw UserError(ImpactMessage.mergeDifferentTargets, ["first": first.path, "second": path, "indicator": indicator,
                                                             "firstTarget": firstTarget, "target": target])
                }
            }
            plans.append((path, plan))
            merged = merged.map { $0 + file.aggregate } ?? file.aggregate
            sites.append((file.site ?? URL(fileURLWithPath: file.aggregate.files.first ?? path).deletingPathExtension().lastPathComponent, file.aggregate))
        }
        guard let merged, let first = plans.first else { throw UserError(ImpactMessage.mergeNothing) }
        var plan = first.plan
        if let referee {
            let chosen = SurveyPlan(mockup: referee.mockup, builtinScales: scales)
            if let difference = AggregateFile.difference(first.plan, chosen) {
                throw UserError(ImpactMessage.mergeDifferentPlans, ["file": referee.path, "first": first.path, "difference": difference])
            }
            plan = chosen
        }
        return MergedSites(plan: plan, merged: merged, sites: sites)
    }

    /// The first indicator whose target differs between two plans, with both targets.
    static func differentTarget(_ first: SurveyPlan, _ second: SurveyPlan) -> (String, String, String)? {
        for indicator in first.indicators {
            guard let other = second.indicators.first(where: { $0.id == indicator.id }) else { continue }
            let normalized = { (text: String?) in text.map { $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "≥", with: ">=").replacingOccurrences(of: "≤", with: "<=") } }
            if normalized(indicator.target) != normalized(other.target) {
                return (indicator.id, indicator.target ?? "—", other.target ?? "—")
            }
        }
        return nil
    }
}

import AtelierImpact

/// One site of a network, beside the network's figures (`merge`).
public struct SiteReport: Sendable {
    public let name: String
    public let report: ImpactReport

    public init(name: String, report: ImpactReport) {
        self.name = name
        self.report = report
    }

    /// The site's figure for an indicator: its n, and its value unless the site has fewer
    /// answers than the suppression threshold (then no value, as a small segment).
    public func figure(_ id: String) -> (n: Double?, value: Double?, status: Status, suppressed: Bool)? {
        guard let result = report.indicators.first(where: { $0.indicator.id == id }) else { return nil }
        let suppressed = result.indicator.source != .observation && (result.n ?? 0) < report.suppressBelow
        return (result.n, suppressed ? nil : result.value, suppressed ? .unknown : result.status, suppressed)
    }
}

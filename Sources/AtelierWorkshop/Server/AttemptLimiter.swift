import Foundation

/// Counts failed join and sign-in attempts per client over a sliding minute, so that a join
/// code or a password cannot be guessed by trying them all.
public actor AttemptLimiter {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval

    public init(limit: Int = WorkshopLimits.attemptsPerMinute, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether `client` may try again now.
    public func allows(_ client: String, now: Date = Date()) -> Bool {
        prune(client, now: now)
        return (failures[client]?.count ?? 0) < limit
    }

    public func recordFailure(_ client: String, now: Date = Date()) {
        prune(client, now: now)
        failures[client, default: []].append(now)
    }

    private func prune(_ client: String, now: Date) {
        failures[client] = failures[client]?.filter { now.timeIntervalSince($0) < window }
        if failures[client]?.isEmpty == true { failures[client] = nil }
    }
}

/// The readiness and counts of each group's latest version, computed once per version.
actor CheckCache {
    struct Entry: Sendable, Codable {
        let readiness: Double?
        let errors: Int
        let warnings: Int
    }

    private var entries: [String: Entry] = [:]

    func entry(group: Int64, version: Int, compute: @Sendable () -> Entry) -> Entry {
        let key = "\(group)/\(version)"
        if let entry = entries[key] { return entry }
        let entry = compute()
        entries[key] = entry
        return entry
    }
}

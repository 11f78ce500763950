import AtelierCore
import Foundation
import GRDB

/// One trainer's level on one criterion for one group, as tapped on the tablet.
public struct StoredScore: Sendable, Codable, Equatable {
    public let groupID: Int64
    public let grader: String
    public let criterion: String
    /// The level's position in the rubric; nil when the trainer cleared it.
    public let level: Int?
    public let comment: String?
}

/// One member's marks for each teammate (themself included), submitted once.
public struct StoredPeerRating: Sendable, Equatable {
    public let groupID: Int64
    public let giver: String
    public let receiver: String
    public let mark: Double
}

/// Day 2 of the workshop: the trainers' levels, the members' peer ratings, what is published.
extension WorkshopStore {
    static func registerGrading(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("grading-1") { db in
            try db.create(table: "score") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("groupId", .integer).notNull().references("workshopGroup")
                table.column("grader", .text).notNull()
                table.column("criterion", .text).notNull()
                table.column("level", .integer)
                table.column("comment", .text)
                table.column("savedAt", .text).notNull()
                table.uniqueKey(["groupId", "grader", "criterion"])
            }
            try db.create(table: "peerRating") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("groupId", .integer).notNull().references("workshopGroup")
                table.column("giver", .text).notNull()
                table.column("receiver", .text).notNull()
                table.column("mark", .double).notNull()
                table.uniqueKey(["groupId", "giver", "receiver"])
            }
            try db.create(table: "publication") { table in
                table.primaryKey("groupId", .integer).references("workshopGroup")
                table.column("published", .boolean).notNull()
            }
        }
    }

    /// Records (or replaces) a trainer's level and comment; a save on every tap.
    public func saveScore(_ score: StoredScore) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO score (groupId, grader, criterion, level, comment, savedAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(groupId, grader, criterion) DO UPDATE SET level = excluded.level, comment = excluded.comment, savedAt = excluded.savedAt
                """, arguments: [score.groupID, score.grader, score.criterion, score.level, score.comment, Self.now()])
        }
    }

    /// Every score of the workshop's groups, by group, grader, then criterion.
    public func scores(workshopID: Int64) throws -> [StoredScore] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT score.* FROM score JOIN workshopGroup ON workshopGroup.id = score.groupId
                WHERE workshopGroup.workshopId = ? ORDER BY score.groupId, score.grader, score.id
                """, arguments: [workshopID]).map {
                StoredScore(groupID: $0["groupId"], grader: $0["grader"], criterion: $0["criterion"], level: $0["level"], comment: $0["comment"])
            }
        }
    }

    /// Records a member's ratings of their group; a second submission is refused (false).
    public func submitPeerRatings(groupID: Int64, giver: String, marks: [(receiver: String, mark: Double)]) throws -> Bool {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM peerRating WHERE groupId = ? AND giver = ?", arguments: [groupID, giver]) == nil else { return false }
            for (receiver, mark) in marks {
                try db.execute(sql: "INSERT INTO peerRating (groupId, giver, receiver, mark) VALUES (?, ?, ?, ?)", arguments: [groupID, giver, receiver, mark])
            }
            return true
        }
    }

    public func peerRatings(workshopID: Int64) throws -> [StoredPeerRating] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT peerRating.* FROM peerRating JOIN workshopGroup ON workshopGroup.id = peerRating.groupId
                WHERE workshopGroup.workshopId = ? ORDER BY peerRating.id
                """, arguments: [workshopID]).map {
                StoredPeerRating(groupID: $0["groupId"], giver: $0["giver"], receiver: $0["receiver"], mark: $0["mark"])
            }
        }
    }

    /// The names of the trainees who joined the group, in the order they joined.
    public func members(groupID: Int64) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM session WHERE groupId = ? AND role = 'trainee' GROUP BY name ORDER BY MIN(createdAt), MIN(rowid)",
                                arguments: [groupID])
        }
    }

    public func setPublished(groupID: Int64, _ published: Bool) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO publication (groupId, published) VALUES (?, ?) ON CONFLICT(groupId) DO UPDATE SET published = excluded.published",
                           arguments: [groupID, published])
        }
    }

    public func isPublished(groupID: Int64) throws -> Bool {
        try pool.read { db in try Bool.fetchOne(db, sql: "SELECT published FROM publication WHERE groupId = ?", arguments: [groupID]) ?? false }
    }
}

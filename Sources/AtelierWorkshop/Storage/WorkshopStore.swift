// AtelierWorkshop: `atelier serve` — the training room's web application: workshops, groups,
// sessions and every saved version of each group's mockup in SQLite (WAL, synchronous commits),
// the JSON API the pages use, the pages themselves and their assets, all served by the binary.

import AtelierCore
import Foundation
import GRDB
import HummingbirdBcrypt

/// A workshop as the trainer created it.
public struct Workshop: Sendable, Codable, Equatable {
    public let id: Int64
    /// What trainees type to join (six letters and digits, none that look alike).
    public let code: String
    public let title: String
    public let language: Language
}

/// A group of trainees writing one mockup.
public struct WorkshopGroup: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
}

/// A checklist a workshop checks its mockups with: a built-in one by name, or one the trainer
/// uploaded (its YAML kept with the workshop).
public struct WorkshopChecklist: Sendable, Codable, Equatable {
    public let name: String
    public let yaml: String?

    public init(name: String, yaml: String?) {
        self.name = name
        self.yaml = yaml
    }
}

/// The days of a workshop (ISO dates: 2026-12-03).
public struct WorkshopDates: Sendable, Codable, Equatable {
    public let start: String
    public let end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

/// One saved state of a group's mockup. Versions are numbered from 1 and never change.
public struct MockupVersion: Sendable, Codable, Equatable {
    public let number: Int
    public let yaml: String
    public let author: String
    public let savedAt: String
}

/// Who a browser is: the trainer of a workshop, or a trainee of one of its groups.
public struct WorkshopSession: Sendable, Equatable {
    public enum Role: String, Sendable, Codable { case trainer, trainee }
    public let token: String
    public let workshopID: Int64
    public let role: Role
    public let groupID: Int64?
    public let name: String
    /// Sent back in a header with every change: a page of another site cannot know it.
    public let csrf: String
}

/// The result of a save: stored as the next version, or refused because someone saved first
/// (with what they saved; nil when the version the save started from never existed).
public enum SaveResult: Sendable, Equatable {
    case saved(MockupVersion)
    case conflict(latest: MockupVersion?)
}

/// The workshop database. Every write is a transaction committed to disk before it returns
/// (WAL, `synchronous = FULL`): an acknowledged save survives a killed server.
public struct WorkshopStore: Sendable {
    let pool: DatabasePool
    /// The data folder.
    public let folder: URL

    /// Opens (and creates if needed) the database in `folder`.
    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: folder.appendingPathComponent("atelier.sqlite").path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("workshops-1") { db in
            try db.create(table: "workshop") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("code", .text).notNull().unique()
                table.column("title", .text).notNull()
                table.column("language", .text).notNull()
                table.column("passwordHash", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "workshopGroup") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("workshop").notNull()
                table.column("name", .text).notNull()
                table.uniqueKey(["workshopId", "name"])
            }
            try db.create(table: "session") { table in
                table.primaryKey("token", .text)
                table.belongsTo("workshop").notNull()
                table.column("role", .text).notNull()
                table.column("groupId", .integer)
                table.column("name", .text).notNull()
                table.column("csrf", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "version") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("groupId", .integer).notNull().references("workshopGroup")
                table.column("number", .integer).notNull()
                table.column("yaml", .text).notNull()
                table.column("author", .text).notNull()
                table.column("savedAt", .text).notNull()
                table.uniqueKey(["groupId", "number"])
            }
        }
        migrator.registerMigration("workshops-2") { db in
            try db.alter(table: "workshop") { table in table.add(column: "rubric", .text) }
            try db.create(table: "coTrainer") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("workshop").notNull()
                table.column("name", .text).notNull()
                table.column("passwordHash", .text).notNull()
            }
            try db.create(table: "workshopChecklist") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("workshop").notNull()
                table.column("name", .text).notNull()
                table.column("yaml", .text)
            }
        }
        migrator.registerMigration("workshops-3") { db in
            try db.alter(table: "workshop") { table in
                table.add(column: "startDate", .text)
                table.add(column: "endDate", .text)
            }
        }
        registerGrading(&migrator)
        return migrator
    }

    // MARK: Workshops

    /// Creates a workshop with its groups, the checklists its mockups are checked with (besides
    /// the built-in one) and the rubric of its presentations; the password is kept as a bcrypt hash only.
    public func createWorkshop(title: String, language: Language, password: String, groups: [String],
                               checklists: [WorkshopChecklist] = [], rubric: String? = nil, dates: WorkshopDates? = nil) throws -> Workshop {
        let hash = Bcrypt.hash(password, cost: 10)
        return try pool.write { db in
            var code = JoinCode.random()
            while try Int.fetchOne(db, sql: "SELECT 1 FROM workshop WHERE code = ?", arguments: [code]) != nil { code = JoinCode.random() }
            try db.execute(sql: "INSERT INTO workshop (code, title, language, passwordHash, createdAt, rubric) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [code, title, language.rawValue, hash, Self.now(), rubric])
            let id = db.lastInsertedRowID
            for name in groups {
                try db.execute(sql: "INSERT OR IGNORE INTO workshopGroup (workshopId, name) VALUES (?, ?)", arguments: [id, name])
            }
            try Self.insert(checklists, workshopID: id, db)
            try db.execute(sql: "UPDATE workshop SET startDate = ?, endDate = ? WHERE id = ?", arguments: [dates?.start, dates?.end, id])
            return Workshop(id: id, code: code, title: title, language: language)
        }
    }

    private static func insert(_ checklists: [WorkshopChecklist], workshopID: Int64, _ db: Database) throws {
        for checklist in checklists {
            try db.execute(sql: "INSERT INTO workshopChecklist (workshopId, name, yaml) VALUES (?, ?, ?)", arguments: [workshopID, checklist.name, checklist.yaml])
        }
    }

    /// The checklists the workshop's mockups are checked with, in the order the trainer chose them.
    public func checklists(of workshopID: Int64) throws -> [WorkshopChecklist] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, yaml FROM workshopChecklist WHERE workshopId = ? ORDER BY id", arguments: [workshopID])
                .map { WorkshopChecklist(name: $0["name"], yaml: $0["yaml"]) }
        }
    }

    public func dates(of workshopID: Int64) throws -> WorkshopDates? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT startDate, endDate FROM workshop WHERE id = ?", arguments: [workshopID]).flatMap { row in
                (row["startDate"] as String?).map { WorkshopDates(start: $0, end: row["endDate"] ?? $0) }
            }
        }
    }

    public func rubric(of workshopID: Int64) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT rubric FROM workshop WHERE id = ?", arguments: [workshopID]) }
    }

    /// Adds a co-trainer, who signs in with the workshop's code and their own password.
    public func addCoTrainer(workshopID: Int64, name: String, password: String) throws {
        let hash = Bcrypt.hash(password, cost: 10)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO coTrainer (workshopId, name, passwordHash) VALUES (?, ?, ?)", arguments: [workshopID, name, hash])
        }
    }

    public func coTrainers(of workshopID: Int64) throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM coTrainer WHERE workshopId = ? ORDER BY id", arguments: [workshopID]) }
    }

    public func workshop(code: String) throws -> Workshop? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE code = ?", arguments: [JoinCode.normalized(code)]).map(Self.workshop)
        }
    }

    public func workshop(id: Int64) throws -> Workshop? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE id = ?", arguments: [id]).map(Self.workshop) }
    }

    /// The workshop whose code this is and whose trainer's or co-trainer's password this is, with
    /// the co-trainer's name (nil for the trainer who created it), or nil.
    public func trainerWorkshop(code: String, password: String) throws -> (workshop: Workshop, trainer: String?)? {
        let found = try pool.read { db -> (Row, [Row])? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE code = ?", arguments: [JoinCode.normalized(code)]) else { return nil }
            return (row, try Row.fetchAll(db, sql: "SELECT name, passwordHash FROM coTrainer WHERE workshopId = ?", arguments: [row["id"] as Int64]))
        }
        guard let (row, coTrainers) = found else { return nil }
        if Bcrypt.verify(password, hash: row["passwordHash"]) { return (Self.workshop(row), nil) }
        guard let coTrainer = coTrainers.first(where: { Bcrypt.verify(password, hash: $0["passwordHash"]) }) else { return nil }
        return (Self.workshop(row), coTrainer["name"])
    }

    public func groups(of workshopID: Int64) throws -> [WorkshopGroup] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM workshopGroup WHERE workshopId = ? ORDER BY id", arguments: [workshopID])
                .map { WorkshopGroup(id: $0["id"], name: $0["name"]) }
        }
    }

    // MARK: Sessions

    public func openSession(workshopID: Int64, role: WorkshopSession.Role, groupID: Int64?, name: String) throws -> WorkshopSession {
        let session = WorkshopSession(token: Token.random(), workshopID: workshopID, role: role, groupID: groupID, name: name, csrf: Token.random())
        try pool.write { db in
            try db.execute(sql: "INSERT INTO session (token, workshopId, role, groupId, name, csrf, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [session.token, workshopID, role.rawValue, groupID, name, session.csrf, Self.now()])
        }
        return session
    }

    public func session(token: String) throws -> WorkshopSession? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token = ?", arguments: [token]).flatMap { row in
                WorkshopSession.Role(rawValue: row["role"]).map {
                    WorkshopSession(token: row["token"], workshopID: row["workshopId"], role: $0, groupID: row["groupId"], name: row["name"], csrf: row["csrf"])
                }
            }
        }
    }

    // MARK: Versions

    public func latest(groupID: Int64) throws -> MockupVersion? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM version WHERE groupId = ? ORDER BY number DESC LIMIT 1", arguments: [groupID]).map(Self.version)
        }
    }

    public func version(groupID: Int64, number: Int) throws -> MockupVersion? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM version WHERE groupId = ? AND number = ?", arguments: [groupID, number]).map(Self.version)
        }
    }

    /// Every version of the group's mockup, newest first.
    public func history(groupID: Int64) throws -> [MockupVersion] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM version WHERE groupId = ? ORDER BY number DESC", arguments: [groupID]).map(Self.version)
        }
    }

    /// Saves `yaml` as the version after `base` (0 for the first save). When someone saved since
    /// `base`, nothing is written and the latest version comes back: no one's work is overwritten.
    public func save(groupID: Int64, base: Int, yaml: String, author: String) throws -> SaveResult {
        try pool.write { db in
            let latest = try Row.fetchOne(db, sql: "SELECT * FROM version WHERE groupId = ? ORDER BY number DESC LIMIT 1", arguments: [groupID]).map(Self.version)
            guard (latest?.number ?? 0) == base else { return .conflict(latest: latest) }
            let version = MockupVersion(number: (latest?.number ?? 0) + 1, yaml: yaml, author: author, savedAt: Self.now())
            try db.execute(sql: "INSERT INTO version (groupId, number, yaml, author, savedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [groupID, version.number, version.yaml, version.author, version.savedAt])
            return .saved(version)
        }
    }

    // MARK: Export and import

    /// The whole workshop as one value: what `--export` writes and `--import` reads back.
    public func archive(workshopID: Int64) throws -> WorkshopArchive {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM workshop WHERE id = ?", arguments: [workshopID]) else {
                throw WorkshopArchive.Problem.noSuchWorkshop
            }
            let groups = try Row.fetchAll(db, sql: "SELECT id, name FROM workshopGroup WHERE workshopId = ? ORDER BY id", arguments: [workshopID])
            return WorkshopArchive(
                format: WorkshopArchive.formatName, code: row["code"], title: row["title"], language: row["language"], passwordHash: row["passwordHash"],
                groups: try groups.map { group in
                    let versions = try Row.fetchAll(db, sql: "SELECT * FROM version WHERE groupId = ? ORDER BY number", arguments: [group["id"] as Int64])
                    return WorkshopArchive.Group(name: group["name"], versions: versions.map(Self.version))
                },
                rubric: row["rubric"],
                dates: (row["startDate"] as String?).map { WorkshopDates(start: $0, end: row["endDate"] ?? $0) },
                checklists: try Row.fetchAll(db, sql: "SELECT name, yaml FROM workshopChecklist WHERE workshopId = ? ORDER BY id", arguments: [workshopID])
                    .map { WorkshopChecklist(name: $0["name"], yaml: $0["yaml"]) },
                coTrainers: try Row.fetchAll(db, sql: "SELECT name, passwordHash FROM coTrainer WHERE workshopId = ? ORDER BY id", arguments: [workshopID])
                    .map { WorkshopArchive.CoTrainer(name: $0["name"], passwordHash: $0["passwordHash"]) })
        }
    }

    /// Recreates an archived workshop with its code, password, groups and every version.
    public func restore(_ archive: WorkshopArchive) throws -> Workshop {
        try pool.write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM workshop WHERE code = ?", arguments: [archive.code]) != nil {
                throw WorkshopArchive.Problem.codeInUse(archive.code)
            }
            try db.execute(sql: "INSERT INTO workshop (code, title, language, passwordHash, createdAt, rubric) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [archive.code, archive.title, archive.language, archive.passwordHash, Self.now(), archive.rubric])
            let id = db.lastInsertedRowID
            try Self.insert(archive.checklists ?? [], workshopID: id, db)
            try db.execute(sql: "UPDATE workshop SET startDate = ?, endDate = ? WHERE id = ?", arguments: [archive.dates?.start, archive.dates?.end, id])
            for coTrainer in archive.coTrainers ?? [] {
                try db.execute(sql: "INSERT INTO coTrainer (workshopId, name, passwordHash) VALUES (?, ?, ?)", arguments: [id, coTrainer.name, coTrainer.passwordHash])
            }
            for group in archive.groups {
                try db.execute(sql: "INSERT INTO workshopGroup (workshopId, name) VALUES (?, ?)", arguments: [id, group.name])
                let groupID = db.lastInsertedRowID
                for version in group.versions {
                    try db.execute(sql: "INSERT INTO version (groupId, number, yaml, author, savedAt) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [groupID, version.number, version.yaml, version.author, version.savedAt])
                }
            }
            return Workshop(id: id, code: archive.code, title: archive.title, language: Language(rawValue: archive.language) ?? .fr)
        }
    }

    // MARK: Rows

    private static func workshop(_ row: Row) -> Workshop {
        Workshop(id: row["id"], code: row["code"], title: row["title"], language: Language(rawValue: row["language"]) ?? .fr)
    }

    private static func version(_ row: Row) -> MockupVersion {
        MockupVersion(number: row["number"], yaml: row["yaml"], author: row["author"], savedAt: row["savedAt"])
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

/// What trainees type to join a workshop: six characters from an alphabet without look-alikes.
enum JoinCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The code as typed, upper-cased, spaces and dashes dropped.
    static func normalized(_ text: String) -> String {
        text.uppercased().filter { $0 != " " && $0 != "-" }
    }
}

/// A secret no one can guess: 32 random bytes in hexadecimal.
enum Token {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

import AtelierChecklist
import AtelierCore
import AtelierMockup
import Foundation

/// One group to grade: named by its mockup's title (then checked, for the automatic criteria
/// and the feedback), or by name alone.
public struct GradedGroup: Sendable {
    public let name: String
    /// The mockup file the group is identified by, when there is one.
    public let file: String?
    public let check: CheckResult?
    /// The members the mockup's `team` lists.
    public let team: [String]

    public init(name: String, file: String? = nil, check: CheckResult? = nil, team: [String] = []) {
        self.name = name
        self.file = file
        self.check = check
        self.team = team
    }

    /// The groups of the mockups `files` (path and bytes), checked by `engine`. Two mockups
    /// with the same title would be one group: refused, naming both files.
    public static func fromMockups(_ files: [(path: String, bytes: [UInt8])], decoder: MockupDecoder, engine: ChecklistEngine,
                                   language: Language) throws(UserError) -> [GradedGroup] {
        var groups: [GradedGroup] = []
        for (path, bytes) in files {
            let decoded = decoder.decode(bytes)
            let name = decoded.mockup?.title ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            if let twin = groups.first(where: { TextMatching.normalized($0.name) == TextMatching.normalized(name) }) {
                throw UserError(GradingMessage.gradeSameTitle, ["title": name, "first": twin.file ?? twin.name, "second": path])
            }
            let team: [String] = if case .list(let people, _)? = decoded.mockup?.record["team"] {
                people.compactMap { person in if case .record(let record) = person { record.text("name") } else { nil } }
            } else {
                []
            }
            groups.append(GradedGroup(name: name, file: path, check: engine.check(decoded, source: String(decoding: bytes, as: UTF8.self), language: language),
                                      team: team))
        }
        return groups
    }

    /// Groups named by hand (`grade sheet --groups`); the same name twice is refused.
    public static func named(_ names: [String]) throws(UserError) -> [GradedGroup] {
        var groups: [GradedGroup] = []
        for name in names where !name.isEmpty {
            if let twin = groups.first(where: { TextMatching.normalized($0.name) == TextMatching.normalized(name) }) {
                throw UserError(GradingMessage.gradeSameGroupName, ["first": twin.name, "second": name])
            }
            groups.append(GradedGroup(name: name))
        }
        return groups
    }
}

/// What `atelier grade` (and the workshop server) asks for.
public struct GradeRequest: Sendable {
    public let rubric: Rubric
    public let scoreFiles: [String]
    /// The groups from the mockups; empty to take them from the score files.
    public let groups: [GradedGroup]
    public let peerFile: String?
    public let peerWeighting: Double
    public let disagreementShare: Double

    public init(rubric: Rubric, scoreFiles: [String], groups: [GradedGroup], peerFile: String? = nil,
                peerWeighting: Double = 0.5, disagreementShare: Double = 0.15) {
        self.rubric = rubric
        self.scoreFiles = scoreFiles
        self.groups = groups
        self.peerFile = peerFile
        self.peerWeighting = peerWeighting
        self.disagreementShare = disagreementShare
    }
}

/// The marks and everything that explains them.
public struct GradeOutcome: Sendable {
    public let groups: [GradedGroup]
    public let grades: [GroupGrade]
    public let agreement: AgreementReport?
    public let severity: [GraderSeverity]
    public let peers: [PeerAssessment]
    /// Every problem of the inputs, in reading order.
    public let problems: [ScoreProblem]

    /// Inputs with errors: nothing should be written from them.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// The groups left without a mark.
    public var unmarked: [GroupGrade] { grades.filter { $0.status != .marked } }
}

/// Reads the graders' sheets and the peer ratings, and combines them into marks, refusing
/// what would give a plausible wrong mark: options off their range, an automatic criterion
/// without its mockups, two levels for one grader, unknown groups or members.
public enum GradeUseCase {
    public static func run(_ request: GradeRequest) throws -> GradeOutcome {
        let rubric = request.rubric
        guard request.peerWeighting.isFinite, (0...1).contains(request.peerWeighting) else {
            throw UserError(GradingMessage.gradeBadShare, ["option": "--peer-weighting", "value": "\(request.peerWeighting)"])
        }
        guard request.disagreementShare.isFinite, (0...1).contains(request.disagreementShare) else {
            throw UserError(GradingMessage.gradeBadShare, ["option": "--disagreement-share", "value": "\(request.disagreementShare)"])
        }
        guard !request.scoreFiles.isEmpty else { throw UserError(GradingMessage.gradeNoScores) }
        if request.groups.isEmpty, let automatic = rubric.scored.first(where: { $0.source != .graders }) {
            throw UserError(GradingMessage.gradeNeedsMockups, ["criterion": automatic.id, "rubric": rubric.id, "scores": request.scoreFiles.joined(separator: " ")])
        }
        var read: [Score] = [], problems: [ScoreProblem] = [], listed: [String] = []
        for path in request.scoreFiles {
            guard FileManager.default.fileExists(atPath: path) else { throw UserError(CoreMessage.noSuchFile, ["path": path]) }
            let file = try ScoreReader(rubric: rubric).readAll(path)
            read += file.scores
            problems += file.problems
            listed += file.groups
        }
        let (scores, conflicts) = ScoreSet.reconcile(read, rubric: rubric)
        problems += conflicts
        var groups = request.groups
        if groups.isEmpty {
            for name in listed where !groups.contains(where: { $0.name == name }) { groups.append(GradedGroup(name: name)) }
        }
        let names = groups.map(\.name)
        for score in scores where !names.contains(score.group) {
            problems.append(ScoreProblem(severity: .error, place: score.place,
                                         message: GradingMessage.text(.gradeUnknownGroup, ["value": score.group, "groups": names.joined(separator: ", ")])))
        }
        let grading = Grading(rubric: rubric, disagreementShare: request.disagreementShare)
        let readiness = Dictionary(groups.compactMap { group in group.check.map { (group.name, $0.readiness) } }, uniquingKeysWith: { first, _ in first })
        let grades = grading.grade(groups: names, scores: scores, readiness: readiness)
        var peers: [PeerAssessment] = []
        if let peerFile = request.peerFile {
            guard FileManager.default.fileExists(atPath: peerFile) else { throw UserError(CoreMessage.noSuchFile, ["path": peerFile]) }
            let (ratings, issues) = try PeerReader.read(peerFile)
            problems += issues
            let teams = Dictionary(groups.map { ($0.name, $0.team) }, uniquingKeysWith: { first, _ in first })
            let validated = PeerValidation.validate(ratings, groups: names, teams: teams)
            problems += validated.problems
            let marks = Dictionary(grades.compactMap { grade in grade.mark.map { (grade.group, $0) } }, uniquingKeysWith: { first, _ in first })
            peers = grading.peerAssessment(validated.ratings, members: validated.members, marks: marks, weighting: request.peerWeighting)
        }
        return GradeOutcome(groups: groups, grades: grades, agreement: grading.agreement(grades), severity: GraderSeverity.of(grades),
                            peers: peers, problems: problems)
    }
}

import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierReport
import AtelierTabular
import AtelierUseCases
import Foundation

/// Day 2 through the grading use case `atelier grade` runs: the trainers' taps become the long
/// CSV it reads (and that the trainer downloads), the members' ratings the peer CSV, and the
/// groups are named by their mockups' titles as on the command line — so the command line,
/// given the exported mockups and that CSV, gives the same marks.
struct WorkshopGrading {
    let store: WorkshopStore
    let workshop: Workshop
    let checker: Checker
    /// The workshop's rubric, read once per request.
    let rubric: Rubric

    typealias Groups = [(group: WorkshopGroup, graded: GradedGroup)]

    init(store: WorkshopStore, toolkit: Toolkit, workshop: Workshop, checker: Checker) throws {
        self.store = store
        self.workshop = workshop
        self.checker = checker
        rubric = try toolkit.rubric(try store.rubric(of: workshop.id) ?? "presentation-atelier")
    }

    /// Each workshop group with the name grading gives it (its mockup's title, or its own name
    /// before it wrote one) and what grading knows of it (the check, the members who joined).
    /// It checks every group's latest mockup: a request computes it once and passes it on.
    func groups() throws -> Groups {
        var taken = Set<String>()
        return try store.groups(of: workshop.id).map { group in
            let members = try store.members(groupID: group.id)
            guard let latest = try store.latest(groupID: group.id) else { return (group, GradedGroup(name: group.name, team: members)) }
            let decoded = checker.decoder.decode(Array(latest.yaml.utf8))
            var name = decoded.mockup?.title.trimmingCharacters(in: .whitespaces) ?? ""
            if name.isEmpty || !taken.insert(TextMatching.normalized(name)).inserted { name = group.name }
            let check = checker.engine.check(decoded, source: latest.yaml, language: workshop.language)
            return (group, GradedGroup(name: name, file: "\(group.name).yaml", check: check, team: members))
        }
    }

    /// The trainers' levels in the long format `atelier grade --scores` reads.
    func scoresCSV(_ groups: Groups) throws -> String {
        let names = Self.names(groups)
        var text = CSVWriter.line(["group", "grader", "criterion", "level", "comment"])
        for score in try store.scores(workshopID: workshop.id) {
            guard let level = score.level, let criterion = rubric.criteria.first(where: { $0.id == score.criterion }),
                  criterion.levels.indices.contains(level), let group = names[score.groupID] else { continue }
            text += CSVWriter.line([group, score.grader, score.criterion, criterion.levels[level].label.fr, score.comment ?? ""])
        }
        return text
    }

    /// The members' ratings in the long format `atelier grade --peer` reads; nil when nobody rated.
    func peersCSV(_ groups: Groups) throws -> String? {
        let ratings = try store.peerRatings(workshopID: workshop.id)
        guard !ratings.isEmpty else { return nil }
        let names = Self.names(groups)
        return ratings.reduce(CSVWriter.line(["group", "giver", "receiver", "mark"])) { text, rating in
            text + CSVWriter.line([names[rating.groupID] ?? "", rating.giver, rating.receiver, JSONValue.format(rating.mark)])
        }
    }

    /// The marks, agreement, severity and peer marks, as `atelier grade` computes them.
    func documents(_ groups: Groups) throws -> GradeDocuments {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scores = folder.appendingPathComponent("notes.csv")
        try Data(try scoresCSV(groups).utf8).write(to: scores)
        var peerFile: String?
        if let peers = try peersCSV(groups) {
            let url = folder.appendingPathComponent("pairs.csv")
            try Data(peers.utf8).write(to: url)
            peerFile = url.path
        }
        let outcome = try GradeUseCase.run(GradeRequest(rubric: rubric, scoreFiles: [scores.path], groups: groups.map(\.graded), peerFile: peerFile))
        return GradeDocuments(outcome, rubric: rubric, disagreementShare: 0.15, language: workshop.language)
    }

    /// The name grading gives each group, by the group's id.
    private static func names(_ groups: Groups) -> [Int64: String] {
        Dictionary(groups.map { ($0.group.id, $0.graded.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the trainer's pages show of each group, with who has sent their peer ratings.
    func views(_ groups: Groups) throws -> [GradingGroupView] {
        let ratings = try store.peerRatings(workshopID: workshop.id)
        return try groups.map { group, graded in
            GradingGroupView(id: group.id, name: group.name, title: graded.name, published: try store.isPublished(groupID: group.id),
                             readiness: graded.check?.readiness.score, members: try store.members(groupID: group.id),
                             rated: Array(Set(ratings.filter { $0.groupID == group.id }.map(\.giver))).sorted())
        }
    }
}

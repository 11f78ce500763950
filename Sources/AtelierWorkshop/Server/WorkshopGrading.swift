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
    let toolkit: Toolkit
    let workshop: Workshop
    let checker: Checker

    var rubric: Rubric {
        get throws { try toolkit.rubric(try store.rubric(of: workshop.id) ?? "presentation-atelier") }
    }

    /// Each workshop group with the name grading gives it (its mockup's title, or its own name
    /// before it wrote one) and what grading knows of it (the check, the members who joined).
    func groups() throws -> [(group: WorkshopGroup, graded: GradedGroup)] {
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
    func scoresCSV() throws -> String {
        let rubric = try rubric
        let names = Dictionary(try groups().map { ($0.group.id, $0.graded.name) }, uniquingKeysWith: { first, _ in first })
        var text = CSVWriter.line(["group", "grader", "criterion", "level", "comment"])
        for score in try store.scores(workshopID: workshop.id) {
            guard let level = score.level, let criterion = rubric.criteria.first(where: { $0.id == score.criterion }),
                  criterion.levels.indices.contains(level), let group = names[score.groupID] else { continue }
            text += CSVWriter.line([group, score.grader, score.criterion, criterion.levels[level].label.fr, score.comment ?? ""])
        }
        return text
    }

    /// The members' ratings in the long format `atelier grade --peer` reads; nil when nobody rated.
    func peersCSV() throws -> String? {
        let ratings = try store.peerRatings(workshopID: workshop.id)
        guard !ratings.isEmpty else { return nil }
        let names = Dictionary(try groups().map { ($0.group.id, $0.graded.name) }, uniquingKeysWith: { first, _ in first })
        return ratings.reduce(CSVWriter.line(["group", "giver", "receiver", "mark"])) { text, rating in
            text + CSVWriter.line([names[rating.groupID] ?? "", rating.giver, rating.receiver, JSONValue.format(rating.mark)])
        }
    }

    /// The marks, agreement, severity and peer marks, as `atelier grade` computes them.
    func documents() throws -> GradeDocuments {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-grading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scores = folder.appendingPathComponent("notes.csv")
        try Data(try scoresCSV().utf8).write(to: scores)
        var peerFile: String?
        if let peers = try peersCSV() {
            let url = folder.appendingPathComponent("pairs.csv")
            try Data(peers.utf8).write(to: url)
            peerFile = url.path
        }
        let rubric = try rubric
        let outcome = try GradeUseCase.run(GradeRequest(rubric: rubric, scoreFiles: [scores.path], groups: try groups().map(\.graded), peerFile: peerFile))
        return GradeDocuments(outcome, rubric: rubric, disagreementShare: 0.15, language: workshop.language)
    }
}

import AtelierCore
import AtelierGrading
import AtelierReport
import AtelierUseCases
import Foundation
import HTTPTypes
import Hummingbird

/// Day 2's routes: trainers grade the presentations and publish, members rate each other once,
/// each member reads their group's mark and feedback and their own individual mark only.
extension WorkshopServer {
    func registerGrading(on router: Router<WorkshopContext>) {
        router.get("api/grading") { request, _ in
            let (session, workshop) = try resolve(request, role: .trainer)
            let grading = try await grading(workshop)
            let groups = try grading.groups()
            let scores = try store.scores(workshopID: workshop.id)
            let counted = grading.rubric.criteria.filter { $0.source == .graders }.count
            let graders = Set(scores.map(\.grader)).union([session.name]).sorted()
            return Reply.json(GradingView(
                rubric: RubricView(grading.rubric, language: workshop.language),
                groups: try grading.views(groups),
                mine: scores.filter { $0.grader == session.name },
                progress: groups.flatMap { group, _ in
                    graders.map { grader in
                        ProgressView(group: group.id, grader: grader,
                                     done: scores.filter { $0.groupID == group.id && $0.grader == grader && $0.level != nil }.count, total: counted)
                    }
                }))
        }
        router.put("api/grading/scores") { request, _ in
            let (session, workshop) = try resolve(request, role: .trainer)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(ScoreBody.self, from: request, language: workshop.language)
            let rubric = try await grading(workshop).rubric
            guard try store.groups(of: workshop.id).contains(where: { $0.id == body.group }) else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
            guard let criterion = rubric.criteria.first(where: { $0.id == body.criterion && $0.source == .graders }) else {
                throw Refusal(.badRequest, .notACriterion, ["criterion": body.criterion], language: workshop.language)
            }
            if let level = body.level, !criterion.levels.indices.contains(level) {
                throw Refusal(.badRequest, .notALevel, ["level": "\(level)", "criterion": criterion.id], language: workshop.language)
            }
            let comment = body.comment.map { String($0.prefix(4000)) }
            try store.saveScore(StoredScore(groupID: body.group, grader: session.name, criterion: criterion.id, level: body.level, comment: comment))
            return Reply.json(["saved": true])
        }
        router.get("api/grading/results") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let grading = try await grading(workshop)
            let groups = try grading.groups()
            let documents = try grading.documents(groups)
            return Reply.json(ResultsView(
                grading: documents.json, summary: documents.summary, groups: try grading.views(groups),
                problems: documents.outcome.problems.map { "\($0.place[workshop.language])\(workshop.language.colon)\($0.message[workshop.language])" }))
        }
        router.post("api/grading/publish") { request, _ in
            let (session, workshop) = try resolve(request, role: .trainer)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(PublishBody.self, from: request, language: workshop.language)
            guard try store.groups(of: workshop.id).contains(where: { $0.id == body.group }) else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
            try store.setPublished(groupID: body.group, body.published)
            return Reply.json(["published": body.published])
        }
        router.get("api/grading/scores.csv") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let grading = try await grading(workshop)
            return Reply.bytes(Data(try grading.scoresCSV(try grading.groups()).utf8), type: "text/csv; charset=utf-8", download: "notes-\(workshop.code).csv")
        }
        router.get("api/grading/gradebook.xlsx") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let grading = try await grading(workshop)
            return try Reply.workbook(try grading.documents(try grading.groups()).workbook, download: "notes-\(workshop.code).xlsx")
        }
        router.get("api/grading/feedback.zip") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let grading = try await grading(workshop)
            return Reply.bytes(try grading.documents(try grading.groups()).feedbackArchive(sharePeerScores: false), type: "application/zip",
                               download: "retours-\(workshop.code).zip")
        }
        router.get("api/peer") { request, _ in
            let (group, session, workshop) = try trainee(request)
            let given = try store.peerRatings(workshopID: workshop.id).contains { $0.groupID == group && $0.giver == session.name }
            return Reply.json(PeerView(members: try store.members(groupID: group), submitted: given))
        }
        router.post("api/peer") { request, _ in
            let (group, session, workshop) = try trainee(request)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(PeerBody.self, from: request, language: workshop.language)
            let members = try store.members(groupID: group)
            for rating in body.marks {
                guard members.contains(rating.receiver) else {
                    throw Refusal(.badRequest, .unknownMember, ["name": rating.receiver, "members": members.joined(separator: ", ")], language: workshop.language)
                }
                guard rating.mark.isFinite, (0...5).contains(rating.mark) else {
                    throw Refusal(.badRequest, .badMark, ["value": JSONValue.format(rating.mark)], language: workshop.language)
                }
            }
            guard Set(body.marks.map(\.receiver)) == Set(members) else { throw Refusal(.badRequest, .rateEveryone, language: workshop.language) }
            guard try store.submitPeerRatings(groupID: group, giver: session.name, marks: body.marks.map { ($0.receiver, $0.mark) }) else {
                throw Refusal(.conflict, .alreadyRated, language: workshop.language)
            }
            return Reply.json(["submitted": true], status: .created)
        }
        router.get("api/results") { request, _ in
            let (group, session, workshop) = try trainee(request)
            guard try store.isPublished(groupID: group) else { return Reply.json(MemberResult(published: false)) }
            let grading = try await grading(workshop)
            let groups = try grading.groups()
            let documents = try grading.documents(groups)
            guard let name = groups.first(where: { $0.group.id == group })?.graded.name,
                  let grade = documents.outcome.grades.first(where: { $0.group == name }) else { return Reply.json(MemberResult(published: false)) }
            let findings = documents.outcome.groups.first { $0.name == name }?.check?.findings ?? []
            let feedback = Feedback(rubric: grading.rubric, language: workshop.language)
            let peer = documents.outcome.peers.first { $0.group == name }
            let own = peer?.members.first { $0.name == session.name }
            let language = workshop.language
            return Reply.json(MemberResult(published: true, mark: grade.mark, outOf: grading.rubric.outOf,
                                           markText: grade.mark.map { language.number($0) }, outOfText: language.number(grading.rubric.outOf),
                                           individualMarkText: own?.mark.map { language.number($0) },
                                           feedback: feedback.markdown(grade, findings: findings, peer: peer, sharePeerScores: false),
                                           individualMark: own?.mark,
                                           individual: own.flatMap { member in peer.map { feedback.memberMarkdown(grade, member: member, peer: $0, findings: findings) } }))
        }
    }

    func grading(_ workshop: Workshop) async throws -> WorkshopGrading {
        try WorkshopGrading(store: store, toolkit: toolkit, workshop: workshop, checker: try await checkers.checker(for: workshop))
    }
}

struct ScoreBody: Decodable {
    let group: Int64
    let criterion: String
    /// The level's position (0 = lowest); null clears it.
    let level: Int?
    let comment: String?
}

struct PublishBody: Decodable {
    let group: Int64
    let published: Bool
}

struct PeerBody: Decodable {
    struct Rating: Decodable {
        let receiver: String
        let mark: Double
    }

    let marks: [Rating]
}

struct PeerView: Encodable {
    let members: [String]
    let submitted: Bool
}

struct RubricView: Encodable {
    struct Level: Encodable {
        let label: String
        let points: Double
        let descriptor: String?
    }

    struct Criterion: Encodable {
        let id: String
        let label: String
        let weight: Double
        let automatic: Bool
        let feedbackOnly: Bool
        let levels: [Level]
    }

    let id: String
    let title: String
    let outOf: Double
    let criteria: [Criterion]

    init(_ rubric: Rubric, language: Language) {
        id = rubric.id
        title = rubric.title[language]
        outOf = rubric.outOf
        criteria = rubric.criteria.map { criterion in
            Criterion(id: criterion.id, label: criterion.label[language], weight: criterion.weight, automatic: criterion.source != .graders,
                      feedbackOnly: criterion.feedbackOnly,
                      levels: criterion.levels.map { Level(label: $0.label[language], points: $0.points, descriptor: $0.descriptor?[language]) })
        }
    }
}

struct GradingGroupView: Encodable {
    let id: Int64
    let name: String
    /// The name grading gives the group: its mockup's title.
    let title: String
    let published: Bool
    let readiness: Double?
    /// The members who joined, and those who have sent their peer ratings.
    let members: [String]
    let rated: [String]
}

struct ProgressView: Encodable {
    let group: Int64
    let grader: String
    let done: Int
    let total: Int
}

struct GradingView: Encodable {
    let rubric: RubricView
    let groups: [GradingGroupView]
    /// This trainer's own levels only: the others' stay theirs until the results.
    let mine: [StoredScore]
    let progress: [ProgressView]
}

struct ResultsView: Encodable {
    /// The grading as `atelier grade --json` writes it.
    let grading: String
    /// The grading as `atelier grade` prints it: marks, disagreements, agreement and its reading, severity.
    let summary: String
    let groups: [GradingGroupView]
    let problems: [String]
}

struct MemberResult: Encodable {
    var published: Bool
    var mark: Double?
    var outOf: Double?
    /// The marks as the workshop's language writes them (« 8,36 »).
    var markText: String?
    var outOfText: String?
    var individualMarkText: String?
    var feedback: String?
    /// This member's own WebPA mark, never a teammate's.
    var individualMark: Double?
    var individual: String?
}

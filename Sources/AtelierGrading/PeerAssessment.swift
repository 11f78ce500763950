import AtelierCore
import AtelierMockup
import AtelierStatistics
import AtelierTabular
import Foundation

/// One mark a group member gave another (or themself) for their contribution.
public struct PeerRating: Sendable {
    public let group: String
    public let giver: String
    public let receiver: String
    public let mark: Double
    public let place: Localized
}

/// The WebPA result of one group: each member's score and individual mark.
public struct PeerAssessment: Sendable {
    public struct Member: Sendable {
        public let name: String
        /// Averages 1 over the group; nil when nobody in the group submitted.
        public let score: Double?
        public let mark: Double?
    }

    public let group: String
    public let members: [Member]
    /// How many members submitted marks.
    public let submitted: Int
}

/// Reads peer ratings in long format: one row per mark, columns group, giver, receiver, mark
/// (French headers accepted), from CSV, .xlsx or .ods.
public enum PeerReader {
    static let columns = [("group", ["group", "groupe", "equipe", "team"]),
                          ("giver", ["giver", "rater", "from", "evaluateur", "evaluatrice", "donneur", "de"]),
                          ("receiver", ["receiver", "ratee", "to", "member", "evalue", "evaluee", "membre", "pour"]),
                          ("mark", ["mark", "rating", "points", "note"])]

    public static func read(_ path: String) throws -> (ratings: [PeerRating], problems: [ScoreProblem]) {
        let file = URL(fileURLWithPath: path).lastPathComponent
        var reader = try LongFormat.open(path)
        let found = LongFormat.columns(reader.header, PeerReader.columns)
        guard let group = found["group"], let giver = found["giver"], let receiver = found["receiver"], let mark = found["mark"] else {
            throw UserError(GradingMessage.peerHeader, ["file": file])
        }
        var ratings: [PeerRating] = [], problems: [ScoreProblem] = []
        while let row = try LongFormat.nextRow(&reader) {
            let cell = LongFormat.cells(row)
            let place = GradingMessage.text(.gradeRowPlace, ["file": file, "row": "\(row.number)"])
            guard let value = ScalarParser.number(cell(mark)), value >= 0 else {
                problems.append(ScoreProblem(severity: .error, place: place, message: GradingMessage.text(.peerBadMark, ["value": cell(mark)])))
                continue
            }
            ratings.append(PeerRating(group: cell(group), giver: cell(giver), receiver: cell(receiver), mark: value, place: place))
        }
        return (ratings, problems)
    }
}

/// Peer ratings checked before WebPA: each rating's group and names matched to the groups and
/// their members as users mean them (case, accents, apostrophes), unknown names refused with the
/// closest one, a submission sent twice counted once when identical and refused when not.
public enum PeerValidation {
    public struct Result: Sendable {
        /// The ratings kept, with the groups' and members' names as the roster spells them.
        public let ratings: [PeerRating]
        /// Each group's members, in order.
        public let members: [String: [String]]
        public let problems: [ScoreProblem]
    }

    /// `teams` are the members the groups' mockups list: a group's roster when they include
    /// everyone rated; otherwise the roster is the people rated, in order of appearance.
    public static func validate(_ ratings: [PeerRating], groups: [String], teams: [String: [String]] = [:]) -> Result {
        var problems: [ScoreProblem] = []
        var byGroup: [String: [PeerRating]] = [:]
        for rating in ratings {
            guard let group = groups.first(where: { TextMatching.normalized($0) == TextMatching.normalized(rating.group) }) else {
                problems.append(ScoreProblem(severity: .error, place: rating.place, message: GradingMessage.text(.peerUnknownGroup, localized: [
                    "value": Localized(verbatim: rating.group), "groups": Localized(verbatim: groups.joined(separator: ", ")),
                    "suggestion": suggestion(rating.group, among: groups),
                ])))
                continue
            }
            byGroup[group, default: []].append(rating)
        }
        var kept: [PeerRating] = [], members: [String: [String]] = [:]
        for group in groups {
            guard let mine = byGroup[group] else { continue }
            let roster = roster(of: mine, team: teams[group] ?? [])
            members[group] = roster
            func member(_ name: String) -> String? { roster.first { TextMatching.normalized($0) == TextMatching.normalized(name) } }
            var seen: [[String]: PeerRating] = [:]
            var reportedTwice = Set<String>()
            for rating in mine {
                guard let giver = member(rating.giver), let receiver = member(rating.receiver) else {
                    let unknown = member(rating.giver) == nil ? rating.giver : rating.receiver
                    problems.append(ScoreProblem(severity: .error, place: rating.place, message: GradingMessage.text(.peerUnknownMember, localized: [
                        "value": Localized(verbatim: unknown), "group": Localized(verbatim: group),
                        "members": Localized(verbatim: roster.joined(separator: ", ")), "suggestion": suggestion(unknown, among: roster),
                    ])))
                    continue
                }
                let clean = PeerRating(group: group, giver: giver, receiver: receiver, mark: rating.mark, place: rating.place)
                guard let earlier = seen[[giver, receiver]] else {
                    seen[[giver, receiver]] = clean
                    kept.append(clean)
                    continue
                }
                if earlier.mark != rating.mark {
                    problems.append(ScoreProblem(severity: .error, place: rating.place, message: GradingMessage.text(.peerConflict, localized: [
                        "giver": Localized(verbatim: giver), "receiver": Localized(verbatim: receiver), "first": Localized(verbatim: JSONValue.format(earlier.mark)),
                        "firstPlace": earlier.place, "second": Localized(verbatim: JSONValue.format(rating.mark)),
                    ])))
                } else if reportedTwice.insert(giver).inserted {
                    problems.append(ScoreProblem(severity: .warning, place: rating.place, message: GradingMessage.text(.peerSentTwice, ["giver": giver])))
                }
            }
        }
        return Result(ratings: kept, members: members, problems: problems)
    }

    private static func roster(of ratings: [PeerRating], team: [String]) -> [String] {
        let team = team.filter { !$0.isEmpty }
        let known = Set(team.map(TextMatching.normalized))
        if !team.isEmpty, ratings.allSatisfy({ known.contains(TextMatching.normalized($0.receiver)) }) { return team }
        var roster: [String] = [], seen = Set<String>()
        for rating in ratings where seen.insert(TextMatching.normalized(rating.receiver)).inserted {
            roster.append(rating.receiver)
        }
        return roster
    }

    private static func suggestion(_ word: String, among candidates: [String]) -> Localized {
        guard let closest = TextMatching.closest(to: word, among: candidates).first else { return Localized(verbatim: "") }
        return GradingMessage.text(.peerDidYouMean, ["name": closest])
    }
}

extension Grading {
    /// WebPA for each group with ratings (validated by `PeerValidation`): members as given; a
    /// giver who rated only some members counts as having given 0 to the others; a giver whose
    /// marks add up to 0 has not submitted. Groups without a mark get scores but no marks.
    public func peerAssessment(_ ratings: [PeerRating], members rosters: [String: [String]], marks: [String: Double], weighting: Double) -> [PeerAssessment] {
        var groups: [String] = []
        for rating in ratings where !groups.contains(rating.group) { groups.append(rating.group) }
        return groups.map { group in
            let mine = ratings.filter { $0.group == group }
            var members = rosters[group] ?? []
            for name in mine.flatMap({ [$0.giver, $0.receiver] }) where !members.contains(name) { members.append(name) }
            let given = members.map { giver -> [Double]? in
                let theirs = mine.filter { $0.giver == giver }
                guard theirs.map(\.mark).reduce(0, +) > 0 else { return nil }
                return members.map { receiver in theirs.filter { $0.receiver == receiver }.map(\.mark).reduce(0, +) }
            }
            let scores = WebPA.scores(marks: given)
            let individual = marks[group].map { WebPA.individualMarks(groupMark: $0, weighting: weighting, scores: scores, members: members.count, maximum: rubric.outOf) }
            return PeerAssessment(group: group, members: members.indices.map { index in
                PeerAssessment.Member(name: members[index], score: scores?[index], mark: individual?[index])
            }, submitted: given.compactMap { $0 }.count)
        }
    }
}

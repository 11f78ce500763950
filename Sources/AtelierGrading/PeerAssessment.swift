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
    public let place: String
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
            throw UserError(.peerHeader, ["file": file])
        }
        var ratings: [PeerRating] = [], problems: [ScoreProblem] = []
        while let row = try LongFormat.nextRow(&reader) {
            let cell = LongFormat.cells(row)
            let place = Catalogue.text(.gradeRowPlace, ["file": file, "row": "\(row.number)"]).fr
            guard let value = ScalarParser.number(cell(mark)), value >= 0 else {
                problems.append(ScoreProblem(severity: .error, place: place, message: Catalogue.text(.peerBadMark, ["value": cell(mark)])))
                continue
            }
            ratings.append(PeerRating(group: cell(group), giver: cell(giver), receiver: cell(receiver), mark: value, place: place))
        }
        return (ratings, problems)
    }
}

extension Grading {
    /// WebPA for each group with ratings: members in order of first appearance; a giver who
    /// rated only some members counts as having given 0 to the others.
    public func peerAssessment(_ ratings: [PeerRating], marks: [String: Double], weighting: Double) -> [PeerAssessment] {
        var groups: [String] = []
        for rating in ratings where !groups.contains(rating.group) { groups.append(rating.group) }
        return groups.map { group in
            let mine = ratings.filter { $0.group == group }
            var members: [String] = []
            for name in mine.flatMap({ [$0.giver, $0.receiver] }) where !members.contains(name) { members.append(name) }
            let given = members.map { giver -> [Double]? in
                let theirs = mine.filter { $0.giver == giver }
                guard !theirs.isEmpty else { return nil }
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

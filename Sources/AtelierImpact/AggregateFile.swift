import AtelierCore
import AtelierStatistics
import Foundation

/// The versioned file `impact --aggregate` writes and `merge` reads: the plan (the mockup's
/// text) and the aggregate, with no raw answer (refused values are left out).
public struct AggregateFile: Codable, Sendable {
    public static let format = "atelier-aggregate"

    public var format = AggregateFile.format
    /// Tells one written aggregate from any other, so that the same file given twice to
    /// `merge` is recognised (files written before it existed have none).
    public var id: String?
    /// The site's name, shown beside the network's figures (`impact --site`).
    public var site: String?
    public var mockup: String
    public var aggregate: SurveyAggregate

    /// `sharesVerbatims` keeps the open answers in the file, for a network whose report lists them
    /// (`impact --share-verbatims`); by default the file holds none.
    public init(mockup: String, aggregate: SurveyAggregate, site: String? = nil, sharesVerbatims: Bool = false, id: String = UUID().uuidString) {
        self.id = id
        self.site = site
        self.mockup = mockup
        var redacted = aggregate
        if !sharesVerbatims { redacted.verbatims = [:] }
        redacted.problems = aggregate.problems.mapExamples {
            RowProblem(kind: $0.kind, file: $0.file, row: $0.row, column: $0.column, value: nil, reason: $0.reason, question: $0.question)
        }
        self.aggregate = redacted
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads an aggregate file, or says why it is not one.
    public static func decode(_ data: Data, file: String) throws -> AggregateFile {
        guard let value = try? JSONDecoder().decode(AggregateFile.self, from: data), value.format == format else {
            throw UserError(ImpactMessage.mergeNotAnAggregate, ["file": file])
        }
        guard value.aggregate.version == SurveyAggregate.version else {
            throw UserError(ImpactMessage.mergeVersion, ["file": file, "version": "\(value.aggregate.version)", "expected": "\(SurveyAggregate.version)"])
        }
        if let (field, number) = value.aggregate.implausibleNumber() {
            throw UserError(ImpactMessage.mergeImplausibleNumber, ["file": file, "field": field, "value": number])
        }
        return value
    }

    /// Whether `other` is this very aggregate again (the same file given twice, or a copy).
    public func isSame(as other: AggregateFile) -> Bool {
        if let id, let otherID = other.id { return id == otherID }
        return aggregate == other.aggregate
    }

    /// What differs between the plans of two aggregates, in words; nil when they are the same.
    public static func difference(_ first: SurveyPlan, _ second: SurveyPlan) -> String? {
        guard first.fingerprint != second.fingerprint else { return nil }
        let questions = (Set(first.questions.map(\.id)), Set(second.questions.map(\.id)))
        let indicators = (Set(first.indicators.map(\.id)), Set(second.indicators.map(\.id)))
        var parts: [String] = []
        if questions.0 != questions.1 {
            parts.append("questions \(questions.0.symmetricDifference(questions.1).sorted().joined(separator: ", "))")
        }
        if indicators.0 != indicators.1 {
            parts.append("indicators \(indicators.0.symmetricDifference(indicators.1).sorted().joined(separator: ", "))")
        }
        if parts.isEmpty {
            let changed = first.questions.filter { question in
                second.question(question.id).map { "\($0.kind)" != "\(question.kind)" || $0.scaleName != question.scaleName } ?? false
            }.map(\.id) + first.indicators.filter { indicator in
                second.indicators.first { $0.id == indicator.id }.map { $0.measure != indicator.measure || $0.questions != indicator.questions || $0.by != indicator.by } ?? false
            }.map(\.id)
            parts.append(changed.isEmpty ? "definitions" : changed.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}

/// The numbers of an aggregate read from a file are checked before anything is computed from
/// them: a count is a whole number from 0 to a thousand billion, every other number is finite.
/// A file edited by hand, or damaged, is refused with the field at fault rather than giving a
/// share of −467 % or an « atteint » on 4.9e16 answers.
extension SurveyAggregate {
    static let maximumCount = 1e12

    /// The first number out of its range, with where it is; nil when all are plausible.
    public func implausibleNumber() -> (field: String, value: String)? {
        var found: (String, String)?
        func count(_ value: Double, _ field: @autoclosure () -> String) {
            guard found == nil, !(value >= 0 && value <= Self.maximumCount && value == value.rounded()) else { return }
            found = (field(), JSONValue.format(value))
        }
        func finite(_ value: Double, _ field: @autoclosure () -> String) {
            guard found == nil, !value.isFinite else { return }
            found = (field(), "\(value)")
        }
        func moments(_ moments: Moments, _ field: String) {
            count(moments.n, field + ".n")
            finite(moments.sum, field + ".sum")
            finite(moments.sumOfSquares, field + ".sumOfSquares")
        }
        func tally(_ tally: QuestionTally, _ field: String) {
            for (value, number) in tally.values {
                finite(value, "\(field).values")
                count(number, "\(field).values[\(JSONValue.format(value))]")
            }
            for (index, number) in tally.choices.enumerated() { count(number, "\(field).choices[\(index)]") }
            count(tally.answered, field + ".answered")
            count(tally.missing, field + ".missing")
            count(tally.invalid, field + ".invalid")
        }
        count(Double(rows), "rows")
        count(Double(used), "used")
        if found == nil, used > rows { found = ("used", "\(used) > rows \(rows)") }
        for (id, question) in questions { tally(question, "questions.\(id)") }
        for (segment, groups) in segments {
            for (group, tallies) in groups {
                for (id, question) in tallies { tally(question, "segments.\(segment).\(group).\(id)") }
            }
        }
        for (id, pair) in pairs {
            for (difference, number) in pair.differences {
                finite(difference, "pairs.\(id).differences")
                count(number, "pairs.\(id).differences[\(JSONValue.format(difference))]")
            }
            for (name, value) in [("pre", pair.pre), ("post", pair.post), ("difference", pair.difference), ("gains", pair.gains)] {
                moments(value, "pairs.\(id).\(name)")
            }
        }
        for (id, alpha) in alphas {
            count(alpha.respondents, "alphas.\(id).respondents")
            for row in alpha.pairs {
                for pair in row {
                    count(pair.n, "alphas.\(id).pairs.n")
                    for value in [pair.sumX, pair.sumY, pair.sumXX, pair.sumYY, pair.sumXY] { finite(value, "alphas.\(id).pairs") }
                }
            }
        }
        for (id, outcome) in outcomes {
            count(outcome.respondents, "outcomes.\(id).respondents")
            count(outcome.anyCategory, "outcomes.\(id).anyCategory")
            for (index, number) in outcome.categories.enumerated() { count(number, "outcomes.\(id).categories[\(index)]") }
        }
        return found
    }
}

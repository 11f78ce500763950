import AtelierCore
import AtelierStatistics

/// What one question's answers add up to: a histogram of values (scale, number, yes/no),
/// the count of each choice, and how many answered, skipped or answered something invalid.
public struct QuestionTally: Sendable, Equatable, Codable {
    /// Value → number of respondents (written in files with the value as JSON writes it).
    public var values: [Double: Double] = [:]
    public var choices: [Double] = []
    public var answered: Double = 0
    public var missing: Double = 0
    public var invalid: Double = 0

    public init() {}

    static func + (lhs: QuestionTally, rhs: QuestionTally) -> QuestionTally {
        var result = lhs
        result.values.merge(rhs.values, uniquingKeysWith: +)
        let count = max(lhs.choices.count, rhs.choices.count)
        result.choices = (0..<count).map { (lhs.choices.indices.contains($0) ? lhs.choices[$0] : 0) + (rhs.choices.indices.contains($0) ? rhs.choices[$0] : 0) }
        result.answered += rhs.answered
        result.missing += rhs.missing
        result.invalid += rhs.invalid
        return result
    }

    /// The histogram, sorted by value.
    public var histogram: [(value: Double, count: Double)] {
        values.map { ($0.key, $0.value) }.sorted { $0.value < $1.value }
    }

    private enum CodingKeys: String, CodingKey { case values, choices, answered, missing, invalid }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let written = try container.decode([String: Double].self, forKey: .values)
        values = Dictionary(written.compactMap { key, count in Double(key).map { ($0, count) } }, uniquingKeysWith: +)
        choices = try container.decode([Double].self, forKey: .choices)
        answered = try container.decode(Double.self, forKey: .answered)
        missing = try container.decode(Double.self, forKey: .missing)
        invalid = try container.decode(Double.self, forKey: .invalid)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Dictionary(uniqueKeysWithValues: values.map { (JSONValue.format($0.key), $0.value) }), forKey: .values)
        try container.encode(choices, forKey: .choices)
        try container.encode(answered, forKey: .answered)
        try container.encode(missing, forKey: .missing)
        try container.encode(invalid, forKey: .invalid)
    }

    public var moments: Moments {
        var moments = Moments()
        for (value, count) in histogram { moments.add(value, count: count) }
        return moments
    }
}

/// Matched pre/post answers of a gain or change indicator.
public struct PairTally: Sendable, Equatable, Codable {
    /// Difference → number of respondents.
    public var differences: [Double: Double] = [:]
    public var pre = Moments()
    public var post = Moments()
    public var difference = Moments()
    /// Individual normalised gains (post − pre)/(max − pre), respondents with pre = max excluded.
    public var gains = Moments()

    public init() {}

    /// Adds one respondent's moments; its difference is counted by the caller (`RunningPair`).
    mutating func addMoments(pre: Double, post: Double, maximum: Double?) {
        self.pre.add(pre)
        self.post.add(post)
        difference.add(post - pre)
        if let maximum, pre < maximum { gains.add((post - pre) / (maximum - pre)) }
    }

    static func + (lhs: PairTally, rhs: PairTally) -> PairTally {
        var result = lhs
        result.differences.merge(rhs.differences, uniquingKeysWith: +)
        result.pre = lhs.pre + rhs.pre
        result.post = lhs.post + rhs.post
        result.difference = lhs.difference + rhs.difference
        result.gains = lhs.gains + rhs.gains
        return result
    }
}

/// The pairwise moments of an alpha indicator's items.
public struct AlphaTally: Sendable, Equatable, Codable {
    public var pairs: [[PairMoments]]
    public var respondents: Double = 0

    public init(items: Int) {
        pairs = Array(repeating: Array(repeating: PairMoments(), count: items), count: items)
    }

    static func + (lhs: AlphaTally, rhs: AlphaTally) -> AlphaTally {
        var result = lhs
        for i in lhs.pairs.indices {
            for j in lhs.pairs[i].indices { result.pairs[i][j] = lhs.pairs[i][j] + rhs.pairs[i][j] }
        }
        result.respondents += rhs.respondents
        return result
    }
}

/// An outcomes indicator's counts: respondents who answered, those who ticked a choice of
/// any category, and for each category those who ticked at least one of its choices.
public struct OutcomeTally: Sendable, Equatable, Codable {
    public var respondents: Double = 0
    public var anyCategory: Double = 0
    public var categories: [Double]

    public init(categories: Int) {
        self.categories = Array(repeating: 0, count: categories)
    }

    /// Counts a respondent who ticked the choices of `mask`, given each category's choices as a mask.
    mutating func add(_ mask: UInt64, categories masks: ArraySlice<UInt64>) {
        respondents += 1
        var anyCategory = false
        for (category, categoryMask) in masks.enumerated() where mask & categoryMask != 0 {
            anyCategory = true
            categories[category] += 1
        }
        if anyCategory { self.anyCategory += 1 }
    }

    static func + (lhs: OutcomeTally, rhs: OutcomeTally) -> OutcomeTally {
        var result = lhs
        result.respondents += rhs.respondents
        result.anyCategory += rhs.anyCategory
        result.categories = zip(lhs.categories, rhs.categories).map(+)
        return result
    }
}

/// A row left out, or an answer refused, with why.
public struct RowProblem: Sendable, Equatable, Codable {
    /// What kind of problem: rows are counted by kind however many there are.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case incomplete, empty, duplicate, notApproved, refused
    }

    public let kind: Kind
    public let file: String
    public let row: Int
    public let column: String?
    public let value: String?
    public let reason: Localized
    /// The question of a refused answer.
    public let question: String?

    public init(kind: Kind, file: String, row: Int, column: String? = nil, value: String? = nil, reason: Localized, question: String? = nil) {
        self.kind = kind
        self.file = file
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
        self.question = question
    }
}

/// Rows left out, or answers refused: every one counted by kind, the first `kept` kept with
/// their file, row, column, value and reason. However many rows a file holds, what is kept
/// stays bounded, and every row is still accounted for by the counts.
public struct ProblemList: Sendable, Equatable, Codable {
    public static let kept = 1_000

    public private(set) var examples: [RowProblem] = []
    /// How many of each kind, examples included.
    public private(set) var counts: [String: Int] = [:]

    public init() {}

    /// All the problems, kept or not.
    public var count: Int { counts.values.reduce(0, +) }
    /// The problems counted but not kept as examples.
    public var omitted: Int { count - examples.count }
    public var isEmpty: Bool { counts.isEmpty }

    public func count(of kind: RowProblem.Kind) -> Int { counts[kind.rawValue] ?? 0 }

    public mutating func append(_ problem: RowProblem) {
        counts[problem.kind.rawValue, default: 0] += 1
        if examples.count < Self.kept { examples.append(problem) }
    }

    /// The same list with every example changed by `transform` (the counts stay).
    public func mapExamples(_ transform: (RowProblem) -> RowProblem) -> ProblemList {
        var result = self
        result.examples = examples.map(transform)
        return result
    }

    static func + (lhs: ProblemList, rhs: ProblemList) -> ProblemList {
        var result = lhs
        result.counts.merge(rhs.counts, uniquingKeysWith: +)
        result.examples += rhs.examples.prefix(max(0, kept - lhs.examples.count))
        return result
    }
}

extension Localized: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(fr: try container.decode(String.self, forKey: .fr), en: try container.decode(String.self, forKey: .en))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fr, forKey: .fr)
        try container.encode(en, forKey: .en)
    }

    private enum CodingKeys: String, CodingKey { case fr, en }
}

/// One open answer, with the group of the plan's first segment question it came from.
public struct Verbatim: Sendable, Equatable, Codable {
    public let text: String
    public let group: String?
}

/// Everything the indicators need from the answers, in sums that add up across files and
/// sites: `merge` of two aggregates gives what one pass over all their rows would have.
public struct SurveyAggregate: Sendable, Equatable, Codable {
    public static let version = 1

    public var version = SurveyAggregate.version
    public var plan: String
    public var files: [String] = []
    /// How each file was read: the tool recognised, and what its conventions left out.
    public var readings: [FileReading] = []
    public var rows = 0
    public var used = 0
    /// Rows left out (empty, duplicate, incomplete) and answers refused, each with its reason.
    public var excluded = ProblemList()
    public var problems = ProblemList()
    public var questions: [String: QuestionTally] = [:]
    /// Segment question → group → question → tally.
    public var segments: [String: [String: [String: QuestionTally]]] = [:]
    public var pairs: [String: PairTally] = [:]
    public var alphas: [String: AlphaTally] = [:]
    public var outcomes: [String: OutcomeTally] = [:]
    /// The open answers of each free-text question, the first `maxVerbatims` of each: raw
    /// answers, so never written into an aggregate file.
    public var verbatims: [String: [Verbatim]] = [:]
    public static let maxVerbatims = 1_000

    public init(plan: String) {
        self.plan = plan
    }

    /// The sum of two aggregates of the same plan.
    public static func + (lhs: SurveyAggregate, rhs: SurveyAggregate) -> SurveyAggregate {
        var result = lhs
        result.files += rhs.files
        result.readings += rhs.readings
        result.rows += rhs.rows
        result.used += rhs.used
        result.excluded = lhs.excluded + rhs.excluded
        result.problems = lhs.problems + rhs.problems
        result.questions.merge(rhs.questions, uniquingKeysWith: +)
        for (segment, groups) in rhs.segments {
            for (group, tallies) in groups {
                result.segments[segment, default: [:]][group, default: [:]].merge(tallies, uniquingKeysWith: +)
            }
        }
        result.pairs.merge(rhs.pairs, uniquingKeysWith: +)
        result.alphas.merge(rhs.alphas, uniquingKeysWith: +)
        result.outcomes.merge(rhs.outcomes, uniquingKeysWith: +)
        result.verbatims.merge(rhs.verbatims) { Array(($0 + $1).prefix(maxVerbatims)) }
        return result
    }
}

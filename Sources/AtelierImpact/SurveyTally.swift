import AtelierCore
import AtelierMockup
import AtelierTabular

/// One pass over an export's rows, filling an aggregate: each row is used, or excluded
/// with its number and reason (no answer to the plan; a duplicate, i.e. the very same cells
/// as an earlier row, timestamp or id included, in an export that has such a column; a
/// LimeSurvey row with an empty `submitdate`);
/// each refused answer is listed with its row, column and value, its row still used.
public struct SurveyTally {
    public let plan: SurveyPlan
    private let coders: [AnswerCoder]
    private let segmentQuestions: [Int]
    /// For each segment question, the questions whose indicators are broken down by it.
    private let segmentTargets: [String: [Int]]
    private let pairIndicators: [(id: String, pre: Int, post: Int, maximum: Double?)]
    private let alphaIndicators: [(id: String, items: [Int], reversed: [Bool], bounds: [(Double, Double)?])]

    public init(plan: SurveyPlan) {
        self.plan = plan
        coders = plan.questions.map(AnswerCoder.init)
        let index = Dictionary(plan.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        segmentQuestions = plan.questions.indices.filter { plan.questions[$0].isSegment }
        var targets: [String: [Int]] = [:]
        for indicator in plan.indicators {
            for segment in indicator.by {
                targets[segment, default: []] += indicator.questions.compactMap { index[$0] }.filter { !(targets[segment]?.contains($0) ?? false) }
            }
        }
        segmentTargets = targets
        pairIndicators = plan.indicators.filter { ["gain", "change"].contains($0.measure) }.compactMap { indicator in
            guard let (pre, post) = Self.prePost(indicator, plan: plan), let preIndex = index[pre], let postIndex = index[post] else { return nil }
            return (indicator.id, preIndex, postIndex, Self.bounds(plan.questions[postIndex].kind)?.1)
        }
        alphaIndicators = plan.indicators.filter { $0.measure == "alpha" }.map { indicator in
            let items = indicator.questions.compactMap { index[$0] }
            let reversed = items.map { indicator.record.texts("reverse").contains(plan.questions[$0].id) }
            return (indicator.id, items, reversed, items.map { Self.bounds(plan.questions[$0].kind) })
        }
    }

    /// The pre and post questions of a gain or change: its two questions, or one question and
    /// the one its `pre`/`post` names.
    static func prePost(_ indicator: Mockup.Indicator, plan: SurveyPlan) -> (String, String)? {
        if indicator.questions.count >= 2 { return (indicator.questions[0], indicator.questions[1]) }
        guard let id = indicator.questions.first, let question = plan.question(id) else { return nil }
        if let post = question.post { return (id, post) }
        if let pre = question.pre { return (pre, id) }
        return nil
    }

    static func bounds(_ kind: AnswerKind) -> (Double, Double)? {
        switch kind {
        case .scale(let scale): (scale.values.min() ?? 0, scale.values.max() ?? 0)
        case .yesNo: (0, 1)
        default: nil
        }
    }

    /// Reads every row of `reader` into `aggregate`; `duplicates` remembers the rows seen, so
    /// that the files of one run are checked against each other.
    public func read(_ reader: inout some TableReader, into aggregate: inout SurveyAggregate, duplicates: inout DuplicateFinder) throws {
        let columns = try ColumnMatcher.match(plan, header: reader.header, file: reader.file)
        let submitColumn = reader.header.firstIndex { ColumnMatcher.normalizedHeader($0) == "submitdate" }
        aggregate.files.append(reader.file)
        // Identical rows are duplicates only when the export has a column besides the plan's
        // (a timestamp, an id): without one, two people may simply have answered alike.
        let detectsDuplicates = Set(columns).count < reader.header.count
        var cache = AnswerCache(questions: coders.count)
        var running = RunningTally(questions: coders.count)
        defer { running.fold(into: &aggregate, plan: plan) }
        while let row = try Self.next(&reader) {
            aggregate.rows += 1
            let cells = columns.map { $0 < row.cells.count ? row.cells[$0] : "" }
            if let submitColumn, submitColumn < row.cells.count, row.cells[submitColumn].trimmingCharacters(in: .whitespaces).isEmpty {
                aggregate.excluded.append(RowProblem(file: reader.file, row: row.number, column: nil, value: nil, reason: Catalogue.text(.impactIncomplete)))
                continue
            }
            let answers = cells.indices.map { cache.code(cells[$0], with: coders[$0], question: $0) }
            if answers.allSatisfy({ $0 == .missing }) {
                aggregate.excluded.append(RowProblem(file: reader.file, row: row.number, column: nil, value: nil, reason: Catalogue.text(.impactEmptyRow)))
                continue
            }
            if detectsDuplicates, let first = duplicates.earlier(row, file: reader.file) {
                let key: MessageKey = first.file == reader.file ? .impactDuplicateRow : .impactDuplicateRowElsewhere
                aggregate.excluded.append(RowProblem(file: reader.file, row: row.number, column: nil, value: nil,
                                                     reason: Catalogue.text(key, ["row": "\(first.row)", "file": first.file])))
                continue
            }
            aggregate.used += 1
            tally(answers, cells: cells, row: row.number, header: reader.header, columns: columns, file: reader.file, into: &running, problems: &aggregate.problems)
        }
    }

    private static func next(_ reader: inout some TableReader) throws -> TableRow? {
        do {
            return try reader.nextRow()
        } catch {
            throw UserError(ImpactErrors.describe(error))
        }
    }

    private func tally(_ answers: [Answer], cells: [String], row: Int, header: [String], columns: [Int], file: String,
                       into running: inout RunningTally, problems: inout [RowProblem]) {
        for (index, answer) in answers.enumerated() {
            running.questions[index].add(answer)
            if case .invalid(let reason) = answer {
                problems.append(RowProblem(file: file, row: row, column: header[columns[index]], value: cells[index], reason: reason))
            }
        }
        for segment in segmentQuestions {
            guard let group = groupName(answers[segment], question: plan.questions[segment]) else { continue }
            for target in segmentTargets[plan.questions[segment].id] ?? [] {
                running.segments[segment, default: [:]][group, default: [:]][target, default: QuestionTally()].add(answers[target])
            }
        }
        for pair in pairIndicators {
            if case .value(let pre) = answers[pair.pre], case .value(let post) = answers[pair.post] {
                running.pairs[pair.id, default: PairTally()].add(pre: pre, post: post, maximum: pair.maximum)
            }
        }
        for alpha in alphaIndicators {
            let values: [Double?] = alpha.items.enumerated().map { position, item in
                guard case .value(let value) = answers[item] else { return nil }
                guard alpha.reversed[position], let (low, high) = alpha.bounds[position] else { return value }
                return low + high - value
            }
            running.alphas[alpha.id, default: AlphaTally(items: alpha.items.count)].add(values)
        }
    }

    /// The group a segment answer puts a respondent in: the choice's label, or the value.
    private func groupName(_ answer: Answer, question: SurveyPlan.Question) -> String? {
        switch (answer, question.kind) {
        case (.choices(let indices), .choice(let choices)), (.choices(let indices), .multiChoice(let choices, _)):
            return indices.first.map { choices[$0].fr }
        case (.value(let value), .scale(let scale)):
            return scale.values.firstIndex(of: value).map { scale.levels[$0].fr }
        case (.value(let value), _):
            return JSONValue.format(value)
        default:
            return nil
        }
    }
}

/// What one read adds up, indexed by question position (no string keys on the hot path),
/// folded into the aggregate at the end.
struct RunningTally {
    var questions: [QuestionTally]
    /// Segment question position → group → question position → tally.
    var segments: [Int: [String: [Int: QuestionTally]]] = [:]
    var pairs: [String: PairTally] = [:]
    var alphas: [String: AlphaTally] = [:]

    init(questions: Int) {
        self.questions = Array(repeating: QuestionTally(), count: questions)
    }

    func fold(into aggregate: inout SurveyAggregate, plan: SurveyPlan) {
        var read = SurveyAggregate(plan: aggregate.plan)
        for (index, tally) in questions.enumerated() { read.questions[plan.questions[index].id] = tally }
        for (segment, groups) in segments {
            for (group, tallies) in groups {
                for (index, tally) in tallies {
                    read.segments[plan.questions[segment].id, default: [:]][group, default: [:]][plan.questions[index].id] = tally
                }
            }
        }
        read.pairs = pairs
        read.alphas = alphas
        aggregate = aggregate + read
    }
}

/// The coded answer of each distinct cell text, per question: survey answers repeat a few
/// labels, so each is normalised and looked up once. Bounded, so free text cannot grow it.
struct AnswerCache {
    static let limit = 4096
    private var entries: [[String: Answer]]

    init(questions: Int) {
        entries = Array(repeating: [:], count: questions)
    }

    mutating func code(_ cell: String, with coder: AnswerCoder, question: Int) -> Answer {
        if let answer = entries[question][cell] { return answer }
        let answer = coder.code(cell)
        if entries[question].count < Self.limit { entries[question][cell] = answer }
        return answer
    }
}

/// The rows already read in a run, by a stable 64-bit hash of their cells (FNV-1a), to
/// recognise a submission exported or keyed twice. Memory: two integers per row, not its text.
/// Aggregates merged from separate runs cannot be checked this way: sums cannot give a row back.
public struct DuplicateFinder: Sendable {
    /// Hash → file index (high 24 bits) and row number (low 40 bits).
    private var seen: [UInt64: UInt64] = [:]
    private var files: [String] = []

    public init() {}

    /// Where the same row was read before, or nil (and the row is remembered).
    mutating func earlier(_ row: TableRow, file: String) -> (file: String, row: Int)? {
        var stable = StableHash()
        for cell in row.cells {
            stable.add(cell.utf8)
            stable.add(CollectionOfOne(0x1F))
        }
        let hash = stable.value
        if let packed = seen[hash] {
            return (files[Int(packed >> 40)], Int(packed & 0xFF_FFFF_FFFF))
        }
        if files.last != file { files.append(file) }
        seen[hash] = UInt64(files.count - 1) << 40 | UInt64(row.number)
        return nil
    }
}

/// Table errors in the user's words.
public enum ImpactErrors {
    public static func describe(_ error: TableError) -> Localized {
        let problem: Localized = switch error.kind {
        case .unreadable(let reason): Localized(verbatim: reason)
        case .empty: Catalogue.text(.impactEmptyFile)
        case .unclosedQuote(let line): Catalogue.text(.impactUnclosedQuote, ["line": "\(line)"])
        case .fieldTooLong(let limit): Catalogue.text(.impactFieldTooLong, ["limit": "\(limit)"])
        case .tooManyColumns(let limit): Catalogue.text(.impactTooManyColumns, ["limit": "\(limit)"])
        case .malformedArchive(let reason): Localized(verbatim: reason)
        case .noSuchSheet(let name, let available): Localized(verbatim: "\(name) (\(available.joined(separator: ", ")))")
        }
        let column = error.column.map { Catalogue.text(.impactTableColumn, ["column": "\($0)"]) } ?? Localized(verbatim: "")
        return Localized(
            fr: Catalogue.fill(Catalogue.template(.impactTable, in: .fr)!, ["file": error.file, "row": error.row.map(String.init) ?? "1", "column": column.fr, "problem": problem.fr]),
            en: Catalogue.fill(Catalogue.template(.impactTable, in: .en)!, ["file": error.file, "row": error.row.map(String.init) ?? "1", "column": column.en, "problem": problem.en]))
    }
}

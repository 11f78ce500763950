import AtelierCore
import Foundation
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
    let segmentQuestions: [Int]
    /// The free-text questions, whose answers are kept as verbatims.
    let textQuestions: [Int]
    /// Each question's scale values (empty without a scale), for counting by level.
    let levels: [[Double]]
    /// For each segment question (in `segmentQuestions` order), the positions of the questions
    /// broken down by it.
    let segmentTargetPositions: [[Int]]
    /// For each segment question, the questions whose indicators are broken down by it.
    private let segmentTargets: [String: [Int]]
    let pairIndicators: [(id: String, pre: Int, post: Int, maximum: Double?)]
    /// Outcomes indicators: the question's position and each category's choices as a mask.
    let outcomeIndicators: [(id: String, question: Int, masks: [UInt64])]
    let alphaIndicators: [(id: String, items: [Int], reversed: [Bool], bounds: [(Double, Double)?])]

    public init(plan: SurveyPlan) {
        self.plan = plan
        coders = plan.questions.map(AnswerCoder.init)
        levels = plan.questions.map { if case .scale(let scale) = $0.kind { scale.values } else { [] } }
        let index = Dictionary(plan.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        segmentQuestions = plan.questions.indices.filter { plan.questions[$0].isSegment }
        textQuestions = plan.questions.indices.filter { plan.questions[$0].kind == .text }
        var targets: [String: [Int]] = [:]
        for indicator in plan.indicators {
            for segment in indicator.by {
                targets[segment, default: []] += indicator.questions.compactMap { index[$0] }.filter { !(targets[segment]?.contains($0) ?? false) }
            }
        }
        segmentTargets = targets
        segmentTargetPositions = segmentQuestions.map { targets[plan.questions[$0].id] ?? [] }
        pairIndicators = plan.indicators.filter(\.measure.isBeforeAfter).compactMap { indicator in
            guard let (pre, post) = Self.prePost(indicator, plan: plan), let preIndex = index[pre], let postIndex = index[post] else { return nil }
            return (indicator.id, preIndex, postIndex, Self.bounds(plan.questions[postIndex].kind)?.1)
        }
        outcomeIndicators = plan.indicators.filter { $0.measure == .outcomes }.compactMap { indicator in
            guard let id = indicator.questions.first, let position = index[id] else { return nil }
            let choices: [Localized] = switch plan.questions[position].kind {
            case .choice(let choices), .multiChoice(let choices, _): choices
            default: []
            }
            let masks = indicator.categories.map { category in
                category.choices.reduce(UInt64(0)) { mask, name in
                    let wanted = TextMatching.normalized(name)
                    guard let found = choices.firstIndex(where: { TextMatching.normalized($0.fr) == wanted || TextMatching.normalized($0.en) == wanted }),
                          found < Coded.maxChoices else { return mask }
                    return mask | 1 << UInt64(found)
                }
            }
            return (indicator.id, position, masks)
        }
        alphaIndicators = plan.indicators.filter { $0.measure == .alpha }.map { indicator in
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
    /// that the files of one run are checked against each other. Rows are read as bytes: a
    /// String is made only for an answer not seen before in its column, or a refused one. The
    /// export's tool is recognised first (`ExportProfile`), and its conventions applied: a
    /// second header row, incomplete responses, resubmissions, submissions not approved.
    public func read(_ reader: inout some TableReader, into aggregate: inout SurveyAggregate, duplicates: inout DuplicateFinder) throws {
        var header = reader.header
        let profile = ExportProfile.recognise(header)
        var reading = FileReading(file: reader.file, profile: profile)
        var row = RawRow()
        var pending = false
        if profile.tool == .surveyMonkey, try Self.next(&reader, into: &row) {
            let cells = (0..<row.count).map(row.text)
            if ExportProfile.isSecondHeaderRow(cells, header: header) {
                header = ExportProfile.mergedHeader(header, cells)
                reading.secondHeaderRow = true
            } else {
                pending = true
            }
        }
        let columns = try ColumnMatcher.match(plan, header: header, file: reader.file)
        let columnNames = columns.enumerated().map { index, columns in
            if case .single(let column) = columns { header[column] } else { plan.questions[index].text }
        }
        aggregate.files.append(reader.file)
        // Identical rows are duplicates only when the export has a column besides the plan's
        // (a timestamp, an id): without one, two people may simply have answered alike.
        let detectsDuplicates = Set(columns.flatMap(\.all)).count < header.count
        var cache = AnswerCache(coders: coders, profile: profile)
        var running = RunningTally(levels: levels, segments: segmentQuestions.count, pairs: pairIndicators.count,
                                   alphas: alphaIndicators.map(\.items.count), outcomes: outcomeIndicators.map(\.masks.count))
        defer { running.fold(into: &aggregate, plan: plan) }
        var answers = [Coded](repeating: .missing, count: coders.count)
        while try pending || Self.next(&reader, into: &row) {
            pending = false
            aggregate.rows += 1
            if let submitColumn = profile.submitColumn, row.withBytes(submitColumn, { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) {
                aggregate.excluded.append(RowProblem(kind: .incomplete, file: reader.file, row: row.number, reason: ImpactMessage.text(.impactIncomplete)))
                reading.incomplete += 1
                continue
            }
            if let validation = profile.validationColumn, case let status = row.text(validation), ExportProfile.isNotApproved(status) {
                aggregate.excluded.append(RowProblem(kind: .notApproved, file: reader.file, row: row.number,
                                                     reason: ImpactMessage.text(.impactNotApproved, ["status": status])))
                reading.notApproved += 1
                continue
            }
            var anything = false
            row.bytes.withUnsafeBufferPointer { bytes in
                for question in coders.indices {
                    switch columns[question] {
                    case .single(let field):
                        let cell = field < row.count ? UnsafeBufferPointer(rebasing: bytes[row.range(field)]) : UnsafeBufferPointer(start: nil, count: 0)
                        answers[question] = cache.code(cell, encoding: row.encoding, question: question, coders: coders, levels: levels)
                    case .options(let fields):
                        answers[question] = cache.codeOptions(fields.map { $0.map(row.text) }, question: question, coders: coders)
                    }
                    if answers[question] != .missing { anything = true }
                }
            }
            guard anything else {
                aggregate.excluded.append(RowProblem(kind: .empty, file: reader.file, row: row.number, reason: ImpactMessage.text(.impactEmptyRow)))
                continue
            }
            if let uuidColumn = profile.uuidColumn, case let uuid = row.text(uuidColumn), !uuid.isEmpty,
               let first = duplicates.earlierSubmission(uuid, row: row.number, file: reader.file) {
                aggregate.excluded.append(RowProblem(kind: .duplicate, file: reader.file, row: row.number,
                                                     reason: ImpactMessage.text(.impactResubmitted, ["uuid": uuid, "row": "\(first.row)", "file": first.file])))
                reading.resubmitted += 1
                continue
            }
            if detectsDuplicates, let first = duplicates.earlier(row, file: reader.file) {
                let key: ImpactMessage = first.file == reader.file ? .impactDuplicateRow : .impactDuplicateRowElsewhere
                aggregate.excluded.append(RowProblem(kind: .duplicate, file: reader.file, row: row.number,
                                                     reason: ImpactMessage.text(key, ["row": "\(first.row)", "file": first.file])))
                continue
            }
            aggregate.used += 1
            tally(answers, row: row, columns: columns, columnNames: columnNames, file: reader.file, reasons: cache.reasons,
                  into: &running, problems: &aggregate.problems)
            collectVerbatims(answers, row: row, columns: columns, into: &aggregate)
        }
        aggregate.readings.append(reading)
    }

    private static func next(_ reader: inout some TableReader, into row: inout RawRow) throws -> Bool {
        try UserError.reading { () throws(TableError) in try reader.nextRawRow(&row) }
    }

    private func tally(_ answers: [Coded], row: RawRow, columns: [QuestionColumns], columnNames: [String], file: String, reasons: [Localized],
                       into running: inout RunningTally, problems: inout ProblemList) {
        for (index, answer) in answers.enumerated() {
            running.questions[index].add(answer)
            if case .invalid(let reason) = answer {
                let value = columns[index].all.map(row.text).filter { !$0.isEmpty }.joined(separator: " | ")
                problems.append(RowProblem(kind: .refused, file: file, row: row.number, column: columnNames[index], value: value, reason: reasons[reason],
                                           question: plan.questions[index].id))
            }
        }
        for (slot, segment) in segmentQuestions.enumerated() {
            guard let group = GroupKey(answers[segment]) else { continue }
            let targets = segmentTargetPositions[slot]
            let index = running.segments[slot].firstIndex { $0.group == group } ?? {
                running.segments[slot].append((group, targets.map { RunningQuestion(levels: levels[$0]) }))
                return running.segments[slot].count - 1
            }()
            for (position, target) in targets.enumerated() {
                running.segments[slot][index].tallies[position].add(answers[target])
            }
        }
        for (index, pair) in pairIndicators.enumerated() {
            if case .value(let pre, _) = answers[pair.pre], case .value(let post, _) = answers[pair.post] {
                running.pairs[index].add(pre: pre, post: post, maximum: pair.maximum)
            }
        }
        for (index, outcome) in outcomeIndicators.enumerated() {
            guard case .choices(let mask) = answers[outcome.question] else { continue }
            running.outcomes[index].respondents += 1
            if mask & outcome.masks.reduce(0, |) != 0 { running.outcomes[index].anyCategory += 1 }
            for (category, categoryMask) in outcome.masks.enumerated() where mask & categoryMask != 0 {
                running.outcomes[index].categories[category] += 1
            }
        }
        for (index, alpha) in alphaIndicators.enumerated() {
            for (position, item) in alpha.items.enumerated() {
                if case .value(let value, _) = answers[item] {
                    running.itemValues[position] = alpha.reversed[position] ? alpha.bounds[position].map { $0.0 + $0.1 - value } ?? value : value
                } else {
                    running.itemValues[position] = nil
                }
            }
            running.alphas[index].add(running.itemValues[..<alpha.items.count])
        }
    }

    /// Keeps the open answers of the row (the first `maxVerbatims` of each question), with the
    /// group of the first segment question.
    private func collectVerbatims(_ answers: [Coded], row: RawRow, columns: [QuestionColumns], into aggregate: inout SurveyAggregate) {
        for index in textQuestions where answers[index] == .text {
            let id = plan.questions[index].id
            guard (aggregate.verbatims[id]?.count ?? 0) < SurveyAggregate.maxVerbatims, case .single(let column) = columns[index] else { continue }
            let group = segmentQuestions.first.flatMap { segment in GroupKey(answers[segment]).map { groupName($0, question: plan.questions[segment]) } }
            aggregate.verbatims[id, default: []].append(Verbatim(text: row.text(column).trimmingCharacters(in: .whitespacesAndNewlines), group: group))
        }
    }

    /// The name of a segment group: the choice's or the level's label, or the value.
    func groupName(_ key: GroupKey, question: SurveyPlan.Question) -> String {
        switch (key, question.kind) {
        case (.index(let index), .choice(let choices)), (.index(let index), .multiChoice(let choices, _)):
            return choices[index].fr
        case (.value(let value), .scale(let scale)):
            return scale.values.firstIndex(of: value).map { scale.levels[$0].fr } ?? JSONValue.format(value)
        case (.value(let value), .yesNo):
            return value == 1 ? "Oui" : "Non"
        case (.value(let value), _):
            return JSONValue.format(value)
        case (.index(let index), _):
            return String(index)
        }
    }
}

/// The group of a segment answer, without its name: a choice's index or a value.
enum GroupKey: Hashable {
    case index(Int)
    case value(Double)

    init?(_ answer: Coded) {
        switch answer {
        case .choices(let mask) where mask != 0: self = .index(mask.trailingZeroBitCount)
        case .value(let value, _): self = .value(value)
        default: return nil
        }
    }
}

/// A coded answer as the hot loop keeps it: plain values only (a choice set as a 64-bit mask,
/// a refusal as an index into the reasons table), so copying one costs nothing.
enum Coded: Equatable {
    /// A value, with its level's position when the question has a scale (else -1).
    case value(Double, level: Int)
    case choices(UInt64)
    case text
    case missing
    case invalid(Int)

    static let maxChoices = 64
}

/// A question's answers during a read: values counted in a short list (a scale has at most
/// a dozen), searched linearly, which beats hashing each answer.
struct RunningQuestion {
    /// The scale's values, counted by level position; other values are searched.
    let levels: [Double]
    var levelCounts: [Double]
    var values: [Double] = []
    var counts: [Double] = []
    var choices: [Double] = []
    var tallied = QuestionTally()

    init(levels: [Double]) {
        self.levels = levels
        levelCounts = Array(repeating: 0, count: levels.count)
    }

    mutating func add(_ answer: Coded) {
        switch answer {
        case .value(_, let level) where level >= 0:
            tallied.answered += 1
            levelCounts[level] += 1
        case .value(let value, _):
            tallied.answered += 1
            var index = 0
            while index < values.count && values[index] != value { index += 1 }
            if index < values.count {
                counts[index] += 1
            } else {
                values.append(value)
                counts.append(1)
            }
        case .choices(var mask):
            tallied.answered += 1
            while mask != 0 {
                let index = mask.trailingZeroBitCount
                if choices.count <= index { choices += Array(repeating: 0, count: index + 1 - choices.count) }
                choices[index] += 1
                mask &= mask - 1
            }
        case .text: tallied.answered += 1
        case .missing: tallied.missing += 1
        case .invalid: tallied.invalid += 1
        }
    }

    var tally: QuestionTally {
        var tally = tallied
        for (value, count) in zip(values, counts) { tally.values[value, default: 0] += count }
        for (value, count) in zip(levels, levelCounts) where count > 0 { tally.values[value, default: 0] += count }
        tally.choices = choices
        return tally
    }
}

/// What one read adds up, indexed by question position (no string keys on the hot path),
/// folded into the aggregate at the end.
struct RunningTally {
    var questions: [RunningQuestion]
    /// For each segment question (in the tally's `segmentQuestions` order), its groups as met,
    /// each with a tally per question broken down by it (`segmentTargetPositions` order).
    var segments: [[(group: GroupKey, tallies: [RunningQuestion])]]
    /// By position among the plan's pre/post and alpha indicators.
    var pairs: [PairTally]
    var alphas: [AlphaTally]
    var outcomes: [OutcomeTally]
    /// A buffer for one row's alpha items, reused.
    var itemValues: [Double?]

    init(levels: [[Double]], segments: Int, pairs: Int, alphas: [Int], outcomes: [Int]) {
        self.outcomes = outcomes.map(OutcomeTally.init(categories:))
        questions = levels.map(RunningQuestion.init(levels:))
        self.segments = Array(repeating: [], count: segments)
        self.pairs = Array(repeating: PairTally(), count: pairs)
        self.alphas = alphas.map(AlphaTally.init(items:))
        itemValues = Array(repeating: nil, count: alphas.max() ?? 0)
    }

    func fold(into aggregate: inout SurveyAggregate, plan: SurveyPlan) {
        var read = SurveyAggregate(plan: aggregate.plan)
        for (index, running) in questions.enumerated() { read.questions[plan.questions[index].id] = running.tally }
        let tally = SurveyTally(plan: plan)
        for (slot, groups) in segments.enumerated() {
            let segment = plan.questions[tally.segmentQuestions[slot]]
            for (group, tallies) in groups {
                let name = tally.groupName(group, question: segment)
                for (position, running) in tallies.enumerated() {
                    read.segments[segment.id, default: [:]][name, default: [:]][plan.questions[tally.segmentTargetPositions[slot][position]].id] = running.tally
                }
            }
        }
        for (index, pair) in tally.pairIndicators.enumerated() where pairs[index].difference.n > 0 {
            read.pairs[pair.id] = pairs[index]
        }
        for (index, outcome) in tally.outcomeIndicators.enumerated() where outcomes[index].respondents > 0 {
            read.outcomes[outcome.id] = outcomes[index]
        }
        for (index, alpha) in tally.alphaIndicators.enumerated() where alphas[index].respondents > 0 {
            var full = alphas[index]
            full.symmetrize()
            read.alphas[alpha.id] = full
        }
        aggregate = aggregate + read
    }
}

/// The coded answer of each distinct cell, per question, found by comparing the cell's bytes
/// (length first) in a short list: survey answers repeat a few labels, so each is made into
/// text, normalised and looked up once. Bounded, so free text cannot grow it (past the bound,
/// a cell is coded each time).
struct AnswerCache {
    static let limit = 64
    private var entries: [[(bytes: [UInt8], answer: Coded)]]
    /// Free-text questions: an answer is anything but blanks, found from the bytes alone.
    private let isText: [Bool]
    /// Why answers were refused, in both languages; `Coded.invalid` indexes it.
    private(set) var reasons: [Localized] = []
    /// What the export's tool writes for « not asked », and whether it codes levels.
    private let notShown: Set<String>
    private let toolCodes: Bool

    init(coders: [AnswerCoder], profile: ExportProfile = .recognise([])) {
        entries = Array(repeating: [], count: coders.count)
        isText = coders.map { $0.question.kind == .text }
        notShown = profile.notShown
        toolCodes = profile.readsToolCodes
    }

    /// The answer to `question` in `cell`; `coders` is only read on a miss.
    mutating func code(_ cell: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, question: Int, coders: [AnswerCoder], levels: [[Double]]) -> Coded {
        if isText[question] {
            return cell.contains { $0 > 0x20 } ? .text : .missing
        }
        for entry in entries[question] where entry.bytes.count == cell.count {
            if cell.count == 0 || entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) {
                return entry.answer
            }
        }
        let text = encoding.decode(cell)
        let answer = notShown.contains(TextMatching.normalized(text)) ? .missing
            : coded(coders[question].code(text, toolCodes: toolCodes), levels: levels[question])
        if entries[question].count < Self.limit {
            entries[question].append((Array(cell), answer))
        }
        return answer
    }

    /// A multiple-choice answer spread over one column per choice (`cells`, nil where the export
    /// has no column): a box is ticked by `1`, `Y`, `Oui`, `TRUE`, `X` or the choice itself
    /// (label or XLSForm name; any text for an « Autre » choice), left empty by nothing, `0`, `N`,
    /// `Non`, `FALSE`; « not asked » marks (`N/A`) leave it empty. No box ticked at all is no
    /// answer, as an empty cell is where the choices share one column: the same respondent counts
    /// the same whatever the layout (LimeSurvey writes « Non » in every box of a question left blank).
    mutating func codeOptions(_ cells: [String?], question: Int, coders: [AnswerCoder]) -> Coded {
        var mask: UInt64 = 0
        for (choice, cell) in cells.enumerated() {
            guard let cell, case let normal = TextMatching.normalized(cell), !normal.isEmpty, !notShown.contains(normal), !Self.unticked.contains(normal) else { continue }
            guard Self.ticked.contains(normal) || coders[question].isChoice(cell, at: choice) else { return refusal(ImpactMessage.text(.impactNotATick)) }
            if choice < Coded.maxChoices { mask |= 1 << UInt64(choice) }
        }
        return mask == 0 ? .missing : .choices(mask)
    }

    static let ticked: Set<String> = ["1", "y", "yes", "oui", "true", "vrai", "x", "✓", "checked", "coche", "cochee"]
    static let unticked: Set<String> = ["0", "n", "no", "non", "false", "faux"]

    private mutating func coded(_ answer: Answer, levels: [Double]) -> Coded {
        switch answer {
        case .value(let value): return .value(value, level: levels.firstIndex(of: value) ?? -1)
        case .text: return .text
        case .missing: return .missing
        case .invalid(let reason): return refusal(reason)
        case .choices(let indices):
            guard indices.allSatisfy({ $0 < Coded.maxChoices }) else {
                return refusal(ImpactMessage.text(.impactTooManyChoices, ["limit": "\(Coded.maxChoices)"]))
            }
            return .choices(indices.reduce(0) { $0 | 1 << UInt64($1) })
        }
    }

    private mutating func refusal(_ reason: Localized) -> Coded {
        if let index = reasons.firstIndex(of: reason) { return .invalid(index) }
        reasons.append(reason)
        return .invalid(reasons.count - 1)
    }
}

/// The rows already read in a run, by a stable 64-bit hash of their cells (FNV-1a), to
/// recognise a submission exported or keyed twice. Memory: two integers per row, not its text.
/// Aggregates merged from separate runs cannot be checked this way: sums cannot give a row back.
public struct DuplicateFinder: Sendable {
    /// Hash → file index (high 24 bits) and row number (low 40 bits).
    private var seen: [UInt64: UInt64] = [:]
    private var files: [String] = []
    /// KoboToolbox submission ids already read, with where.
    private var submissions: [String: (file: String, row: Int)] = [:]

    public init() {}

    /// Where the submission `uuid` was read before, or nil (and it is remembered).
    mutating func earlierSubmission(_ uuid: String, row: Int, file: String) -> (file: String, row: Int)? {
        if let first = submissions[uuid] { return first }
        submissions[uuid] = (file, row)
        return nil
    }

    /// Where the same row was read before, or nil (and the row is remembered).
    mutating func earlier(_ row: RawRow, file: String) -> (file: String, row: Int)? {
        var stable = StableHash()
        row.bytes.withUnsafeBufferPointer { stable.addWords($0) }
        row.ends.withUnsafeBufferPointer { ends in
            stable.addWords(UnsafeBufferPointer(start: UnsafeRawPointer(ends.baseAddress)?.assumingMemoryBound(to: UInt8.self),
                                                count: ends.count * MemoryLayout<Int>.stride))
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

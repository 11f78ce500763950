import AtelierCore
import Foundation
import AtelierMockup
import AtelierStatistics
import AtelierTabular

/// One pass over an export's rows, filling an aggregate: each row is used, or excluded
/// with its number and reason (no answer to the plan; a duplicate, i.e. the very same cells
/// as an earlier row, timestamp or id included, in an export that has such a column; a
/// LimeSurvey row with an empty `submitdate`);
/// each refused answer is listed with its row, column and value, its row still used.
public struct SurveyTally {
    public let plan: SurveyPlan
    let coders: [AnswerCoder]
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
    /// How many cells of each row the reading thread codes at first, and whether that number
    /// then follows the two threads' pace (`RowPipeline`); fixed by tests.
    var earlyCells = 0
    var balancesCoding = true

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

    /// Reads every row of the export `open` opens into `aggregate`, and gives its reader back;
    /// `duplicates` remembers the rows seen, so that the files of one run are checked against
    /// each other. When a duplicate was found only once the file was read whole (past the rows
    /// `DuplicateFinder` keeps in memory), the file is counted again from the start, every
    /// duplicate then known: the aggregate is always that of one exact pass.
    public func read(opening open: () throws -> any TableReader, into aggregate: inout SurveyAggregate,
                     duplicates: inout DuplicateFinder) throws -> any TableReader {
        let before = aggregate
        var reader = try open()
        let version = Self.version(of: reader.file)
        try read(&reader, into: &aggregate, duplicates: &duplicates)
        guard duplicates.rows.foundLate else { return reader }
        aggregate = before
        duplicates.rows.replay()
        reader = try open()
        guard Self.version(of: reader.file) == version else { throw UserError(ImpactMessage.impactExportChanged, ["file": reader.file]) }
        try read(&reader, into: &aggregate, duplicates: &duplicates)
        return reader
    }

    /// The size and modification date of `file`, to tell that it was not changed between two readings.
    private static func version(of file: String) -> (size: Int?, modified: Date?) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        return (attributes?[.size] as? Int, attributes?[.modificationDate] as? Date)
    }

    /// Reads every row of `reader` into `aggregate`, once. Rows are read as bytes: a String is
    /// made only for an answer not seen before in its column, or a refused one. The export's
    /// tool is recognised first (`ExportProfile`), and its conventions applied: a second header
    /// row, incomplete responses, resubmissions, submissions not approved.
    func read(_ reader: inout some TableReader, into aggregate: inout SurveyAggregate, duplicates: inout DuplicateFinder) throws {
        var header = reader.header
        let profile = ExportProfile.recognise(header)
        var reading = FileReading(file: reader.file, profile: profile)
        var row = RawRow()
        var pending = false
        if profile.tool == .surveyMonkey, try reader.readRow(into: &row) {
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
        var counting = RowCounting(survey: self, profile: profile, file: reader.file, columns: columns, columnNames: columnNames,
                                   reading: reading, verbatims: aggregate.verbatims)
        defer { counting.end(into: &aggregate) }
        if pending {
            counting.count(row, earlier: detectsDuplicates ? duplicates.rows.earlier(row, file: reader.file) : nil, precoded: [], at: 0, count: 0, reasons: [],
                           into: &aggregate, duplicates: &duplicates)
        }
        let pipeline = RowPipeline(reader: reader, memory: duplicates.takeRows(), detectsDuplicates: detectsDuplicates,
                                   coding: .init(cache: AnswerCache(coders: coders, levels: levels, profile: profile),
                                                 questions: counting.singleQuestions.map { ($0, counting.singleColumns[$0]) }),
                                   early: earlyCells, balances: balancesCoding)
        defer {
            let (finished, rows) = pipeline.finish()
            if let finished { reader = finished }
            duplicates.rows = rows
        }
        while let batch = try pipeline.next() {
            var duplicate = 0
            for index in 0..<batch.rows.count {
                batch.rows.load(index, into: &row)
                var earlier: (file: String, row: Int)?
                if duplicate < batch.earlier.count, batch.earlier[duplicate].index == index {
                    earlier = batch.earlier[duplicate].first
                    duplicate += 1
                }
                counting.count(row, earlier: earlier, precoded: batch.codes, at: index * batch.early, count: batch.early, reasons: batch.reasons,
                               into: &aggregate, duplicates: &duplicates)
            }
        }
        counting.finished = true
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

/// One export's rows being counted, in reading order: each row used (its answers coded and
/// counted) or excluded with its reason. Kept as one value, not as locals a closure captures,
/// so that its state is accessed without run-time exclusivity checks on the hot path; its
/// methods read its own properties, not copies passed as arguments, so that counting a row
/// retains and releases (almost) nothing.
struct RowCounting {
    let survey: SurveyTally
    let profile: ExportProfile
    let file: String
    let columns: [QuestionColumns]
    let columnNames: [String]
    /// A question's one column, or -1: the hot loop reads plain integers, not the enum's payload.
    let singleColumns: [Int]
    /// The questions of one column, in order (the reading thread codes the first few of them),
    /// and those of a column per choice.
    let singleQuestions: [Int]
    let optionQuestions: [Int]
    let layout: TallyLayout
    var reading: FileReading
    var cache: AnswerCache
    var running: RunningTally
    var answers: [Coded]
    /// How many more open answers each free-text question keeps (counted here, not looked up per row).
    var verbatimRoom: [Int]
    /// Whether every row was read: only then is the file's reading recorded.
    var finished = false

    init(survey: SurveyTally, profile: ExportProfile, file: String, columns: [QuestionColumns], columnNames: [String],
         reading: FileReading, verbatims: [String: [Verbatim]]) {
        self.survey = survey
        self.profile = profile
        self.file = file
        self.columns = columns
        self.columnNames = columnNames
        self.reading = reading
        let singleColumns = columns.map { if case .single(let column) = $0 { column } else { -1 } }
        self.singleColumns = singleColumns
        singleQuestions = singleColumns.indices.filter { singleColumns[$0] >= 0 }
        optionQuestions = singleColumns.indices.filter { singleColumns[$0] < 0 }
        layout = TallyLayout(survey)
        cache = AnswerCache(coders: survey.coders, levels: survey.levels, profile: profile)
        running = RunningTally(levels: survey.levels, segmentTargets: survey.segmentTargetPositions, pairs: survey.pairIndicators.count,
                               alphas: survey.alphaIndicators.map(\.items.count), outcomes: survey.outcomeIndicators.map(\.masks.count))
        answers = [Coded](repeating: .missing, count: survey.coders.count)
        verbatimRoom = survey.textQuestions.map { SurveyAggregate.maxVerbatims - (verbatims[survey.plan.questions[$0].id]?.count ?? 0) }
    }

    /// Counts one row, or excludes it; `earlier` is where an identical row was read first. The
    /// answers to the first `count` of `singleQuestions` were coded already: `precoded` from
    /// `start`, their refusals indexing `reasons`.
    mutating func count(_ row: RawRow, earlier: (file: String, row: Int)?, precoded: [Coded], at start: Int, count: Int, reasons: [Localized],
                        into aggregate: inout SurveyAggregate, duplicates: inout DuplicateFinder) {
        aggregate.rows += 1
        if let submitColumn = profile.submitColumn, row.withBytes(submitColumn, { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) {
            aggregate.excluded.append(RowProblem(kind: .incomplete, file: file, row: row.number, reason: ImpactMessage.text(.impactIncomplete)))
            reading.incomplete += 1
            return
        }
        if let validation = profile.validationColumn, case let status = row.text(validation), ExportProfile.isNotApproved(status) {
            aggregate.excluded.append(RowProblem(kind: .notApproved, file: file, row: row.number,
                                                 reason: ImpactMessage.text(.impactNotApproved, ["status": status])))
            reading.notApproved += 1
            return
        }
        guard code(row, precoded: precoded, at: start, count: count, reasons: reasons) else {
            aggregate.excluded.append(RowProblem(kind: .empty, file: file, row: row.number, reason: ImpactMessage.text(.impactEmptyRow)))
            return
        }
        if let uuidColumn = profile.uuidColumn, case let uuid = row.text(uuidColumn), !uuid.isEmpty,
           let first = duplicates.earlierSubmission(uuid, row: row.number, file: file) {
            aggregate.excluded.append(RowProblem(kind: .duplicate, file: file, row: row.number,
                                                 reason: ImpactMessage.text(.impactResubmitted, ["uuid": uuid, "row": "\(first.row)", "file": first.file])))
            reading.resubmitted += 1
            return
        }
        if let first = earlier {
            let key: ImpactMessage = first.file == file ? .impactDuplicateRow : .impactDuplicateRowElsewhere
            aggregate.excluded.append(RowProblem(kind: .duplicate, file: file, row: row.number,
                                                 reason: ImpactMessage.text(key, ["row": "\(first.row)", "file": first.file])))
            return
        }
        aggregate.used += 1
        tally(row, problems: &aggregate.problems)
        collectVerbatims(row, into: &aggregate)
    }

    /// Codes the row's answer to each question into `answers`, taking those already coded
    /// (`count` from `start` in `precoded`); false when it answers none.
    private mutating func code(_ row: RawRow, precoded: [Coded], at start: Int, count: Int, reasons: [Localized]) -> Bool {
        for index in 0..<count {
            var answer = precoded[start + index]
            if case .invalid(let reason) = answer { answer = cache.refusal(reasons[reason]) }
            answers[singleQuestions[index]] = answer
        }
        row.bytes.withUnsafeBufferPointer { bytes in
            answers.withUnsafeMutableBufferPointer { answers in
                for index in count..<singleQuestions.count {
                    let question = singleQuestions[index]
                    answers[question] = cache.code(field: singleColumns[question], of: row, bytes: bytes, question: question)
                }
            }
        }
        for question in optionQuestions {
            if case .options(let fields) = columns[question] {
                answers[question] = cache.codeOptions(fields.map { $0.map(row.text) }, question: question)
            }
        }
        return answers.contains { $0 != .missing }
    }

    /// Counts the row's coded answers: by question, by segment group, and into each indicator
    /// computed from answers together; each refused answer is listed with its row and column.
    private mutating func tally(_ row: RawRow, problems: inout ProblemList) {
        for slot in layout.segmentQuestions.indices {
            running.counts.setGroup(GroupKey(answers[layout.segmentQuestions[slot]]), slot: slot)
        }
        running.counts.add(answers)
        for index in answers.indices {
            if case .invalid(let reason) = answers[index] {
                let value = columns[index].all.map(row.text).filter { !$0.isEmpty }.joined(separator: " | ")
                problems.append(RowProblem(kind: .refused, file: file, row: row.number, column: columnNames[index], value: value,
                                           reason: cache.reasons[reason], question: survey.plan.questions[index].id))
            }
        }
        for index in layout.pairPre.indices {
            if case .value(let pre, _) = answers[layout.pairPre[index]], case .value(let post, _) = answers[layout.pairPost[index]] {
                running.pairs[index].add(pre: pre, post: post, maximum: layout.pairMaximum[index])
            }
        }
        for index in layout.outcomeQuestions.indices {
            guard case .choices(let mask) = answers[layout.outcomeQuestions[index]] else { continue }
            running.outcomes[index].add(mask, categories: layout.outcomeMasks.list(index))
        }
        for index in 0..<layout.alphaItems.count {
            let items = layout.alphaItems.range(index)
            for position in items {
                let item = position - items.lowerBound
                if case .value(let value, _) = answers[layout.alphaItems[position]] {
                    running.itemValues[item] = layout.alphaReversed[position] ? layout.alphaBounds[position].map { $0.0 + $0.1 - value } ?? value : value
                } else {
                    running.itemValues[item] = nil
                }
            }
            running.addAlpha(index, items: items.count)
        }
    }

    /// Keeps the open answers of the row (the first `maxVerbatims` of each question), with the
    /// group of the first segment question; `verbatimRoom` counts down what each question still keeps.
    private mutating func collectVerbatims(_ row: RawRow, into aggregate: inout SurveyAggregate) {
        for slot in survey.textQuestions.indices where verbatimRoom[slot] > 0 {
            let index = survey.textQuestions[slot], column = singleColumns[index]
            guard answers[index] == .text, column >= 0 else { continue }
            verbatimRoom[slot] -= 1
            let group = survey.segmentQuestions.first.flatMap { segment in
                GroupKey(answers[segment]).map { survey.groupName($0, question: survey.plan.questions[segment]) }
            }
            aggregate.verbatims[survey.plan.questions[index].id, default: []]
                .append(Verbatim(text: row.text(column).trimmingCharacters(in: .whitespacesAndNewlines), group: group))
        }
    }

    /// Adds the counts to `aggregate`, and the file's reading when every row was read.
    func end(into aggregate: inout SurveyAggregate) {
        running.fold(into: &aggregate, plan: survey.plan)
        if finished { aggregate.readings.append(reading) }
    }
}

/// The plan's questions and indicators as the hot loop reads them: lists of plain values (no
/// text, no list of lists), so that reading them retains nothing.
struct TallyLayout {
    let segmentQuestions: [Int]
    let pairPre: [Int]
    let pairPost: [Int]
    let pairMaximum: [Double?]
    let outcomeQuestions: [Int]
    /// Each outcomes indicator's categories, as masks of their choices.
    let outcomeMasks: FlatLists<UInt64>
    /// Each alpha indicator's items: their questions, whether reversed, their scale's bounds.
    let alphaItems: FlatLists<Int>
    let alphaReversed: [Bool]
    let alphaBounds: [(Double, Double)?]

    init(_ survey: SurveyTally) {
        segmentQuestions = survey.segmentQuestions
        pairPre = survey.pairIndicators.map(\.pre)
        pairPost = survey.pairIndicators.map(\.post)
        pairMaximum = survey.pairIndicators.map(\.maximum)
        outcomeQuestions = survey.outcomeIndicators.map(\.question)
        outcomeMasks = FlatLists(survey.outcomeIndicators.map(\.masks))
        alphaItems = FlatLists(survey.alphaIndicators.map(\.items))
        alphaReversed = survey.alphaIndicators.flatMap(\.reversed)
        alphaBounds = survey.alphaIndicators.flatMap(\.bounds)
    }
}

/// The answers of a read counted in one flat buffer of integers, without reference counting or
/// copy-on-write checks per answer: one run of slots per tally (answered, missing, refused,
/// one per scale level, one per choice), the questions' first, then each segment group's,
/// added when the group is first met. Values off any scale (numbers) are counted beside, in
/// a short list per tally searched linearly (a number question has few distinct answers).
struct AnswerCounts {
    private static let answered = 0, missing = 1, refused = 2, fixed = 3
    private var counts: [Int] = []
    /// Where each tally starts in `counts`, and its question.
    private var starts: [Int] = []
    private var questionOf: [Int] = []
    /// Where each tally's choice slots start, from its start.
    private var choiceOffsets: [Int] = []
    private var others: [[(value: Double, count: Int)]] = []
    /// For each segment question, the questions broken down by it.
    private let targets: FlatLists<Int>
    /// Each segment group met, in the order met: its segment question's slot, and its first tally.
    private var met: [(slot: Int, group: GroupKey, first: Int)] = []
    /// The current row's group of each segment question, as its first tally (-1: none).
    private var rowGroups: [Int]
    private let levels: [[Double]]

    init(levels: [[Double]], segmentTargets: [[Int]]) {
        self.levels = levels
        targets = FlatLists(segmentTargets)
        rowGroups = Array(repeating: -1, count: segmentTargets.count)
        for question in levels.indices { addTally(question) }
    }

    private mutating func addTally(_ question: Int) {
        starts.append(counts.count)
        questionOf.append(question)
        choiceOffsets.append(Self.fixed + levels[question].count)
        others.append([])
        counts += Array(repeating: 0, count: Self.fixed + levels[question].count + Coded.maxChoices)
    }

    /// The groups of segment `slot` in the order met, each with its first tally (one per question it breaks down).
    func groups(_ slot: Int) -> [(group: GroupKey, first: Int)] {
        met.filter { $0.slot == slot }.map { ($0.group, $0.first) }
    }

    /// Sets the current row's group of segment `slot` (nil: unanswered), making its tallies when first met.
    mutating func setGroup(_ group: GroupKey?, slot: Int) {
        guard let group else {
            rowGroups[slot] = -1
            return
        }
        for index in met.indices where met[index].slot == slot && met[index].group == group {
            rowGroups[slot] = met[index].first
            return
        }
        met.append((slot, group, starts.count))
        rowGroups[slot] = starts.count
        for position in targets.range(slot) { addTally(targets[position]) }
    }

    /// Counts a row: each answer in its question's tally, and the answers of the questions broken
    /// down by each segment in the tallies of the row's group (`setGroup`).
    mutating func add(_ answers: [Coded]) {
        for question in answers.indices { addOther(answers[question], to: question) }
        for slot in rowGroups.indices where rowGroups[slot] >= 0 {
            let range = targets.range(slot)
            for position in range { addOther(answers[targets[position]], to: rowGroups[slot] + position - range.lowerBound) }
        }
        Self.add(answers, groups: rowGroups, targets: targets, starts: starts, choiceOffsets: choiceOffsets, to: &counts)
    }

    private static func add(_ answers: [Coded], groups: [Int], targets: FlatLists<Int>, starts: [Int], choiceOffsets: [Int], to counts: inout [Int]) {
        counts.withUnsafeMutableBufferPointer { counts in
            for question in answers.indices {
                add(answers[question], at: starts[question], choices: choiceOffsets[question], in: counts)
            }
            for slot in groups.indices where groups[slot] >= 0 {
                let range = targets.range(slot)
                for position in range {
                    let tally = groups[slot] + position - range.lowerBound
                    add(answers[targets[position]], at: starts[tally], choices: choiceOffsets[tally], in: counts)
                }
            }
        }
    }

    /// Counts `answer` in the tally at `start`, whose choices' slots start `choices` further.
    private static func add(_ answer: Coded, at start: Int, choices: Int, in counts: UnsafeMutableBufferPointer<Int>) {
        switch answer {
        case .value(_, let level):
            counts[start + answered] += 1
            if level >= 0 { counts[start + fixed + level] += 1 }
        case .choices(var mask):
            counts[start + answered] += 1
            while mask != 0 {
                counts[start + choices + mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        case .text: counts[start + answered] += 1
        case .missing: counts[start + missing] += 1
        case .invalid: counts[start + refused] += 1
        }
    }

    /// Counts a value off its question's scale (a number) in the tally's list.
    private mutating func addOther(_ answer: Coded, to tally: Int) {
        guard case .value(let value, let level) = answer, level < 0 else { return }
        if let index = others[tally].firstIndex(where: { $0.value == value }) {
            others[tally][index].count += 1
        } else {
            others[tally].append((value, 1))
        }
    }

    /// Tally `tally` as the aggregate keeps it.
    func tally(_ tally: Int) -> QuestionTally {
        let start = starts[tally], question = questionOf[tally]
        var result = QuestionTally()
        result.answered = Double(counts[start + Self.answered])
        result.missing = Double(counts[start + Self.missing])
        result.invalid = Double(counts[start + Self.refused])
        for (value, count) in others[tally] { result.values[value, default: 0] += Double(count) }
        for (position, value) in levels[question].enumerated() where counts[start + Self.fixed + position] > 0 {
            result.values[value, default: 0] += Double(counts[start + Self.fixed + position])
        }
        let chosen = counts[(start + Self.fixed + levels[question].count)...].prefix(Coded.maxChoices)
        let used = (chosen.lastIndex { $0 > 0 }).map { $0 - chosen.startIndex + 1 } ?? 0
        result.choices = chosen.prefix(used).map(Double.init)
        return result
    }
}

/// A pre/post indicator being counted: its moments, and its differences first in a short list
/// searched linearly (they take few values; hashing a number for each row costs more), past
/// `listed` distinct ones in the tally's own dictionary.
struct RunningPair {
    static let listed = 32
    var tally = PairTally()
    private var differences: [(value: Double, count: Double)] = []

    mutating func add(pre: Double, post: Double, maximum: Double?) {
        tally.addMoments(pre: pre, post: post, maximum: maximum)
        let difference = post - pre
        if let index = differences.firstIndex(where: { $0.value == difference }) {
            differences[index].count += 1
        } else if differences.count < Self.listed {
            differences.append((difference, 1))
        } else {
            tally.differences[difference, default: 0] += 1
        }
    }

    /// The tally as the aggregate keeps it, every difference in its dictionary.
    var folded: PairTally {
        var result = tally
        for (value, count) in differences { result.differences[value, default: 0] += count }
        return result
    }
}

/// An alpha indicator being counted: the pairwise moments of its items in one flat list, row
/// after row (a list per item would be checked for sharing at each item of each row), the
/// upper triangle only (j ≥ i), the lower one filled from it when the read is over.
struct RunningAlpha {
    let items: Int
    private var moments: [PairMoments]
    private(set) var respondents: Double = 0

    init(items: Int) {
        self.items = items
        moments = Array(repeating: PairMoments(), count: items * items)
    }

    /// Adds one respondent's items (nil: unanswered); one who answered none is not counted.
    mutating func add(_ values: ArraySlice<Double?>) {
        guard values.contains(where: { $0 != nil }) else { return }
        respondents += 1
        let (first, items) = (values.startIndex, items)
        moments.withUnsafeMutableBufferPointer { moments in
            for i in values.indices {
                guard let x = values[i] else { continue }
                let row = (i - first) * items - first
                for j in i..<values.endIndex {
                    if let y = values[j] { moments[row + j].add(x, y) }
                }
            }
        }
    }

    /// The moments as the aggregate keeps them, a list per item, the lower triangle mirrored from the upper one.
    var folded: AlphaTally {
        var tally = AlphaTally(items: items)
        tally.respondents = respondents
        for i in 0..<items {
            for j in i..<items {
                tally.pairs[i][j] = moments[i * items + j]
                if j > i { tally.pairs[j][i] = moments[i * items + j].mirrored }
            }
        }
        return tally
    }
}

/// What one read adds up, indexed by question position (no string keys on the hot path),
/// folded into the aggregate at the end.
struct RunningTally {
    /// Each question's answers, and for each segment question (in the tally's `segmentQuestions`
    /// order) each group's answers to the questions broken down by it (`segmentTargetPositions` order).
    var counts: AnswerCounts
    /// By position among the plan's pre/post and alpha indicators.
    var pairs: [RunningPair]
    var alphas: [RunningAlpha]
    var outcomes: [OutcomeTally]
    /// A buffer for one row's alpha items, reused.
    var itemValues: [Double?]

    init(levels: [[Double]], segmentTargets: [[Int]], pairs: Int, alphas: [Int], outcomes: [Int]) {
        self.outcomes = outcomes.map(OutcomeTally.init(categories:))
        counts = AnswerCounts(levels: levels, segmentTargets: segmentTargets)
        self.pairs = Array(repeating: RunningPair(), count: pairs)
        self.alphas = alphas.map(RunningAlpha.init(items:))
        itemValues = Array(repeating: nil, count: alphas.max() ?? 0)
    }

    /// Adds the first `items` of `itemValues` to alpha indicator `index`.
    mutating func addAlpha(_ index: Int, items: Int) {
        alphas[index].add(itemValues[..<items])
    }

    func fold(into aggregate: inout SurveyAggregate, plan: SurveyPlan) {
        var read = SurveyAggregate(plan: aggregate.plan)
        for index in plan.questions.indices { read.questions[plan.questions[index].id] = counts.tally(index) }
        let tally = SurveyTally(plan: plan)
        for slot in tally.segmentQuestions.indices {
            let segment = plan.questions[tally.segmentQuestions[slot]]
            for (group, first) in counts.groups(slot) {
                let name = tally.groupName(group, question: segment)
                for (position, target) in tally.segmentTargetPositions[slot].enumerated() {
                    read.segments[segment.id, default: [:]][name, default: [:]][plan.questions[target].id] = counts.tally(first + position)
                }
            }
        }
        for (index, pair) in tally.pairIndicators.enumerated() where pairs[index].tally.difference.n > 0 {
            read.pairs[pair.id] = pairs[index].folded
        }
        for (index, outcome) in tally.outcomeIndicators.enumerated() where outcomes[index].respondents > 0 {
            read.outcomes[outcome.id] = outcomes[index]
        }
        for (index, alpha) in tally.alphaIndicators.enumerated() where alphas[index].respondents > 0 {
            read.alphas[alpha.id] = alphas[index].folded
        }
        aggregate = aggregate + read
    }
}

/// The coded answer of each distinct cell, per question: survey answers repeat a few labels,
/// so each is made into text, normalised and coded once, then found again by its bytes in a
/// small open-addressing table (the cells' bytes kept end to end in one buffer; no allocation
/// or reference counting per cell). Bounded, so free text cannot grow it: past `limit`
/// distinct answers to a question, a cell is coded each time.
struct AnswerCache {
    static let limit = 64
    private struct Entry {
        var hash: UInt64
        var question: Int
        var start: Int
        var count: Int
        /// A cell of up to 16 bytes as two words (`head(_:readable:)`), compared instead of its bytes.
        var head: Head
        var answer: Coded
    }
    /// Index into `entries` plus one; 0 marks an empty slot.
    private var slots: [Int32]
    private var entries: [Entry] = []
    private var store: [UInt8] = []
    private var cached: [Int]
    /// Each question's coder and scale values, used on a miss only.
    private let coders: [AnswerCoder]
    private let levels: [[Double]]
    /// Free-text questions: an answer is anything but blanks, found from the bytes alone.
    private let isText: [Bool]
    /// Why answers were refused, in both languages; `Coded.invalid` indexes it.
    private(set) var reasons: [Localized] = []
    /// What the export's tool writes for « not asked », and whether it codes levels.
    private let notShown: Set<String>
    private let toolCodes: Bool

    init(coders: [AnswerCoder], levels: [[Double]], profile: ExportProfile = .recognise([])) {
        self.coders = coders
        self.levels = levels
        isText = coders.map { $0.question.kind == .text }
        cached = Array(repeating: 0, count: coders.count)
        var size = 64
        while size < coders.count * Self.limit * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        notShown = profile.notShown
        toolCodes = profile.readsToolCodes
    }

    /// The answer to `question` in `cell`, of which `readable` bytes may be read from its start
    /// (the rest of its buffer).
    /// Inlined into the row's loop, which calls it for every cell (left to itself, the compiler
    /// makes it a call, about 7 % slower on the 1 M-row benchmark).
    @inline(__always)
    mutating func code(_ cell: UnsafeBufferPointer<UInt8>, readable: Int, encoding: TextEncoding, question: Int) -> Coded {
        if isText[question] {
            return cell.contains { $0 > 0x20 } ? .text : .missing
        }
        let isShort = cell.count <= Self.shortCell
        let head = isShort ? Self.head(cell, readable: readable) : (0, 0)
        // A short cell's words are mixed side by side (two products added), not one after the other.
        var hash = isShort ? head.0 &* 0x9E37_79B9_7F4A_7C15 &+ head.1 &* 0xC2B2_AE3D_27D4_EB4F &+ UInt64(cell.count) : Self.longHash(cell)
        hash ^= UInt64(truncatingIfNeeded: question) &* 0x27D4_EB2F_1656_67C5
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while case let index = Int(slots[slot]), index > 0 {
            let entry = entries[index - 1]
            if entry.hash == hash, entry.question == question, entry.count == cell.count, isShort ? entry.head == head : sameBytes(entry, cell) {
                return entry.answer
            }
            slot = (slot + 1) & mask
        }
        let text = encoding.decode(cell)
        let answer = notShown.contains(TextMatching.normalized(text)) ? .missing
            : coded(coders[question].code(text, toolCodes: toolCodes), levels: levels[question])
        if cached[question] < Self.limit {
            cached[question] += 1
            entries.append(Entry(hash: hash, question: question, start: store.count, count: cell.count, head: head, answer: answer))
            store.append(contentsOf: cell)
            slots[slot] = Int32(entries.count)
        }
        return answer
    }

    /// The answer to `question` in the row's field `field` (empty past its last field), `bytes`
    /// being the row's buffer.
    @inline(__always)
    mutating func code(field: Int, of row: RawRow, bytes: UnsafeBufferPointer<UInt8>, question: Int) -> Coded {
        let range = field < row.count ? row.range(field) : 0..<0
        return code(UnsafeBufferPointer(rebasing: bytes[range]), readable: bytes.count - range.lowerBound, encoding: row.encoding, question: question)
    }

    /// Up to `shortCell` bytes, as two words.
    typealias Head = (UInt64, UInt64)
    /// The longest cell compared as words, not as bytes: more words cost more than the few
    /// longer labels' byte comparisons save (measured on the benchmark: 32 bytes was slower).
    static let shortCell = 16

    /// A cell of up to 16 bytes as two words, zeros past its end (`ByteWords`: read whole and
    /// masked when its buffer allows, byte by byte otherwise).
    @inline(__always)
    static func head(_ cell: UnsafeBufferPointer<UInt8>, readable: Int) -> Head {
        guard let base = cell.baseAddress else { return (0, 0) }
        @inline(__always) func word(_ index: Int) -> UInt64 {
            ByteWords.word(at: base + 8 * index, count: cell.count - 8 * index, readable: readable - 8 * index)
        }
        return (word(0), word(1))
    }

    /// The hash of a cell longer than `shortCell`.
    private static func longHash(_ cell: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var stable = StableHash()
        stable.addWords(cell)
        return stable.value
    }

    private func sameBytes(_ entry: Entry, _ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.count > 0 else { return true }
        return store.withUnsafeBufferPointer { memcmp($0.baseAddress! + entry.start, cell.baseAddress!, entry.count) == 0 }
    }

    /// A multiple-choice answer spread over one column per choice (`cells`, nil where the export
    /// has no column): a box is ticked by `1`, `Y`, `Oui`, `TRUE`, `X` or the choice itself
    /// (label or XLSForm name; any text for an « Autre » choice), left empty by nothing, `0`, `N`,
    /// `Non`, `FALSE`; « not asked » marks (`N/A`) leave it empty. No box ticked at all is no
    /// answer, as an empty cell is where the choices share one column: the same respondent counts
    /// the same whatever the layout (LimeSurvey writes « Non » in every box of a question left blank).
    mutating func codeOptions(_ cells: [String?], question: Int) -> Coded {
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

    /// A refusal for `reason`, which the reasons table lists once.
    mutating func refusal(_ reason: Localized) -> Coded {
        if let index = reasons.firstIndex(of: reason) { return .invalid(index) }
        reasons.append(reason)
        return .invalid(reasons.count - 1)
    }
}

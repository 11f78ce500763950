// AtelierMockup: the mockup format — its schema (one declaration drives validation, typing
// and the JSON Schema), closed vocabularies, scalar parsers, the validator, the typed model and
// the template library.

import AtelierCore

/// A validated mockup, typed. Every part keeps its `record` (its path, position and any
/// field not typed here) so that checks can point at where it was written.
public struct Mockup: Sendable {
    public let record: Record
    public let title: String
    public let summary: String?
    public let language: Language?
    public let institution: Institution?
    /// The project's dates; nil when they are missing or end before they start (reported).
    public let span: Span?
    public let audiences: [Audience]
    public let objectives: [Objective]
    public let tools: [Tool]
    public let activities: [Activity]
    public let evaluation: Evaluation?

    public struct Institution: Sendable {
        public let record: Record
        public let name: String
        public let type: String?
    }

    public struct Span: Sendable {
        public let start: CalendarDate
        public let end: CalendarDate
    }

    public struct Audience: Sendable {
        public let record: Record
        public let id: String
        public let label: String
        public let expected: Int?
        public let minimumAge: Int?
        public let needs: [String]
    }

    public struct Objective: Sendable {
        public let record: Record
        public let id: String
        public let text: String
        public let level: String?
        public let audiences: [String]
        public let success: String?
        public let by: CalendarDate?
    }

    public struct Tool: Sendable {
        public let record: Record
        public let id: String
        public let type: ToolType
        public let name: String?
        public let objectives: [String]
    }

    public struct Activity: Sendable {
        public let record: Record
        public let id: String
        public let title: String
        public let phase: Phase
        public let start: Moment
        public let end: Moment?
        public let durationMinutes: Double?
        public let audiences: [String]
        public let tools: [String]
        public let objectives: [String]
        public let participation: String?
    }

    public struct Evaluation: Sendable {
        public let record: Record
        public let respondentsExpected: Int?
        public let scales: [(name: String, scale: Scale)]
        public let questions: [Question]
        public let indicators: [Indicator]
    }

    public struct Scale: Sendable {
        public let levels: [Localized]
        public let values: [Double]
        public let missing: [Localized]
        /// The code a survey tool gives each level (`A1`, `AO01`…), in the levels' order: read as
        /// the level, without changing what the plan means (nor its fingerprint).
        public let codes: [String]

        public init(levels: [Localized], values: [Double], missing: [Localized], codes: [String] = []) {
            self.levels = levels
            self.values = values
            self.missing = missing
            self.codes = codes
        }
    }

    public struct Question: Sendable {
        public let record: Record
        public let id: String
        public let text: String
        public let type: QuestionType?
        public let scale: String?
        public let choices: [Localized]
        public let column: String?
        public let isSegment: Bool
        public let pre: String?
        public let post: String?
        public let isOptional: Bool
        /// The plausible range of a number question's answers (`min:`, `max:`).
        public let minimum: Double?
        public let maximum: Double?
    }

    public struct Indicator: Sendable {
        public let record: Record
        public let id: String
        public let label: String
        public let measure: Measure
        public let questions: [String]
        public let top: Int?
        public let choice: String?
        public let target: String?
        public let objectives: [String]
        public let by: [String]
        public let source: IndicatorSource
        public let observed: Double?
        /// For `outcomes`: each category and the choices that belong to it, in order.
        public let categories: [(name: String, choices: [String])]
    }
}

extension Mockup {
    /// The typed view of a validated root record; parts that lack a required value (already
    /// reported) are left out rather than guessed.
    init(_ root: Record) {
        record = root
        title = root.text("title") ?? ""
        summary = root.text("summary")
        language = root.text("language").flatMap(Language.init(rawValue:))
        institution = root.record("institution").flatMap { record in
            record.text("name").map { Institution(record: record, name: $0, type: record.text("type")) }
        }
        span = root.record("dates").flatMap { dates in
            guard let start = dates.date("start"), let end = dates.date("end"), start <= end else { return nil }
            return Span(start: start, end: end)
        }
        audiences = root.records("audiences").compactMap { record in
            guard let id = record.text("id"), let label = record.text("label") else { return nil }
            return Audience(record: record, id: id, label: label, expected: record.integer("expected"),
                            minimumAge: record.record("age")?.integer("min"), needs: record.texts("needs"))
        }
        objectives = root.records("objectives").compactMap { record in
            guard let id = record.text("id"), let text = record.text("text") else { return nil }
            return Objective(record: record, id: id, text: text, level: record.text("level"),
                             audiences: record.texts("audiences"), success: record.text("success"), by: record.date("by"))
        }
        tools = root.records("tools").compactMap { record in
            guard let id = record.text("id"), let type = record.text("type").flatMap(ToolType.init(rawValue:)) else { return nil }
            return Tool(record: record, id: id, type: type, name: record.text("name"), objectives: record.texts("objectives"))
        }
        activities = root.records("activities").compactMap { record in
            guard let id = record.text("id"), let title = record.text("title"), let phase = record.text("phase").flatMap(Phase.init(rawValue:)),
                  let start = record.moment("start") else { return nil }
            return Activity(record: record, id: id, title: title, phase: phase, start: start, end: record.moment("end"),
                            durationMinutes: record.durationMinutes("duration"), audiences: record.texts("audiences"),
                            tools: record.texts("tools"), objectives: record.texts("objectives"),
                            participation: record.text("participation"))
        }
        evaluation = root.record("evaluation").map(Evaluation.init)
    }
}

extension Mockup.Scale {
    /// A validated scale definition; values default to 1…n.
    init(_ record: Record) {
        levels = record.localizedTexts("levels")
        let declared = record.numbers("values")
        values = declared.isEmpty ? levels.indices.map { Double($0 + 1) } : declared
        missing = record.localizedTexts("missing")
        codes = record.texts("codes")
    }
}

extension Mockup.Evaluation {
    /// The `categories` of an outcomes indicator: a map of lists (not records).
    static func categories(_ record: Record) -> [(name: String, choices: [String])] {
        guard case .dictionary(let entries, _)? = record["categories"] else { return [] }
        return entries.map { entry in
            guard case .list(let items, _) = entry.value else { return (entry.key, []) }
            return (entry.key, items.compactMap { if case .scalar(.text(let text), _) = $0 { return text } else { return nil } })
        }
    }

    init(_ record: Record) {
        self.record = record
        respondentsExpected = record.integer("respondents-expected")
        scales = record.entries("scales").map { ($0.key, Mockup.Scale($0.value)) }
        questions = record.records("questions").compactMap { record in
            guard let id = record.text("id"), let text = record.text("text") else { return nil }
            return Mockup.Question(record: record, id: id, text: text, type: record.text("type").flatMap(QuestionType.init(rawValue:)), scale: record.text("scale"),
                                   choices: record.localizedTexts("choices"), column: record.text("column"),
                                   isSegment: record.bool("segment") ?? false, pre: record.text("pre"), post: record.text("post"),
                                   isOptional: record.bool("optional") ?? false, minimum: record.number("min"), maximum: record.number("max"))
        }
        indicators = record.records("indicators").compactMap { record in
            guard let id = record.text("id"), let label = record.text("label"), let measure = record.text("measure").flatMap(Measure.init(rawValue:)) else { return nil }
            return Mockup.Indicator(record: record, id: id, label: label, measure: measure,
                                    questions: [record.text("question")].compactMap { $0 } + record.texts("questions"),
                                    top: record.integer("top"), choice: record.text("choice"), target: record.text("target"),
                                    objectives: record.texts("objectives"), by: record.texts("by"),
                                    source: record.text("source").flatMap(IndicatorSource.init(rawValue:)) ?? .survey, observed: record.number("observed"),
                                    categories: Self.categories(record))
        }
    }
}

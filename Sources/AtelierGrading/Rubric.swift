// AtelierGrading owns grading group presentations: rubrics and their strict loader, reading
// filled grading sheets (xlsx or CSV), combining graders into marks, disagreements, agreement
// between graders, and what it takes to write grading sheets, gradebooks and feedback.

import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierYAML

/// A rubric: criteria with weights and ordered levels, a scale (`out-of`) and a rounding step.
public struct Rubric: Sendable {
    public struct Level: Sendable {
        public let label: Localized
        public let points: Double
        public let descriptor: Localized?
    }

    /// How a criterion gets its level.
    public enum Source: Sendable, Equatable {
        /// Graders choose a level.
        case graders
        /// From the mockup's readiness (overall, or one section), by thresholds: below the
        /// first, the lowest level; at or above threshold i, level i + 1.
        case readiness(section: Section?, thresholds: [Double])
    }

    public struct Criterion: Sendable {
        public let id: String
        public let label: Localized
        public let weight: Double
        public let levels: [Level]
        public let source: Source
        /// Graded and commented, but not counted in the mark.
        public let feedbackOnly: Bool

        public var maximum: Double { levels.map(\.points).max() ?? 0 }
        /// The level labels, listed in each language (« Insuffisant, Correct, Très bien »).
        public var levelNames: Localized {
            Localized(fr: levels.map(\.label.fr).joined(separator: ", "), en: levels.map(\.label.en).joined(separator: ", "))
        }
    }

    public let id: String
    public let title: Localized
    public let outOf: Double
    public let rounding: Double
    public let criteria: [Criterion]
    /// How many graders must give a level on each graded criterion before a group gets a mark.
    public let requiredGraders: Int

    public init(id: String, title: Localized, outOf: Double, rounding: Double, criteria: [Criterion], requiredGraders: Int = 1) {
        self.id = id
        self.title = title
        self.outOf = outOf
        self.rounding = rounding
        self.criteria = criteria
        self.requiredGraders = requiredGraders
    }

    /// The criteria that count in the mark.
    public var scored: [Criterion] { criteria.filter { !$0.feedbackOnly } }

    /// `value` rounded to the nearest multiple of the rounding step (halves up), kept on the
    /// scale [0, out-of].
    public func rounded(_ value: Double) -> Double {
        let step = rounding > 0 ? (value / rounding + 1e-9).rounded(.toNearestOrAwayFromZero) * rounding : value
        return min(outOf, max(0, step))
    }
}

/// Reads rubric files: their structure is validated against `RubricSchema` (unknown keys with
/// the closest known one, required keys, types), then the loader judges the values (points,
/// weights, levels in order, thresholds), every problem with its position.
public enum RubricLoader {
    public static func load(_ bytes: [UInt8], file: String) throws(DefinitionError) -> Rubric {
        var reader = DefinitionReader(file: file)
        guard let root = reader.root(of: bytes, schema: RubricSchema.document), root.entries != nil else { throw DefinitionError(reader.problems) }
        let id = root["id"]?.scalarText
        let title = root.bilingual("title")
        let outOf = root.number("out-of") ?? 20
        if !(outOf > 0 && outOf <= 1_000_000) { reader.report(root["out-of"]?.position, GradingMessage.text(.rubricOutOf, ["value": JSONValue.format(outOf)])) }
        let rounding = root.number("rounding") ?? 0.5
        if !(rounding > 0 && rounding <= outOf) {
            reader.report(root["rounding"]?.position, GradingMessage.text(.rubricRounding, ["value": JSONValue.format(rounding), "outOf": JSONValue.format(outOf)]))
        }
        let requiredGraders = root.number("required-graders") ?? 1
        if !(requiredGraders >= 1 && requiredGraders <= 100 && requiredGraders == requiredGraders.rounded()) {
            reader.report(root["required-graders"]?.position, GradingMessage.text(.rubricRequiredGraders, ["value": JSONValue.format(requiredGraders)]))
        }
        var criteria: [Rubric.Criterion] = []
        var seen: [String: SourcePosition] = [:]
        for node in root["criteria"]?.items ?? [] {
            guard let criterion = criterion(node, &reader) else { continue }
            if let first = seen[criterion.id] {
                reader.report(node.position, GradingMessage.text(.rubricDuplicateCriterion, ["id": criterion.id, "line": "\(first.line)"]))
            }
            seen[criterion.id] = node.position
            criteria.append(criterion)
        }
        guard reader.problems.isEmpty, let id, let title else { throw DefinitionError(reader.problems) }
        return Rubric(id: id, title: title, outOf: outOf, rounding: rounding, criteria: criteria, requiredGraders: Int(requiredGraders))
    }

    private static func criterion(_ node: YAMLNode, _ reader: inout DefinitionReader) -> Rubric.Criterion? {
        guard node.entries != nil else { return nil }
        let id = node["id"]?.scalarText
        let label = node.bilingual("label")
        let weight = node.number("weight") ?? 1
        if !(weight > 0 && weight <= 1_000_000) { reader.report(node["weight"]?.position, GradingMessage.text(.rubricWeight, ["value": JSONValue.format(weight)])) }
        let feedbackOnly = node["feedback-only"].flatMap { $0.scalarText.flatMap(ScalarParser.bool) } ?? false
        var levels: [Rubric.Level] = []
        if let written = node["levels"]?.items, written.isEmpty { reader.report(node["levels"]?.position, .checklistMissingKey, ["key": "levels"]) }
        for item in node["levels"]?.items ?? [] where item.entries != nil {
            let levelLabel = item.bilingual("label")
            let points = item.number("points")
            let descriptor = item.bilingual("descriptor")
            if let points, !(points >= 0 && points <= 1_000_000) {
                reader.report(item["points"]?.position, GradingMessage.text(.rubricPoints, ["value": JSONValue.format(points)]))
            }
            if let levelLabel, levels.contains(where: { TextMatching.normalized($0.label.fr) == TextMatching.normalized(levelLabel.fr)
                || TextMatching.normalized($0.label.en) == TextMatching.normalized(levelLabel.en) }) {
                reader.report(item.position, GradingMessage.text(.rubricDuplicateLevel, ["label": levelLabel.fr]))
            }
            if let levelLabel, let points { levels.append(Rubric.Level(label: levelLabel, points: points, descriptor: descriptor)) }
        }
        if !levels.isEmpty, levels.allSatisfy({ $0.points == 0 }), !feedbackOnly {
            reader.report(node["levels"]?.position, GradingMessage.text(.rubricNoPoints))
        }
        if zip(levels, levels.dropFirst()).contains(where: { $0.points > $1.points }), let position = node["levels"]?.position {
            reader.report(position, GradingMessage.text(.rubricLevelsOrder))
        }
        var source = Rubric.Source.graders
        if let auto = node["auto"] {
            let scope = auto["readiness"]?.scalarText?.lowercased() ?? "overall"
            let section = Section(rawValue: scope)
            let thresholds = (auto["thresholds"]?.items ?? []).compactMap { $0.scalarText.flatMap(ScalarParser.number) }
            if thresholds.count != max(0, levels.count - 1) {
                reader.report(auto.position, GradingMessage.text(.rubricThresholds, ["levels": "\(levels.count)", "count": "\(max(0, levels.count - 1))"]))
            }
            source = .readiness(section: section, thresholds: thresholds)
        }
        guard let id, let label else { return nil }
        return Rubric.Criterion(id: id, label: label, weight: weight, levels: levels, source: source, feedbackOnly: feedbackOnly)
    }
}

import AtelierCore
import Foundation

/// The versioned file `impact --aggregate` writes and `merge` reads: the plan (the mockup's
/// text) and the aggregate, with no raw answer (refused values are left out).
public struct AggregateFile: Codable, Sendable {
    public static let format = "atelier-aggregate"

    public var format = AggregateFile.format
    public var mockup: String
    public var aggregate: SurveyAggregate

    public init(mockup: String, aggregate: SurveyAggregate) {
        self.mockup = mockup
        var redacted = aggregate
        redacted.problems = aggregate.problems.map { RowProblem(file: $0.file, row: $0.row, column: $0.column, value: nil, reason: $0.reason) }
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
            throw UserError(.mergeNotAnAggregate, ["file": file])
        }
        guard value.aggregate.version == SurveyAggregate.version else {
            throw UserError(.mergeVersion, ["file": file, "version": "\(value.aggregate.version)", "expected": "\(SurveyAggregate.version)"])
        }
        return value
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

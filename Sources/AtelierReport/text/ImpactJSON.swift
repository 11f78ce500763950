import AtelierCore
import AtelierImpact
import Foundation

/// The indicators as the overview's JSON contract describes them (`impact --json`).
public enum ImpactJSON {
    public static func document(_ report: ImpactReport, language: Language, sites: [SiteReport] = []) -> JSONValue {
        let aggregate = report.aggregate
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        func problem(_ problem: RowProblem) -> JSONValue {
            .object([
                ("file", .string(problem.file)), ("row", .integer(problem.row)),
                ("column", problem.column.map(JSONValue.string) ?? .null), ("value", problem.value.map(JSONValue.string) ?? .null),
                ("kind", .string(problem.kind.rawValue)), ("reason", .string(problem.reason[language])),
            ])
        }
        func counts(_ list: ProblemList) -> JSONValue {
            .object(RowProblem.Kind.allCases.filter { list.count(of: $0) > 0 }.map { ($0.rawValue, .integer(list.count(of: $0))) })
        }
        let indicators: [JSONValue] = report.indicators.map { result in
            var members: [(String, JSONValue)] = [
                ("id", .string(result.indicator.id)), ("label", .string(result.indicator.label)),
                ("measure", .string(result.indicator.measure.rawValue)), ("value", number(result.value)), ("n", number(result.n)),
                ("ci", result.interval.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
            ]
            if let margin = result.margin { members.append(("margin", .number(margin))) }
            members += [("target", result.indicator.target.map(JSONValue.string) ?? .null), ("status", .string(result.status.rawValue))]
            members.append(("questions", .array(result.indicator.questions.compactMap { report.plan.question($0)?.identity }.map { identity in
                .object([("id", .string(identity.id)), ("text", .string(identity.text)), ("coding", .string(identity.coding))])
            })))
            if !result.details.isEmpty { members.append(("details", .object(result.details.map { ($0.name, .number($0.value)) }))) }
            if !result.distribution.isEmpty {
                members.append(("distribution", .array(result.distribution.map {
                    .object([("label", .string($0.label[language])), ("count", .number($0.count))])
                })))
            }
            if !result.segments.isEmpty {
                members.append(("segments", .array(result.segments.map { segment in
                    var fields: [(String, JSONValue)] = [("by", .string(segment.by)), ("group", .string(segment.group)), ("n", .number(segment.n))]
                    if segment.suppressed {
                        fields.append(("suppressed", .bool(true)))
                    } else {
                        fields.append(("value", number(segment.value)))
                        if segment.caution { fields.append(("caution", .bool(true))) }
                    }
                    return .object(fields)
                })))
            }
            if let note = result.note { members.append(("note", .string(note[language]))) }
            if !sites.isEmpty {
                members.append(("sites", .array(sites.compactMap { site in
                    site.figure(result.indicator.id).map { figure in
                        .object([("site", .string(site.name)), ("n", number(figure.n)), ("value", number(figure.value)),
                                 ("status", .string(figure.status.rawValue)), ("suppressed", .bool(figure.suppressed))])
                    }
                })))
            }
            return .object(members)
        }
        return .object([
            ("title", .string(report.title)),
            ("responses", .object([
                ("files", .integer(aggregate.files.count)), ("rows", .integer(aggregate.rows)), ("used", .integer(aggregate.used)),
                ("exports", .array(aggregate.readings.map { reading in
                    .object([("file", .string(reading.file)), ("tool", .string(reading.tool.rawValue)),
                             ("recognised_by", reading.evidence.map(JSONValue.string) ?? .null), ("incomplete", .integer(reading.incomplete)),
                             ("resubmitted", .integer(reading.resubmitted)), ("not_approved", .integer(reading.notApproved)),
                             ("second_header_row", .bool(reading.secondHeaderRow))])
                })),
                ("excluded", .integer(aggregate.excluded.count)),
                ("excluded_by_kind", counts(aggregate.excluded)),
                ("exclusions", .array(aggregate.excluded.examples.map(problem))),
                ("exclusions_not_listed", .integer(aggregate.excluded.omitted)),
                ("refused", .integer(aggregate.problems.count)),
                ("problems", .array(aggregate.problems.examples.map(problem))),
                ("problems_not_listed", .integer(aggregate.problems.omitted)),
            ])),
            ("indicators", .array(indicators)),
            ("objectives", .array(report.objectives.map {
                .object([("id", .string($0.id)), ("status", .string($0.status.rawValue)), ("indicators", .array($0.indicators.map(JSONValue.string)))])
            })),
        ])
    }
}

/// A readable summary of the indicators for the terminal.
public struct ImpactText: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ report: ImpactReport) -> String {
        let aggregate = report.aggregate
        let safe = TerminalText.safe
        var output = "== \(safe(report.title)) ==\n" + ReportMessage.text(.impactSummaryRows, [
            "files": "\(aggregate.files.count)", "rows": "\(aggregate.rows)", "used": "\(aggregate.used)",
            "excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)",
        ])[language] + "\n"
        for reading in aggregate.readings {
            output += safe(reading.sentence[language]) + "\n"
        }
        output += "\n"
        let words = IndicatorWords(language: language)
        for result in report.indicators {
            let value = result.value.map { words.value($0, of: result) } ?? "—"
            let interval = result.interval.map { " [\(words.figure($0.lowerBound, of: result)) ; \(words.figure($0.upperBound, of: result))]" } ?? ""
            let n = result.n.map { " n = \(JSONValue.format($0))" } ?? ""
            let target = words.target(of: result).map { " — \(ReportMessage.text(.impactTargetWord)[language]) \($0)" } ?? ""
            output += "\(result.indicator.id) \(safe(result.indicator.label)) : \(value)\(interval)\(n)\(target) → \(statusWord(result.status))\n"
            if let note = result.note { output += "    \(safe(note[language]))\n" }
            if let statistics = words.statistics(of: result) { output += "    \(statistics)\n" }
            for category in words.categories(of: result) {
                output += "    \(safe(category.name)) : \(language.percent(category.share, decimals: 1))\n"
            }
            for segment in result.segments {
                let shown = segment.suppressed ? "n < \(JSONValue.format(report.suppressBelow))"
                    : (segment.value.map { words.figure($0, of: result) } ?? "—") + " (n = \(JSONValue.format(segment.n)))" + (segment.caution ? " *" : "")
                let question = (report.plan.question(segment.by)?.text ?? segment.by).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                output += "    \(safe(question)) — \(safe(segment.group)) : \(shown)\n"
            }
        }
        if !report.objectives.isEmpty {
            output += "\n" + report.objectives.map { objective in
                let text = report.plan.objectives.first { $0.id == objective.id }?.text ?? ""
                return "\(objective.id) \(safe(text)) : \(statusWord(objective.status))"
            }.joined(separator: "\n") + "\n"
        }
        for problem in (aggregate.excluded.examples + aggregate.problems.examples).prefix(10) {
            let column = problem.column.map { ", \(safe($0))" } ?? ""
            let value = problem.value.map { " « \(safe($0)) »" } ?? ""
            output += "\(safe(problem.file)):\(problem.row)\(column)\(value) : \(safe(problem.reason[language]))\n"
        }
        let more = aggregate.excluded.count + aggregate.problems.count - 10
        if more > 0 { output += ReportMessage.text(.impactMoreProblems, ["count": "\(more)"])[language] + "\n" }
        return output
    }

    func format(_ value: Double, proportion: Bool) -> String {
        let number = proportion ? value * 100 : value
        let decimals = proportion ? 1 : number == number.rounded() ? 0 : 2
        let text = language.decimalSeparated(String(format: "%.\(decimals)f", number))
        return proportion ? text + (language == .fr ? " %" : "%") : text
    }

    func statusWord(_ status: Status) -> String {
        switch status {
        case .met: ReportMessage.text(.impactMet)[language]
        case .notMet: ReportMessage.text(.impactNotMet)[language]
        case .unknown: ReportMessage.text(.impactUnknown)[language]
        }
    }
}

import AtelierChecklist
import AtelierCore

/// A checklist as a grid a trainer can print: rules by section, severity, what is checked,
/// why, and the reference behind it.
public struct ChecklistDocument: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// One row per rule, grouped by section in the order of the sections.
    func rows(_ set: ChecklistSet) -> [(section: Section, rules: [Rule])] {
        Section.allCases.compactMap { section in
            let rules = set.rules.filter { $0.section == section }
            return rules.isEmpty ? nil : (section, rules)
        }
    }

    private func title(_ set: ChecklistSet) -> String {
        ReportMessage.text(.docTitle, ["title": set.checklists.first?.title[language] ?? ""])[language]
    }

    private func severity(_ rule: Rule) -> String {
        rule.severity?.word(in: language) ?? ReportMessage.text(.docOff)[language]
    }

    /// A rule's reason with the law it cites: France's, the frame a mockup without a country gets.
    private func why(_ rule: Rule) -> String {
        rule.why.filled(LegalFrame.of(country: nil).arguments)[language]
    }

    private var headers: [String] {
        [ReportMessage.reportColumnRule, .reportColumnSeverity, .docColumnChecked, .docColumnWhy, .docColumnReference].map { ReportMessage.text($0)[language] }
    }

    public func markdown(_ set: ChecklistSet) -> String {
        var output = "# \(MarkdownReporter.escape(title(set)))\n\n"
        output += ReportMessage.text(.docIntro, ["count": "\(set.rules.count)"])[language] + "\n"
        for (section, rules) in rows(set) {
            output += "\n## \(section.title[language])\n\n| " + headers.joined(separator: " | ") + " |\n|---|---|---|---|---|\n"
            for rule in rules {
                let cells = [
                    "`\(rule.id)`", severity(rule), MarkdownReporter.escape(describe(rule)),
                    MarkdownReporter.escape(why(rule)), MarkdownReporter.escape(rule.reference ?? ""),
                ]
                output += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return output
    }

    public func html(_ set: ChecklistSet) -> String {
        var body: [HTMLNode] = [.element("h1", [:], [.text(title(set))]), HTMLNode.newline,
                                .element("p", [:], [.text(ReportMessage.text(.docIntro, ["count": "\(set.rules.count)"])[language])]), HTMLNode.newline]
        for (section, rules) in rows(set) {
            let lines = rules.flatMap { rule -> [HTMLNode] in
                let cells = [rule.id, severity(rule), describe(rule), why(rule), rule.reference ?? ""]
                return [.element("tr", ["class": rule.severity?.rawValue ?? "off"], cells.map { .element("td", [:], [.text($0)]) }), HTMLNode.newline]
            }
            body += [.element("h2", [:], [.text(section.title[language])]), HTMLNode.newline,
                     .element("table", [:], [HTMLNode.newline, .element("tr", [:], headers.map { .element("th", [:], [.text($0)]) }), HTMLNode.newline] + lines), HTMLNode.newline]
        }
        return HTML.page(title: title(set), language: language, style: Self.style, body: HTMLNode.fragment(body).rendered)
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
    th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top;text-align:left;font-size:.9rem}th{background:#eee}
    tr.error td:nth-child(2){font-weight:bold}@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
    """

    /// What a rule checks, in words.
    func describe(_ rule: Rule) -> String {
        let check = describe(rule.check, path: rule.target?.description ?? "")
        guard let condition = rule.condition else { return check }
        let when = describe(condition.check, path: condition.target.description)
        return ReportMessage.text(.checkWhen, ["condition": when, "check": check])[language]
    }

    private func describe(_ check: Check, path: String) -> String {
        let text: Localized
        switch check {
        case .present(let keys) where keys.isEmpty: text = ReportMessage.text(.checkPresent, ["path": path])
        case .present(let keys): text = ReportMessage.text(.checkPresentKeys, ["path": path, "keys": keys.joined(separator: ", ")])
        case .notEmpty: text = ReportMessage.text(.checkNotEmpty, ["path": path])
        case .equals(let value): text = ReportMessage.text(.checkEquals, ["path": path, "value": value])
        case .oneOf(let values): text = ReportMessage.text(.checkOneOf, ["path": path, "values": values.joined(separator: ", ")])
        case .matches(let expression): text = ReportMessage.text(.checkMatches, ["path": path, "pattern": expression.pattern])
        case .atLeast(let value): text = ReportMessage.text(.checkAtLeast, ["path": path, "value": JSONValue.format(value)])
        case let .numberBetween(low, high):
            text = ReportMessage.text(.checkNumberBetween, ["path": path, "low": JSONValue.format(low), "high": JSONValue.format(high)])
        case let .countBetween(min, max?): text = ReportMessage.text(.checkCountBetween, ["path": path, "min": "\(min)", "max": "\(max)"])
        case let .countBetween(min, nil): text = ReportMessage.text(.checkCountAtLeast, ["path": path, "min": "\(min)"])
        case .unique: text = ReportMessage.text(.checkUnique, ["path": path])
        case .refersTo(let target): text = ReportMessage.text(.checkRefersTo, ["path": path, "target": target.description])
        case .dateBefore(let target): text = ReportMessage.text(.checkDateBefore, ["path": path, "target": target.description])
        case .builtin(let name, let options):
            let summary = Builtins.named(name)?.summary[language] ?? name
            let settings = options.values.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.describe($0.value))" }
            return settings.isEmpty ? summary : "\(summary) (\(settings.joined(separator: ", ")))"
        }
        return text[language]
    }

    private static func describe(_ value: BuiltinOptions.OptionValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): JSONValue.format(number)
        case .list(let items): items.joined(separator: ", ")
        }
    }
}

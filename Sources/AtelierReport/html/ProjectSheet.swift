import AtelierChecklist
import AtelierCore
import AtelierMockup

/// The project sheet (« fiche projet », `atelier render`): a one-page view of a mockup to
/// project or print — audiences, objectives with their Bloom level, a timeline of the
/// activities, the alignment matrix with its gaps, the evaluation plan, the readiness and the
/// checklist findings. One self-contained HTML file (inline CSS and SVG, no script), or Markdown.
public struct ProjectSheet: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    // MARK: What both formats show

    private var words: IndicatorWords { IndicatorWords(language: language) }

    /// An indicator's target in words (« ≥ 80 % »), or a dash when it has none.
    func target(_ indicator: Mockup.Indicator) -> String {
        words.target(indicator.target, measure: indicator.measure, isProportion: indicator.measure.isProportion) ?? "—"
    }

    func phaseName(_ phase: Phase) -> String {
        let key: ReportMessage = switch phase {
        case .design: .phaseDesign
        case .prototype: .phasePrototype
        case .test: .phaseTest
        case .communication: .phaseCommunication
        case .run: .phaseRun
        case .evaluation: .phaseEvaluation
        }
        return text(key)
    }

    /// Each phase's colour in the timeline (Okabe–Ito, readable by colour-blind readers).
    static func colour(of phase: Phase) -> String {
        switch phase {
        case .design: "#0072B2"
        case .prototype: "#E69F00"
        case .test: "#009E73"
        case .communication: "#CC79A7"
        case .run: "#D55E00"
        case .evaluation: "#56B4E9"
        }
    }

    /// The declared Bloom level, else the one the objective's verb suggests, in words.
    func bloomLevel(_ objective: Mockup.Objective, mockup: Mockup) -> String {
        let levels = objective.level.flatMap(BloomLevel.init(rawValue:)).map { [$0] }
            ?? BloomAnalyzer.analyze(objective.text, language: mockup.language ?? language).levels.sorted { $0.order < $1.order }
        guard !levels.isEmpty else { return "—" }
        let names = levels.map { ChecklistMessage.text($0.messageKey)[language] }.joined(separator: " / ")
        return objective.level == nil ? text(.projectLevelDetected, ["level": names]) : names
    }

    /// Each objective's activities, tools (those that list it, and those of the activities that
    /// work on it) and indicators.
    func alignment(_ mockup: Mockup) -> [(objective: Mockup.Objective, activities: [String], tools: [String], indicators: [String])] {
        mockup.objectives.map { objective in
            let activities = mockup.activities.filter { $0.objectives.contains(objective.id) }
            let used = Set(activities.flatMap(\.tools))
            return (objective, activities.map(\.id),
                    mockup.tools.filter { $0.objectives.contains(objective.id) || used.contains($0.id) }.map(\.id),
                    (mockup.evaluation?.indicators ?? []).filter { $0.objectives.contains(objective.id) }.map(\.id))
        }
    }

    /// The matrix's cells of one objective: an objective no activity works on, or no indicator
    /// measures, is a gap the checklist reports too (⚠); an objective reached without a digital
    /// tool is not one.
    private func alignmentCells(_ row: (objective: Mockup.Objective, activities: [String], tools: [String], indicators: [String]))
        -> [(text: String, gap: Bool)] {
        [(row.activities, true), (row.tools, false), (row.indicators, true)].map { ids, required in
            ids.isEmpty ? (required ? "⚠ " + text(.projectGap) : "—", required) : (ids.joined(separator: ", "), false)
        }
    }

    /// The activities in phase order, then by start.
    func orderedActivities(_ mockup: Mockup) -> [Mockup.Activity] {
        mockup.activities.sorted {
            let left = Phase.allCases.firstIndex(of: $0.phase) ?? 0
            let right = Phase.allCases.firstIndex(of: $1.phase) ?? 0
            return (left, $0.start) < (right, $1.start)
        }
    }

    /// The warning a sheet opens with while the check finds errors or warnings, with the same
    /// counts as `atelier check`; nil when nothing stands at those levels.
    public func notReady(_ result: CheckResult, file: String) -> String? {
        let standing = result.findings.filter { !$0.isSuppressed }
        let errors = standing.filter { $0.severity == .error }.count
        let warnings = standing.filter { $0.severity == .warning }.count
        guard errors + warnings > 0 else { return nil }
        return text(.projectNotReady, ["errors": "\(errors)", "warnings": "\(warnings)",
                                       "percent": language.percent(result.readiness.score), "file": file])
    }

    func dates(_ mockup: Mockup) -> String? {
        let details = ProjectDetails(language: language)
        return mockup.span.map { text(.projectDates, ["start": details.date($0.start), "end": details.date($0.end)]) }
    }

    // MARK: HTML

    public func html(_ mockup: Mockup, result: CheckResult, file: String) -> String {
        let institution = [mockup.institution?.name, dates(mockup)].compactMap { $0 }.joined(separator: " · ")
        var header: [HTMLNode] = [.element("h1", ["dir": "auto"], [.text(mockup.title)]), .newline]
        if !institution.isEmpty { header += [.element("p", ["class": "meta", "dir": "auto"], [.text(institution)]), .newline] }
        if let summary = mockup.summary { header += [.element("p", ["dir": "auto"], [.text(summary)]), .newline] }
        if let warning = notReady(result, file: file) { header += [.element("p", ["class": "not-ready", "role": "alert"], [.text(warning)]), .newline] }
        let audiences = mockup.audiences.flatMap { audience -> [HTMLNode] in
            var details: [String] = []
            if let expected = audience.expected { details.append(text(.projectExpected, ["count": "\(expected)"])) }
            if !audience.needs.isEmpty { details.append(text(.projectNeeds, ["needs": ProjectDetails(language: language).needs(audience.needs)])) }
            let suffix: [HTMLNode] = details.isEmpty ? [] : [.text(" — " + details.joined(separator: " · "))]
            return [.element("li", ["dir": "auto"], [.element("strong", [:], [.text(audience.label)])] + suffix), .newline]
        }
        var body: [HTMLNode] = [
            .element("header", [:], header), .newline,
            .section(text(.projectAudiences), [.element("ul", [:], [.newline] + audiences)]),
            .section(text(.projectObjectives), [table(.projectObjectiveColumns, rows: mockup.objectives.map { objective in
                [objective.id, objective.text, bloomLevel(objective, mockup: mockup), objective.success ?? "—"].map(cell)
            })]),
            .section(text(.projectTimeline), [.element("div", ["class": "scroll"], [timeline(mockup)])], class: "wide"),
            .section(text(.projectAlignment), [table(.projectAlignmentColumns, class: "matrix", rows: alignment(mockup).map { row in
                [.element("td", ["dir": "auto"], [.element("strong", [:], [.text(row.objective.id)]), .text(" " + row.objective.text)])]
                    + alignmentCells(row).map { $0.gap ? .element("td", ["class": "gap"], [.text($0.text)]) : .element("td", [:], [.text($0.text)]) }
            })]),
        ]
        if let evaluation = mockup.evaluation, !evaluation.indicators.isEmpty {
            body.append(.section(text(.projectEvaluation), [table(.projectEvaluationColumns, rows: evaluation.indicators.map { indicator in
                [indicator.label, words.name(of: indicator.measure), indicator.questions.joined(separator: ", "), target(indicator),
                 indicator.objectives.joined(separator: ", ")].map(cell)
            })]))
        }
        let details = ProjectDetails(language: language).sections(mockup).map { detail in
            HTMLNode.section(detail.title, [.element("dl", ["class": "details"], [.newline] + detail.rows.flatMap { row -> [HTMLNode] in
                [.element("dt", ["dir": "auto"], [.text(row.label)]), .element("dd", ["dir": "auto"], [.text(row.text)]), .newline]
            })])
        }
        body += [.element("div", ["class": "columns"], [.newline] + details), .newline, readiness(result),
                 .element("footer", [:], [.text(text(.projectGenerated, ["file": file]))]), .newline]
        return HTML.page(title: mockup.title, language: language, style: Self.style, body: HTMLNode.fragment(body).rendered)
    }

    /// A cell of text from the mockup, in its own writing direction.
    private func cell(_ value: String) -> HTMLNode {
        .element("td", ["dir": "auto"], [.text(value)])
    }

    /// A table with its header row (`columns`: titles separated by `|`), one row a line. Tables
    /// (and the timeline) sit in a `scroll` box: on a phone they scroll sideways instead of
    /// crushing words.
    private func table(_ columns: ReportMessage, class name: String? = nil, rows: [[HTMLNode]]) -> HTMLNode {
        let heading = text(columns).split(separator: "|").map { HTMLNode.element("th", [:], [.text(String($0))]) }
        return .element("div", ["class": "scroll"], [.element("table", attributes: [("class", name)], [.newline, .element("tr", [:], heading), .newline]
            + rows.flatMap { [HTMLNode.element("tr", [:], $0), .newline] })])
    }

    private func readiness(_ result: CheckResult) -> HTMLNode {
        let bars = result.readiness.sections.flatMap { section, score -> [HTMLNode] in
            [.element("tr", [:], [
                .element("td", [:], [.text(section.title[language])]),
                .element("td", ["class": "bar"], [.element("span", ["style": "width:\(Int((score * 100).rounded()))%"])]),
                .element("td", [:], [.text(language.percent(score))]),
            ]), .newline]
        }
        let standing = result.findings.filter { !$0.isSuppressed }
        let findings: HTMLNode = standing.isEmpty
            ? .element("p", [:], [.text(text(.projectNoFindings))])
            : .element("ul", ["class": "findings"], [.newline] + standing.flatMap { finding -> [HTMLNode] in
                let line = finding.position.map { HTMLNode.text(" (" + text(.projectLine, ["line": "\($0.line)"]) + ")") }
                let fix = finding.fix.map { [HTMLNode.element("br"), .element("span", ["class": "fix"], [.text($0[language])])] } ?? []
                return [.element("li", ["class": finding.severity.rawValue], [.element("strong", [:], [.text(finding.severity.word(in: language))])]
                    + [line].compactMap { $0 } + [.text(language.colon + finding.message[language])] + fix), .newline]
            })
        return .section(text(.projectReadiness, ["percent": language.percent(result.readiness.score)]), [
            .element("div", ["class": "scroll"], [.element("table", ["class": "readiness"], [.newline] + bars)]), .newline, findings, .newline,
        ])
    }

    /// The activities on a dated axis, one row each, grouped by phase (the phase is written,
    /// not only coloured); a one-day activity is a diamond. Drawn as typed SVG nodes.
    func timeline(_ mockup: Mockup) -> HTMLNode {
        let activities = orderedActivities(mockup)
        guard !activities.isEmpty else { return .element("p", [:], [.text("—")]) }
        func end(_ activity: Mockup.Activity) -> Int {
            if let end = activity.end { return end.date.dayNumber }
            let days = Int(((activity.durationMinutes ?? 0) / 1440).rounded(.down))
            return activity.start.date.dayNumber + days
        }
        let first = min(mockup.span?.start.dayNumber ?? .max, activities.map(\.start.date.dayNumber).min()!)
        let last = max(mockup.span?.end.dayNumber ?? .min, activities.map(end).max()!, first + 1)
        let labelWidth = 260.0, plotWidth = 480.0, rowHeight = 22.0, top = 28.0
        let height = top + Double(activities.count) * rowHeight + 8
        func x(_ day: Int) -> Double { labelWidth + Double(day - first) / Double(last - first) * plotWidth }
        let description = text(.projectTimelineDescription, ["count": "\(activities.count)", "start": mockup.span?.start.description ?? "",
                                                              "end": mockup.span?.end.description ?? ""])
        var svg: [HTMLNode] = [.element("title", ["id": "tl-title"], [.text(text(.projectTimeline))]), .element("desc", ["id": "tl-desc"], [.text(description)]),
                               .newline]
        let months = text(.monthsShort).split(separator: "|").map(String.init)
        var tick = mockup.span?.start ?? activities[0].start.date
        tick = CalendarDate(year: tick.year, month: tick.month, day: 1) ?? tick
        while tick.dayNumber <= last {
            if tick.dayNumber >= first {
                let position = x(tick.dayNumber)
                svg += [.shape("line", ["x1": "\(position)", "y1": "\(top - 6)", "x2": "\(position)", "y2": "\(height - 6)", "class": "grid"]),
                        .element("text", ["x": "\(position + 2)", "y": "\(top - 10)", "class": "tick"], [.text(months[tick.month - 1])]), .newline]
            }
            tick = CalendarDate(year: tick.month == 12 ? tick.year + 1 : tick.year, month: tick.month % 12 + 1, day: 1)!
        }
        for (index, activity) in activities.enumerated() {
            let y = top + Double(index) * rowHeight
            let colour = Self.colour(of: activity.phase)
            let label = "\(phaseName(activity.phase)) · \(activity.title)"
            let clipped = label.count > 42 ? String(label.prefix(41)) + "…" : label
            svg.append(.element("text", ["x": "4", "y": "\(y + 15)", "class": "label"], [.element("title", [:], [.text(label)]), .text(clipped)]))
            let start = x(activity.start.date.dayNumber), stop = x(end(activity) + 1)
            if end(activity) > activity.start.date.dayNumber {
                svg.append(.shape("rect", ["x": "\(start)", "y": "\(y + 4)", "width": "\(max(2, stop - start))", "height": "\(rowHeight - 8)", "fill": colour, "rx": "3"]))
            } else {
                let centre = x(activity.start.date.dayNumber) + 2, middle = y + rowHeight / 2
                svg.append(.shape("path", ["d": "M\(centre) \(middle - 7) L\(centre + 7) \(middle) L\(centre) \(middle + 7) L\(centre - 7) \(middle) Z", "fill": colour]))
            }
            svg.append(.newline)
        }
        return .element("svg", ["class": "timeline", "viewBox": "0 0 \(Int(labelWidth + plotWidth + 20)) \(Int(height))", "role": "img",
                                 "aria-labelledby": "tl-title tl-desc"], svg)
    }

    static let style = """
    :root{color-scheme:light}body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.4}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;border-bottom:2px solid #0072B2;margin:1.2rem 0 .5rem}
    .meta{color:#444;font-weight:600}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;font-size:.9rem}
    th{background:#eef3f8}td{overflow-wrap:break-word;hyphens:auto}li,p,h1{overflow-wrap:anywhere}td.gap{background:#fff3cd;font-weight:600}
    .scroll{overflow-x:auto}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
    svg.timeline{width:100%;height:auto;font-size:11px}svg .grid{stroke:#ddd}svg .tick{fill:#555;font-size:10px}svg .label{fill:#1a1a1a}
    .columns{columns:2 24rem;column-gap:2rem}.columns section{break-inside:avoid}.columns h2{margin-top:.6rem}
    dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}dl.details dt{font-weight:600}dl.details dd{margin:0}
    p.not-ready{border:2px solid #D55E00;background:#fff4ec;padding:.6rem .8rem;font-weight:600}
    table.readiness td.bar{width:50%}td.bar span{display:block;height:.8rem;background:#0072B2}
    ul.findings li.error strong{color:#B2182B}ul.findings li.warning strong{color:#8a5a00}.fix{color:#444}
    footer{margin-top:1.5rem;color:#666;font-size:.8rem}
    @media (max-width:40rem){body{padding:.5rem}th,td{font-size:.8rem}svg.timeline{min-width:38rem}}
    @page{size:A4;margin:10mm}
    @media print{body{max-width:none;padding:0;font-size:8.5pt;line-height:1.25}h1{font-size:14pt}h2{break-after:avoid;font-size:10.5pt;margin:.5rem 0 .25rem}
    .columns{columns:2}table.readiness{width:70%}svg.timeline{max-height:60mm}
    th,td{font-size:8.5pt;padding:.1rem .3rem}table.readiness td{padding:0 .3rem}td.bar span{height:.6rem}p.not-ready{padding:.3rem .5rem}tr,li,svg{break-inside:avoid}section{break-inside:auto}.scroll{overflow:visible}}
    """

    // MARK: Markdown

    public func markdown(_ mockup: Mockup, result: CheckResult, file: String) -> String {
        let escape = MarkdownReporter.escape
        func table(_ columns: ReportMessage, _ rows: [[String]]) -> String {
            let titles = text(columns).split(separator: "|").map(String.init)
            var output = "| " + titles.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: titles.count) + "\n"
            for row in rows { output += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return output
        }
        var output = "# \(escape(mockup.title))\n\n"
        if let meta = [mockup.institution?.name, dates(mockup)].compactMap({ $0 }).nonEmptyJoined { output += "*\(escape(meta))*\n\n" }
        if let summary = mockup.summary { output += escape(summary) + "\n\n" }
        if let warning = notReady(result, file: file) { output += "> **\(escape(warning))**\n\n" }
        output += "## \(text(.projectAudiences))\n\n"
        for audience in mockup.audiences {
            output += "- **\(escape(audience.label))**" + (audience.expected.map { " — " + text(.projectExpected, ["count": "\($0)"]) } ?? "") + "\n"
        }
        output += "\n## \(text(.projectObjectives))\n\n"
        output += table(.projectObjectiveColumns, mockup.objectives.map { [$0.id, $0.text, bloomLevel($0, mockup: mockup), $0.success ?? "—"] })
        output += "\n## \(text(.projectTimeline))\n\n"
        for activity in orderedActivities(mockup) {
            output += "- \(activity.start.description) — \(escape(phaseName(activity.phase)))\(language.colon)\(escape(activity.title))\n"
        }
        output += "\n## \(text(.projectAlignment))\n\n"
        output += table(.projectAlignmentColumns, alignment(mockup).map { row in
            ["\(row.objective.id) \(row.objective.text)"] + alignmentCells(row).map(\.text)
        })
        if let indicators = mockup.evaluation?.indicators, !indicators.isEmpty {
            output += "\n## \(text(.projectEvaluation))\n\n"
            output += table(.projectEvaluationColumns, indicators.map {
                [$0.label, words.name(of: $0.measure), $0.questions.joined(separator: ", "), target($0), $0.objectives.joined(separator: ", ")]
            })
        }
        for section in ProjectDetails(language: language).sections(mockup) {
            output += "\n## \(escape(section.title))\n\n" + section.rows.map { "- **\(escape($0.label))**\(language.colon)\(escape($0.text))\n" }.joined()
        }
        output += "\n## \(text(.projectReadiness, ["percent": language.percent(result.readiness.score)]))\n\n"
        for (section, score) in result.readiness.sections { output += "- \(section.title[language])\(language.colon)\(language.percent(score))\n" }
        let standing = result.findings.filter { !$0.isSuppressed }
        output += "\n" + (standing.isEmpty ? text(.projectNoFindings) + "\n" : standing.map { finding in
            "- **\(finding.severity.word(in: language))**" + (finding.position.map { " (\(text(.projectLine, ["line": "\($0.line)"])))" } ?? "")
                + "\(language.colon)\(escape(finding.message[language]))\n"
        }.joined())
        return output
    }
}

private extension Array where Element == String {
    var nonEmptyJoined: String? { isEmpty ? nil : joined(separator: " · ") }
}

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
        let escape = HTML.escape
        var body = "<header><h1 dir=\"auto\">\(escape(mockup.title))</h1>\n"
        let institution = [mockup.institution?.name, dates(mockup)].compactMap { $0 }.joined(separator: " · ")
        if !institution.isEmpty { body += "<p class=\"meta\" dir=\"auto\">\(escape(institution))</p>\n" }
        if let summary = mockup.summary { body += "<p dir=\"auto\">\(escape(summary))</p>\n" }
        if let warning = notReady(result, file: file) { body += "<p class=\"not-ready\" role=\"alert\">\(escape(warning))</p>\n" }
        body += "</header>\n<section><h2>\(escape(text(.projectAudiences)))</h2>\n<ul>\n"
        for audience in mockup.audiences {
            var details: [String] = []
            if let expected = audience.expected { details.append(text(.projectExpected, ["count": "\(expected)"])) }
            if !audience.needs.isEmpty { details.append(text(.projectNeeds, ["needs": ProjectDetails(language: language).needs(audience.needs)])) }
            let suffix = details.isEmpty ? "" : " — " + escape(details.joined(separator: " · "))
            body += "<li dir=\"auto\"><strong>\(escape(audience.label))</strong>\(suffix)</li>\n"
        }
        body += "</ul></section>\n<section><h2>\(escape(text(.projectObjectives)))</h2>\n" + tableStart(.projectObjectiveColumns)
        for objective in mockup.objectives {
            let cells = [objective.id, objective.text, bloomLevel(objective, mockup: mockup), objective.success ?? "—"]
            body += "<tr>" + cells.map { "<td dir=\"auto\">\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        body += Self.tableEnd + "</section>\n<section class=\"wide\"><h2>\(escape(text(.projectTimeline)))</h2>\n"
        body += "<div class=\"scroll\">\(timeline(mockup))</div></section>\n"
        body += "<section><h2>\(escape(text(.projectAlignment)))</h2>\n" + tableStart(.projectAlignmentColumns, class: "matrix")
        for row in alignment(mockup) {
            body += "<tr><td dir=\"auto\"><strong>\(escape(row.objective.id))</strong> \(escape(row.objective.text))</td>"
            for cell in alignmentCells(row) {
                body += cell.gap ? "<td class=\"gap\">\(escape(cell.text))</td>" : "<td>\(escape(cell.text))</td>"
            }
            body += "</tr>\n"
        }
        body += Self.tableEnd + "</section>\n"
        if let evaluation = mockup.evaluation, !evaluation.indicators.isEmpty {
            body += "<section><h2>\(escape(text(.projectEvaluation)))</h2>\n" + tableStart(.projectEvaluationColumns)
            for indicator in evaluation.indicators {
                let cells = [indicator.label, words.name(of: indicator.measure), indicator.questions.joined(separator: ", "), target(indicator),
                             indicator.objectives.joined(separator: ", ")]
                body += "<tr>" + cells.map { "<td dir=\"auto\">\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            body += Self.tableEnd + "</section>\n"
        }
        body += "<div class=\"columns\">\n"
        for section in ProjectDetails(language: language).sections(mockup) {
            body += "<section><h2>\(escape(section.title))</h2>\n<dl class=\"details\">\n"
            for row in section.rows { body += "<dt dir=\"auto\">\(escape(row.label))</dt><dd dir=\"auto\">\(escape(row.text))</dd>\n" }
            body += "</dl></section>\n"
        }
        body += "</div>\n" + readiness(result)
        body += "<footer>\(escape(text(.projectGenerated, ["file": file])))</footer>\n"
        return HTML.page(title: mockup.title, language: language, style: Self.style, body: body)
    }

    /// Opens a table with its header row (`columns`: titles separated by `|`). Tables (and the
    /// timeline) sit in a `scroll` box: on a phone they scroll sideways instead of crushing words.
    private func tableStart(_ columns: ReportMessage, class name: String? = nil) -> String {
        let heading = text(columns).split(separator: "|").map { "<th>\(HTML.escape(String($0)))</th>" }.joined()
        return "<div class=\"scroll\"><table\(name.map { " class=\"\($0)\"" } ?? "")>\n<tr>\(heading)</tr>\n"
    }

    private static let tableEnd = "</table></div>"

    private func readiness(_ result: CheckResult) -> String {
        let escape = HTML.escape
        var body = "<section><h2>\(escape(text(.projectReadiness, ["percent": language.percent(result.readiness.score)])))</h2>\n"
            + "<div class=\"scroll\"><table class=\"readiness\">\n"
        for (section, score) in result.readiness.sections {
            let width = Int((score * 100).rounded())
            body += "<tr><td>\(escape(section.title[language]))</td><td class=\"bar\"><span style=\"width:\(width)%\"></span></td><td>\(language.percent(score))</td></tr>\n"
        }
        body += Self.tableEnd + "\n"
        let standing = result.findings.filter { !$0.isSuppressed }
        if standing.isEmpty {
            body += "<p>\(escape(text(.projectNoFindings)))</p>\n"
        } else {
            body += "<ul class=\"findings\">\n"
            for finding in standing {
                let line = finding.position.map { " (\(escape(text(.projectLine, ["line": "\($0.line)"]))))" } ?? ""
                let fix = finding.fix.map { "<br><span class=\"fix\">\(escape($0[language]))</span>" } ?? ""
                body += "<li class=\"\(finding.severity.rawValue)\"><strong>\(escape(finding.severity.word(in: language)))</strong>\(line)\(escape(language.colon))"
                    + "\(escape(finding.message[language]))\(fix)</li>\n"
            }
            body += "</ul>\n"
        }
        return body + "</section>\n"
    }

    /// The activities on a dated axis, one row each, grouped by phase (the phase is written,
    /// not only coloured); a one-day activity is a diamond.
    func timeline(_ mockup: Mockup) -> String {
        let activities = orderedActivities(mockup)
        guard !activities.isEmpty else { return "<p>—</p>" }
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
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(Int(labelWidth + plotWidth + 20)) \(Int(height))\" role=\"img\" aria-labelledby=\"tl-title tl-desc\">"
        svg += "<title id=\"tl-title\">\(HTML.escape(text(.projectTimeline)))</title><desc id=\"tl-desc\">\(HTML.escape(description))</desc>\n"
        let months = text(.monthsShort).split(separator: "|").map(String.init)
        var tick = mockup.span?.start ?? activities[0].start.date
        tick = CalendarDate(year: tick.year, month: tick.month, day: 1) ?? tick
        while tick.dayNumber <= last {
            if tick.dayNumber >= first {
                let position = x(tick.dayNumber)
                svg += "<line x1=\"\(position)\" y1=\"\(top - 6)\" x2=\"\(position)\" y2=\"\(height - 6)\" class=\"grid\"/>"
                svg += "<text x=\"\(position + 2)\" y=\"\(top - 10)\" class=\"tick\">\(HTML.escape(months[tick.month - 1]))</text>\n"
            }
            tick = CalendarDate(year: tick.month == 12 ? tick.year + 1 : tick.year, month: tick.month % 12 + 1, day: 1)!
        }
        for (index, activity) in activities.enumerated() {
            let y = top + Double(index) * rowHeight
            let colour = Self.colour(of: activity.phase)
            let label = "\(phaseName(activity.phase)) · \(activity.title)"
            let clipped = label.count > 42 ? String(label.prefix(41)) + "…" : label
            svg += "<text x=\"4\" y=\"\(y + 15)\" class=\"label\"><title>\(HTML.escape(label))</title>\(HTML.escape(clipped))</text>"
            let start = x(activity.start.date.dayNumber), stop = x(end(activity) + 1)
            if end(activity) > activity.start.date.dayNumber {
                svg += "<rect x=\"\(start)\" y=\"\(y + 4)\" width=\"\(max(2, stop - start))\" height=\"\(rowHeight - 8)\" fill=\"\(colour)\" rx=\"3\"/>\n"
            } else {
                let centre = x(activity.start.date.dayNumber) + 2, middle = y + rowHeight / 2
                svg += "<path d=\"M\(centre) \(middle - 7) L\(centre + 7) \(middle) L\(centre) \(middle + 7) L\(centre - 7) \(middle) Z\" fill=\"\(colour)\"/>\n"
            }
        }
        return svg + "</svg>"
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

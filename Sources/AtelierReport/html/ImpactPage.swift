import AtelierCore
import AtelierImpact
import AtelierMockup
import Foundation

/// The impact report as one self-contained HTML page (`impact --html`): the indicators against
/// their targets first (the status in words and a symbol, never colour alone), then the charts
/// people expect — the NPS split, pre/post bars for gains, a diverging stacked bar per scale
/// question, bars for the other distributions — each an SVG with a title, a description and its
/// data table; the segment tables with small cells suppressed, the excluded rows summarised,
/// and the methods.
public struct ImpactPage: Sendable {
    public let language: Language
    /// The files read, each with how it was read.
    public let sources: [(file: String, method: Localized)]

    /// Whether the open answers are listed (`impact --no-verbatims` leaves them out).
    public var listsVerbatims = true

    public init(language: Language, sources: [(file: String, method: Localized)]) {
        self.language = language
        self.sources = sources
    }

    private var words: ImpactText { ImpactText(language: language) }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        HTML.escape(ReportMessage.text(key, arguments)[language])
    }

    public func html(_ report: ImpactReport, engine: IndicatorEngine, sites: [SiteReport] = []) -> String {
        let escape = HTML.escape
        let aggregate = report.aggregate
        var body = "<header><p class=\"kicker\">\(text(.pageImpactKicker))</p><h1 dir=\"auto\">\(escape(report.title))</h1>\n"
        body += "<p class=\"meta\">" + text(.impactSummaryRows, ["files": "\(aggregate.files.count)", "rows": "\(aggregate.rows)", "used": "\(aggregate.used)",
                                                                 "excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)"]) + "</p></header>\n"
        body += "<section><h2>\(text(.pageKeyFigures))</h2>\n<div class=\"cards\">\n"
        for result in report.indicators {
            body += card(result)
        }
        body += "</div>\n"
        if !report.objectives.isEmpty {
            body += "<h3>\(text(.pageObjectives))</h3>\n<ul class=\"objectives\">\n" + report.objectives.map { objective in
                let goal = report.plan.objectives.first { $0.id == objective.id }?.text ?? ""
                let measured = objective.indicators.compactMap { id in report.indicators.first { $0.indicator.id == id }?.indicator.label }
                return "<li dir=\"auto\"><strong>\(escape(objective.id))</strong> \(escape(goal)) — \(statusMark(objective.status))"
                    + (measured.isEmpty ? "" : " <span class=\"small\">(\(escape(measured.joined(separator: ", "))))</span>") + "</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        body += "</section>\n"
        var chartIndex = 0
        func nextID() -> String {
            chartIndex += 1
            return "chart\(chartIndex)"
        }
        for result in report.indicators {
            let details = Dictionary(result.details.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            switch result.indicator.measure {
            case .nps where details["promoters"] != nil:
                let parts = [(ReportMessage.text(.pageDetractors), details["detractors"] ?? 0), (ReportMessage.text(.pagePassives), details["passives"] ?? 0),
                             (ReportMessage.text(.pagePromoters), details["promoters"] ?? 0)]
                body += section(result.indicator.label, chart: stackedBar(parts, colours: ["#B2182B", "#BDBDBD", "#2166AC"], id: nextID(),
                                                                          title: result.indicator.label))
            case .outcomes where !IndicatorWords(language: language).categories(of: result).isEmpty:
                let parts = IndicatorWords(language: language).categories(of: result).map { (Localized(verbatim: $0.name), $0.share * 100) }
                body += section(result.indicator.label, chart: bars(parts, id: nextID(), title: result.indicator.label, decimals: 1))
            case .gain where details["pre"] != nil, .change where details["pre"] != nil:
                let parts = [(ReportMessage.text(.pageBefore), details["pre"] ?? 0), (ReportMessage.text(.pageAfter), details["post"] ?? 0)]
                body += section(result.indicator.label, chart: bars(parts, id: nextID(), title: result.indicator.label, decimals: 2))
            default:
                continue
            }
        }
        for (question, counts) in engine.distributions(aggregate) {
            let chart: String
            if case .scale(let scale) = question.kind, scale.levels.count >= 3, scale.levels.count <= 7 {
                chart = stackedBar(counts.map { ($0.label, $0.count) }, colours: ImpactWorkbook.colours(counts.count).map { String(format: "#%06X", $0) }, id: nextID(), title: question.text)
            } else {
                chart = bars(counts.map { ($0.label, $0.count) }, id: nextID(), title: question.text, decimals: 0)
            }
            body += section(question.text, chart: chart)
        }
        body += self.sites(report, sites, chartID: nextID)
        body += segments(report)
        body += verbatims(report)
        body += excluded(aggregate)
        body += methods(report)
        return HTML.page(title: report.title, language: language, style: Self.style, body: body)
    }

    // MARK: Parts

    private func statusMark(_ status: Status) -> String {
        let symbol = switch status {
        case .met: "✔"
        case .notMet: "✘"
        case .unknown: "?"
        }
        return "<span class=\"status \(status.rawValue)\">\(symbol) \(HTML.escape(words.statusWord(status)))</span>"
    }

    private func card(_ result: IndicatorResult) -> String {
        let escape = HTML.escape
        let indicatorWords = IndicatorWords(language: language)
        let value = result.value.map { indicatorWords.value($0, of: result) } ?? "—"
        var lines = ["<div class=\"card \(result.status.rawValue)\"><p class=\"label\" dir=\"auto\">\(escape(result.indicator.label))</p>",
                     "<p class=\"value\">\(escape(value))</p>", "<p>\(statusMark(result.status))</p>"]
        if let target = indicatorWords.target(of: result) { lines.append("<p class=\"small\">\(text(.impactTargetWord)) \(escape(target))</p>") }
        var figures: [String] = []
        if let n = result.n { figures.append("n = \(JSONValue.format(n))") }
        if let interval = result.interval {
            figures.append(text(.pageInterval, ["low": indicatorWords.figure(interval.lowerBound, of: result),
                                                "high": indicatorWords.figure(interval.upperBound, of: result)]))
        }
        if !figures.isEmpty { lines.append("<p class=\"small\">\(figures.joined(separator: " · "))</p>") }
        if let statistics = indicatorWords.statistics(of: result) { lines.append("<p class=\"small\">\(escape(statistics))</p>") }
        if let note = result.note { lines.append("<p class=\"small\" dir=\"auto\">\(escape(note[language]))</p>") }
        return lines.joined() + "</div>\n"
    }

    private func section(_ title: String, chart: String) -> String {
        "<section class=\"chart\"><h3 dir=\"auto\">\(HTML.escape(title))</h3>\n\(chart)</section>\n"
    }

    /// The data table under every chart: each part, its count and its share.
    private func dataTable(_ parts: [(label: Localized, value: Double)], decimals: Int, shares: Bool) -> String {
        let total = parts.map(\.value).reduce(0, +)
        var table = "<table class=\"data\"><tr><th>\(text(.pageAnswer))</th><th>\(text(decimals == 0 ? .pageCount : .pageValue))</th>"
        table += shares ? "<th>%</th></tr>\n" : "</tr>\n"
        for part in parts {
            table += "<tr><td dir=\"auto\">\(HTML.escape(part.label[language]))</td><td>\(HTML.escape(language.number(part.value, decimals: decimals)))</td>"
            table += shares ? "<td>\(total > 0 ? HTML.escape(words.format(part.value / total, proportion: true)) : "—")</td></tr>\n" : "</tr>\n"
        }
        return table + "</table>\n"
    }

    private func svgHeader(id: String, title: String, description: String, height: Int) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 640 \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(description))</desc>\n"
    }

    private func describe(_ parts: [(label: Localized, value: Double)], decimals: Int) -> String {
        parts.map { "\($0.label[language]) : \(language.number($0.value, decimals: decimals))" }.joined(separator: " ; ")
    }

    /// One 100 % bar split by the parts, low to high, with each share written on or under it.
    func stackedBar(_ parts: [(label: Localized, value: Double)], colours: [String], id: String, title: String) -> String {
        let total = parts.map(\.value).reduce(0, +)
        let legendRows = (parts.count + 2) / 3
        var svg = svgHeader(id: id, title: title, description: describe(parts, decimals: 0), height: 56 + legendRows * 20)
        var x = 10.0
        for (index, part) in parts.enumerated() where total > 0 {
            let width = part.value / total * 620
            svg += "<rect x=\"\(x)\" y=\"8\" width=\"\(width)\" height=\"28\" fill=\"\(colours[index % colours.count])\"/>"
            if width >= 34 {
                svg += "<text x=\"\(x + width / 2)\" y=\"27\" class=\"share\">\(HTML.escape(words.format(part.value / total, proportion: true)))</text>"
            }
            x += width
        }
        for (index, part) in parts.enumerated() {
            let column = Double(index % 3) * 210 + 10, row = Double(48 + (index / 3) * 20)
            svg += "<rect x=\"\(column)\" y=\"\(row)\" width=\"12\" height=\"12\" fill=\"\(colours[index % colours.count])\"/>"
            svg += "<text x=\"\(column + 18)\" y=\"\(row + 10)\" class=\"legend\">\(HTML.escape(part.label[language]))</text>"
        }
        return svg + "</svg>\n" + dataTable(parts, decimals: 0, shares: true)
    }

    /// Horizontal bars, one per part, with the value at the end of each.
    func bars(_ parts: [(label: Localized, value: Double)], id: String, title: String, decimals: Int) -> String {
        let top = max(parts.map(\.value).max() ?? 0, 1e-9)
        var svg = svgHeader(id: id, title: title, description: describe(parts, decimals: decimals), height: 10 + parts.count * 26)
        for (index, part) in parts.enumerated() {
            let y = 6 + index * 26
            let label = part.label[language]
            let clipped = label.count > 28 ? String(label.prefix(27)) + "…" : label
            svg += "<text x=\"200\" y=\"\(y + 15)\" class=\"category\"><title>\(HTML.escape(label))</title>\(HTML.escape(clipped))</text>"
            let width = part.value / top * 380
            svg += "<rect x=\"210\" y=\"\(y + 2)\" width=\"\(max(width, 1))\" height=\"18\" fill=\"#0072B2\"/>"
            svg += "<text x=\"\(216 + width)\" y=\"\(y + 16)\" class=\"amount\">\(HTML.escape(language.number(part.value, decimals: decimals)))</text>\n"
        }
        return svg + "</svg>\n" + dataTable(parts, decimals: decimals, shares: decimals == 0)
    }

    /// Each indicator across the network's sites: a dot per site on the indicator's scale, the
    /// network's value as a line, and the table of the same figures (a small site shows no value).
    private func sites(_ report: ImpactReport, _ sites: [SiteReport], chartID: () -> String) -> String {
        guard !sites.isEmpty else { return "" }
        let indicatorWords = IndicatorWords(language: language)
        var body = "<section><h2>\(text(.pageSites))</h2>\n"
        for result in report.indicators where result.indicator.source != .observation {
            let figures = sites.compactMap { site in site.figure(result.indicator.id).map { (site.name, $0) } }
            guard !figures.isEmpty else { continue }
            body += "<h3 dir=\"auto\">\(HTML.escape(result.indicator.label))</h3>\n"
            let shown = figures.compactMap { name, figure in figure.value.map { (name, $0) } }
            if !shown.isEmpty {
                let values = shown.map(\.1) + (result.value.map { [$0] } ?? [])
                // The axis: a share from 0 to 100 %, an NPS from −100 to +100, other values from 0 (or
                // their minimum) to a quarter past their maximum.
                let (low, high): (Double, Double) = result.isProportion ? (0, 1) : result.indicator.measure == .nps ? (-100, 100)
                    : (min(values.min() ?? 0, 0), max((values.max() ?? 1) * 1.25, 1e-9))
                let x = { (value: Double) in 210 + (value - low) / max(high - low, 1e-9) * 370 }
                let description = shown.map { "\($0.0) \(indicatorWords.figure($0.1, of: result))" }.joined(separator: ", ")
                let axis = 12 + shown.count * 24
                var svg = svgHeader(id: chartID(), title: result.indicator.label, description: description, height: axis + 18)
                svg += "<line x1=\"210\" x2=\"580\" y1=\"\(axis)\" y2=\"\(axis)\" stroke=\"#999\"/>"
                svg += "<text x=\"210\" y=\"\(axis + 14)\" class=\"amount\">\(HTML.escape(indicatorWords.figure(low, of: result)))</text>"
                svg += "<text x=\"580\" y=\"\(axis + 14)\" class=\"amount\" text-anchor=\"end\">\(HTML.escape(indicatorWords.figure(high, of: result)))</text>\n"
                if let network = result.value {
                    svg += "<line x1=\"\(x(network))\" x2=\"\(x(network))\" y1=\"2\" y2=\"\(10 + shown.count * 24)\" stroke=\"#555\" stroke-dasharray=\"4 3\"><title>\(text(.xlsxNetwork)) \(HTML.escape(indicatorWords.figure(network, of: result)))</title></line>"
                }
                for (index, (name, value)) in shown.enumerated() {
                    let y = 8 + index * 24
                    svg += "<text x=\"200\" y=\"\(y + 12)\" class=\"category\">\(HTML.escape(name.count > 28 ? String(name.prefix(27)) + "…" : name))</text>"
                    svg += "<circle cx=\"\(x(value))\" cy=\"\(y + 8)\" r=\"6\" fill=\"#0072B2\"/>"
                    svg += "<text x=\"\(x(value) + 10)\" y=\"\(y + 12)\" class=\"amount\">\(HTML.escape(indicatorWords.figure(value, of: result)))</text>\n"
                }
                body += svg + "</svg>\n"
            }
            body += "<table><tr><th>\(text(.pageSite))</th><th>n</th><th>\(text(.pageValue))</th><th>\(text(.pageStatus))</th></tr>\n"
            let network = (n: result.n, value: result.value, status: result.status, suppressed: false)
            for (name, figure) in [(ReportMessage.text(.xlsxNetwork)[language], network)] + figures {
                let value = figure.suppressed ? "n &lt; \(JSONValue.format(report.suppressBelow))" : HTML.escape(figure.value.map { indicatorWords.figure($0, of: result) } ?? "—")
                body += "<tr><td dir=\"auto\">\(HTML.escape(name))</td><td>\(figure.n.map { JSONValue.format($0) } ?? "—")</td><td>\(value)</td><td>\(statusMark(figure.status))</td></tr>\n"
            }
            body += "</table>\n"
        }
        return body + "</section>\n"
    }

    private func segments(_ report: ImpactReport) -> String {
        let withSegments = report.indicators.filter { !$0.segments.isEmpty }
        guard !withSegments.isEmpty else { return "" }
        var body = "<section><h2>\(text(.pageSegments))</h2>\n"
        for result in withSegments {
            body += "<h3 dir=\"auto\">\(HTML.escape(result.indicator.label))</h3>\n<table><tr><th>\(text(.pageSegment))</th><th>\(text(.pageGroup))</th>"
                + "<th>n</th><th>\(text(.pageValue))</th></tr>\n"
            for segment in result.segments {
                let value = segment.suppressed ? "n &lt; \(JSONValue.format(report.suppressBelow))"
                    : HTML.escape((segment.value.map { words.format($0, proportion: result.isProportion) } ?? "—") + (segment.caution ? " *" : ""))
                body += "<tr><td dir=\"auto\">\(HTML.escape(report.plan.question(segment.by)?.text ?? segment.by))</td><td dir=\"auto\">\(HTML.escape(segment.group))</td>"
                    + "<td>\(segment.suppressed ? "—" : JSONValue.format(segment.n))</td><td>\(value)</td></tr>\n"
            }
            body += "</table>\n"
        }
        return body + "<p class=\"small\">\(text(.pageSegmentNote, ["suppress": JSONValue.format(report.suppressBelow), "caution": JSONValue.format(report.cautionBelow)]))</p></section>\n"
    }

    private func excluded(_ aggregate: SurveyAggregate) -> String {
        guard !aggregate.excluded.isEmpty || !aggregate.problems.isEmpty else { return "" }
        var reasons: [(String, Int)] = []
        for kind in RowProblem.Kind.allCases {
            let count = aggregate.excluded.count(of: kind) + aggregate.problems.count(of: kind)
            if count > 0 { reasons.append((ProblemWords.kind(kind)[language], count)) }
        }
        var body = "<section><h2>\(text(.pageExcluded))</h2>\n<p>\(text(.pageExcludedSummary, ["excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)"]))</p>\n"
        body += "<table><tr><th>\(text(.pageReason))</th><th>\(text(.pageCount))</th></tr>\n"
        for (reason, count) in reasons.sorted(by: { $0.1 > $1.1 }) {
            body += "<tr><td dir=\"auto\">\(HTML.escape(reason))</td><td>\(count)</td></tr>\n"
        }
        return body + "</table></section>\n"
    }

    private func methods(_ report: ImpactReport) -> String {
        var body = "<section><h2>\(text(.pageMethods))</h2>\n<ul>\n"
        for source in sources {
            body += "<li dir=\"auto\">\(HTML.escape(source.file)) — \(HTML.escape(source.method[language]))</li>\n"
        }
        for reading in report.aggregate.readings {
            body += "<li dir=\"auto\">\(HTML.escape(reading.sentence[language]))</li>\n"
        }
        body += "</ul>\n<p>\(text(.pageMethodsText))</p>\n"
        return body + "<p>\(HTML.escape(ImpactWorkbook.verbatimNote(report, listed: listsVerbatims)[language]))</p></section>\n"
    }

    /// The open answers by question and segment group, as text.
    private func verbatims(_ report: ImpactReport) -> String {
        guard listsVerbatims, !report.aggregate.verbatims.isEmpty else { return "" }
        var body = "<section><h2>\(text(.pageVerbatims))</h2>\n"
        for question in report.plan.questions {
            guard let answers = report.aggregate.verbatims[question.id], !answers.isEmpty else { continue }
            body += "<h3 dir=\"auto\">\(HTML.escape(question.text))</h3>\n<ul class=\"verbatims\">\n"
            for answer in answers {
                let group = answer.group.map { " <span class=\"small\">(\(HTML.escape($0)))</span>" } ?? ""
                body += "<li dir=\"auto\">« \(HTML.escape(answer.text)) »\(group)</li>\n"
            }
            body += "</ul>\n"
        }
        return body + "</section>\n"
    }

    static let style = """
    :root{color-scheme:light}body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.4}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid #2166AC;margin:1.4rem 0 .6rem}h3{font-size:1rem;margin:1rem 0 .3rem}
    .kicker{text-transform:uppercase;letter-spacing:.05em;color:#555;margin:0;font-size:.8rem}.meta,.small{color:#444}.small{font-size:.85rem;margin:.15rem 0}
    h1,h3,p,td,li{overflow-wrap:anywhere}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.6rem}
    .card{border:1px solid #bbb;border-left:6px solid #777;padding:.5rem .7rem;border-radius:4px}.card p{margin:.15rem 0}
    .card.met{border-left-color:#2166AC}.card.not-met{border-left-color:#B2182B}.card .label{font-weight:600}.card .value{font-size:1.6rem;font-weight:700}
    .status{font-weight:700}.status.met{color:#1b4f8a}.status.not-met{color:#9b1520}.status.unknown{color:#555}
    svg.chart{width:100%;max-width:40rem;height:auto;font-size:12px}svg .share{fill:#000;text-anchor:middle;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}
    svg .legend,svg .amount{fill:#1a1a1a}svg .category{fill:#1a1a1a;text-anchor:end}
    table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid #bbb;padding:.2rem .45rem;text-align:left;font-size:.85rem}th{background:#eef3f8}
    table.data{font-size:.8rem}section.chart{display:grid;grid-template-columns:minmax(0,1fr)}
    @media (min-width:52rem){section.chart{grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}section.chart h3{grid-column:1/-1}}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
    @page{size:A4;margin:12mm}@media print{body{max-width:none;padding:0;font-size:10pt}section.chart,tr,.card{break-inside:avoid}h2,h3{break-after:avoid}}
    """
}

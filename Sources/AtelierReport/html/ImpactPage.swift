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
public struct ImpactPage: PresentsImpact {
    public let presentation: ImpactPresentation

    public init(_ presentation: ImpactPresentation) {
        self.presentation = presentation
    }

    private var words: ImpactText { ImpactText(language: language) }

    private func text(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String {
        ReportMessage.text(key, arguments)[language]
    }

    public func html(_ report: ImpactReport, engine: IndicatorEngine, sites: [SiteReport] = []) -> String {
        let aggregate = report.aggregate
        let summary = text(.impactSummaryRows, ["files": "\(aggregate.files.count)", "rows": "\(aggregate.rows)", "used": "\(aggregate.used)",
                                                "excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)"])
        var figures: [HTMLNode] = [.element("div", ["class": "cards"], [.newline] + report.indicators.map(card)), .newline]
        if !report.objectives.isEmpty {
            let items = report.objectives.map { objective -> HTMLNode in
                let goal = report.plan.objectives.first { $0.id == objective.id }?.text ?? ""
                let measured = objective.indicators.compactMap { id in report.indicators.first { $0.indicator.id == id }?.indicator.label }
                let list: [HTMLNode] = measured.isEmpty ? [] : [.text(" "), .element("span", ["class": "small"], [.text("(\(measured.joined(separator: ", ")))")])]
                return .element("li", ["dir": "auto"], [.element("strong", [:], [.text(objective.id)]), .text(" \(goal) — "), statusMark(objective.status)] + list)
            }
            figures += [.element("h3", [:], [.text(text(.pageObjectives))]), .newline,
                        .element("ul", ["class": "objectives"], [.newline] + items.flatMap { [$0, .newline] }), .newline]
        }
        var body: [HTMLNode] = [
            .element("header", [:], [.element("p", ["class": "kicker"], [.text(text(.pageImpactKicker))]), .element("h1", ["dir": "auto"], [.text(report.title)]),
                                     .newline, .element("p", ["class": "meta"], [.text(summary)])]),
            .newline,
            .section(text(.pageKeyFigures), figures),
        ]
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
                body.append(chartSection(result.indicator.label, chart: stackedBar(parts, colours: ["#B2182B", "#BDBDBD", "#2166AC"], id: nextID(),
                                                                              title: result.indicator.label)))
            case .outcomes where !IndicatorWords(language: language).categories(of: result).isEmpty:
                let parts = IndicatorWords(language: language).categories(of: result).map { (Localized(verbatim: $0.name), $0.share * 100) }
                body.append(chartSection(result.indicator.label, chart: bars(parts, id: nextID(), title: result.indicator.label, decimals: 1)))
            case .gain where details["pre"] != nil, .change where details["pre"] != nil:
                let parts = [(ReportMessage.text(.pageBefore), details["pre"] ?? 0), (ReportMessage.text(.pageAfter), details["post"] ?? 0)]
                body.append(chartSection(result.indicator.label, chart: bars(parts, id: nextID(), title: result.indicator.label, decimals: 2)))
            default:
                continue
            }
        }
        for (question, counts) in engine.distributions(aggregate) {
            let chart: [HTMLNode]
            if case .scale(let scale) = question.kind, scale.levels.count >= 3, scale.levels.count <= 7 {
                chart = stackedBar(counts.map { ($0.label, $0.count) }, colours: ImpactWorkbook.colours(counts.count).map { String(format: "#%06X", $0) }, id: nextID(), title: question.text)
            } else {
                chart = bars(counts.map { ($0.label, $0.count) }, id: nextID(), title: question.text, decimals: 0)
            }
            body.append(chartSection(question.text, chart: chart))
        }
        body += [self.sites(report, sites, chartID: nextID), segments(report), verbatims(report), excluded(aggregate), methods(report)].compactMap { $0 }
        return HTML.page(title: report.title, language: language, style: Self.style, body: HTMLNode.fragment(body).rendered)
    }

    // MARK: Parts

    /// A table: its header row, then one row a line.
    private func table(_ headings: [String], rows: [[HTMLNode]], class name: String? = nil) -> HTMLNode {
        .element("table", attributes: [("class", name)], [.element("tr", [:], headings.map { .element("th", [:], [.text($0)]) }), .newline]
            + rows.flatMap { [HTMLNode.element("tr", [:], $0), .newline] })
    }

    private func cell(_ value: String, userText: Bool = false) -> HTMLNode {
        userText ? .element("td", ["dir": "auto"], [.text(value)]) : .element("td", [:], [.text(value)])
    }

    private func statusMark(_ status: Status) -> HTMLNode {
        let symbol = switch status {
        case .met: "✔"
        case .notMet: "✘"
        case .unknown: "?"
        }
        return .element("span", ["class": "status \(status.rawValue)"], [.text("\(symbol) \(words.statusWord(status))")])
    }

    private func card(_ result: IndicatorResult) -> HTMLNode {
        let indicatorWords = IndicatorWords(language: language)
        let value = result.value.map { indicatorWords.value($0, of: result) } ?? "—"
        func small(_ text: String, userText: Bool = false) -> HTMLNode {
            .element("p", attributes: [("class", "small"), ("dir", userText ? "auto" : nil)], [.text(text)])
        }
        var lines: [HTMLNode] = [.element("p", ["class": "label", "dir": "auto"], [.text(result.indicator.label)]),
                                 .element("p", ["class": "value"], [.text(value)]), .element("p", [:], [statusMark(result.status)])]
        if let target = indicatorWords.target(of: result) { lines.append(small("\(text(.impactTargetWord)) \(target)")) }
        var figures: [String] = []
        if let n = result.n { figures.append("n = \(JSONValue.format(n))") }
        if let interval = result.interval {
            figures.append(text(.pageInterval, ["low": indicatorWords.figure(interval.lowerBound, of: result),
                                                "high": indicatorWords.figure(interval.upperBound, of: result)]))
        }
        if !figures.isEmpty { lines.append(small(figures.joined(separator: " · "))) }
        if let statistics = indicatorWords.statistics(of: result) { lines.append(small(statistics)) }
        if let note = result.note { lines.append(small(note[language], userText: true)) }
        return .fragment([.element("div", ["class": "card \(result.status.rawValue)"], lines), .newline])
    }

    private func chartSection(_ title: String, chart: [HTMLNode]) -> HTMLNode {
        .fragment([.element("section", ["class": "chart"], [.element("h3", ["dir": "auto"], [.text(title)]), .newline] + chart), .newline])
    }

    /// The data table under every chart: each part, its count and its share.
    private func dataTable(_ parts: [(label: Localized, value: Double)], decimals: Int, shares: Bool) -> [HTMLNode] {
        let total = parts.map(\.value).reduce(0, +)
        let headings = [text(.pageAnswer), text(decimals == 0 ? .pageCount : .pageValue)] + (shares ? ["%"] : [])
        return [table(headings, rows: parts.map { part in
            [cell(part.label[language], userText: true), cell(language.number(part.value, decimals: decimals))]
                + (shares ? [cell(total > 0 ? words.format(part.value / total, proportion: true) : "—")] : [])
        }, class: "data"), .newline]
    }

    /// A chart's SVG with its title and description, for screen readers.
    private func svg(id: String, title: String, description: String, height: Int, _ content: [HTMLNode]) -> [HTMLNode] {
        [.element("svg", ["class": "chart", "viewBox": "0 0 640 \(height)", "role": "img", "aria-labelledby": "\(id)-t \(id)-d"],
                  [.element("title", ["id": "\(id)-t"], [.text(title)]), .element("desc", ["id": "\(id)-d"], [.text(description)]), .newline] + content),
         .newline]
    }

    private func describe(_ parts: [(label: Localized, value: Double)], decimals: Int) -> String {
        parts.map { "\($0.label[language]) : \(language.number($0.value, decimals: decimals))" }.joined(separator: " ; ")
    }

    /// One 100 % bar split by the parts, low to high, with each share written on or under it.
    func stackedBar(_ parts: [(label: Localized, value: Double)], colours: [String], id: String, title: String) -> [HTMLNode] {
        let total = parts.map(\.value).reduce(0, +)
        let legendRows = (parts.count + 2) / 3
        var content: [HTMLNode] = []
        var x = 10.0
        for (index, part) in parts.enumerated() where total > 0 {
            let width = part.value / total * 620
            content.append(.shape("rect", ["x": "\(x)", "y": "8", "width": "\(width)", "height": "28", "fill": colours[index % colours.count]]))
            if width >= 34 {
                content.append(.element("text", ["x": "\(x + width / 2)", "y": "27", "class": "share"], [.text(words.format(part.value / total, proportion: true))]))
            }
            x += width
        }
        for (index, part) in parts.enumerated() {
            let column = Double(index % 3) * 210 + 10, row = Double(48 + (index / 3) * 20)
            content += [.shape("rect", ["x": "\(column)", "y": "\(row)", "width": "12", "height": "12", "fill": colours[index % colours.count]]),
                        .element("text", ["x": "\(column + 18)", "y": "\(row + 10)", "class": "legend"], [.text(part.label[language])])]
        }
        return svg(id: id, title: title, description: describe(parts, decimals: 0), height: 56 + legendRows * 20, content)
            + dataTable(parts, decimals: 0, shares: true)
    }

    /// Horizontal bars, one per part, with the value at the end of each.
    func bars(_ parts: [(label: Localized, value: Double)], id: String, title: String, decimals: Int) -> [HTMLNode] {
        let top = max(parts.map(\.value).max() ?? 0, 1e-9)
        let content = parts.enumerated().flatMap { index, part -> [HTMLNode] in
            let y = 6 + index * 26
            let label = part.label[language]
            let clipped = label.count > 28 ? String(label.prefix(27)) + "…" : label
            let width = part.value / top * 380
            return [.element("text", ["x": "200", "y": "\(y + 15)", "class": "category"], [.element("title", [:], [.text(label)]), .text(clipped)]),
                    .shape("rect", ["x": "210", "y": "\(y + 2)", "width": "\(max(width, 1))", "height": "18", "fill": "#0072B2"]),
                    .element("text", ["x": "\(216 + width)", "y": "\(y + 16)", "class": "amount"], [.text(language.number(part.value, decimals: decimals))]),
                    .newline]
        }
        return svg(id: id, title: title, description: describe(parts, decimals: decimals), height: 10 + parts.count * 26, content)
            + dataTable(parts, decimals: decimals, shares: decimals == 0)
    }

    /// Each indicator across the network's sites: a dot per site on the indicator's scale, the
    /// network's value as a line, and the table of the same figures (a small site shows no value).
    private func sites(_ report: ImpactReport, _ sites: [SiteReport], chartID: () -> String) -> HTMLNode? {
        guard !sites.isEmpty else { return nil }
        let indicatorWords = IndicatorWords(language: language)
        var content: [HTMLNode] = []
        for result in report.indicators where result.indicator.source != .observation {
            let figures = sites.compactMap { site in site.figure(result.indicator.id).map { (site.name, $0) } }
            guard !figures.isEmpty else { continue }
            content += [.element("h3", ["dir": "auto"], [.text(result.indicator.label)]), .newline]
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
                var dots: [HTMLNode] = [
                    .shape("line", ["x1": "210", "x2": "580", "y1": "\(axis)", "y2": "\(axis)", "stroke": "#999"]),
                    .element("text", ["x": "210", "y": "\(axis + 14)", "class": "amount"], [.text(indicatorWords.figure(low, of: result))]),
                    .element("text", ["x": "580", "y": "\(axis + 14)", "class": "amount", "text-anchor": "end"], [.text(indicatorWords.figure(high, of: result))]),
                    .newline,
                ]
                if let network = result.value {
                    dots.append(.element("line", ["x1": "\(x(network))", "x2": "\(x(network))", "y1": "2", "y2": "\(10 + shown.count * 24)", "stroke": "#555",
                                                  "stroke-dasharray": "4 3"],
                                         [.element("title", [:], [.text("\(text(.xlsxNetwork)) \(indicatorWords.figure(network, of: result))")])]))
                }
                for (index, (name, value)) in shown.enumerated() {
                    let y = 8 + index * 24
                    dots += [.element("text", ["x": "200", "y": "\(y + 12)", "class": "category"], [.text(name.count > 28 ? String(name.prefix(27)) + "…" : name)]),
                             .shape("circle", ["cx": "\(x(value))", "cy": "\(y + 8)", "r": "6", "fill": "#0072B2"]),
                             .element("text", ["x": "\(x(value) + 10)", "y": "\(y + 12)", "class": "amount"], [.text(indicatorWords.figure(value, of: result))]),
                             .newline]
                }
                content += svg(id: chartID(), title: result.indicator.label, description: description, height: axis + 18, dots)
            }
            let network = (n: result.n, value: result.value, status: result.status, suppressed: false)
            let rows = ([(ReportMessage.text(.xlsxNetwork)[language], network)] + figures).map { name, figure -> [HTMLNode] in
                let value = figure.suppressed ? "n < \(JSONValue.format(report.suppressBelow))" : figure.value.map { indicatorWords.figure($0, of: result) } ?? "—"
                return [cell(name, userText: true), cell(figure.n.map { JSONValue.format($0) } ?? "—"), cell(value), .element("td", [:], [statusMark(figure.status)])]
            }
            content += [table([text(.pageSite), "n", text(.pageValue), text(.pageStatus)], rows: rows), .newline]
        }
        return .section(text(.pageSites), content)
    }

    private func segments(_ report: ImpactReport) -> HTMLNode? {
        let withSegments = report.indicators.filter { !$0.segments.isEmpty }
        guard !withSegments.isEmpty else { return nil }
        let tables = withSegments.flatMap { result -> [HTMLNode] in
            let rows = result.segments.map { segment -> [HTMLNode] in
                let value = segment.suppressed ? "n < \(JSONValue.format(report.suppressBelow))"
                    : (segment.value.map { words.format($0, proportion: result.isProportion) } ?? "—") + (segment.caution ? " *" : "")
                return [cell(report.plan.question(segment.by)?.text ?? segment.by, userText: true), cell(segment.group, userText: true),
                        cell(segment.suppressed ? "—" : JSONValue.format(segment.n)), cell(value)]
            }
            return [.element("h3", ["dir": "auto"], [.text(result.indicator.label)]), .newline,
                    table([text(.pageSegment), text(.pageGroup), "n", text(.pageValue)], rows: rows), .newline]
        }
        let note = text(.pageSegmentNote, ["suppress": JSONValue.format(report.suppressBelow), "caution": JSONValue.format(report.cautionBelow)])
        return .section(text(.pageSegments), tables + [.element("p", ["class": "small"], [.text(note)])])
    }

    private func excluded(_ aggregate: SurveyAggregate) -> HTMLNode? {
        guard !aggregate.excluded.isEmpty || !aggregate.problems.isEmpty else { return nil }
        var reasons: [(String, Int)] = []
        for kind in RowProblem.Kind.allCases {
            let count = aggregate.excluded.count(of: kind) + aggregate.problems.count(of: kind)
            if count > 0 { reasons.append((ProblemWords.kind(kind)[language], count)) }
        }
        let summary = text(.pageExcludedSummary, ["excluded": "\(aggregate.excluded.count)", "problems": "\(aggregate.problems.count)"])
        return .section(text(.pageExcluded), [.element("p", [:], [.text(summary)]), .newline,
                                           table([text(.pageReason), text(.pageCount)], rows: reasons.sorted { $0.1 > $1.1 }.map { [cell($0.0, userText: true), cell("\($0.1)")] })])
    }

    private func methods(_ report: ImpactReport) -> HTMLNode {
        let items = sources.map { "\($0.file) — \($0.method[language])" } + report.aggregate.readings.map { $0.sentence[language] }
        return .section(text(.pageMethods), [
            .element("ul", [:], [.newline] + items.flatMap { [HTMLNode.element("li", ["dir": "auto"], [.text($0)]), .newline] }), .newline,
            .element("p", [:], [.text(text(.pageMethodsText))]), .newline,
            .element("p", [:], [.text(ImpactWorkbook.verbatimNote(report, listed: listsVerbatims)[language])]),
        ])
    }

    /// The open answers by question and segment group, as text.
    private func verbatims(_ report: ImpactReport) -> HTMLNode? {
        guard listsVerbatims, !report.aggregate.verbatims.isEmpty else { return nil }
        let lists = report.plan.questions.flatMap { question -> [HTMLNode] in
            guard let answers = report.aggregate.verbatims[question.id], !answers.isEmpty else { return [] }
            let items = answers.flatMap { answer -> [HTMLNode] in
                let group: [HTMLNode] = answer.group.map { [.text(" "), .element("span", ["class": "small"], [.text("(\($0))")])] } ?? []
                return [.element("li", ["dir": "auto"], [.text("« \(answer.text) »")] + group), .newline]
            }
            return [.element("h3", ["dir": "auto"], [.text(question.text)]), .newline, .element("ul", ["class": "verbatims"], [.newline] + items), .newline]
        }
        return .section(text(.pageVerbatims), lists)
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

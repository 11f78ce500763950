import AtelierCore
import AtelierImpact
import AtelierReport
import Foundation
import TestSupport
import XCTest

/// The HTML impact report: statuses in words, one chart per question and measure, each with
/// its text alternative, suppressed cells, excluded rows, hostile text.
final class ImpactPageTests: XCTestCase {
    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testExampleReportShowsFiguresChartsAndTables() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let aggregate = try Fixtures.aggregate(plan, ["voix-du-quartier-google.csv"])
        let engine = IndicatorEngine(plan: plan, suppressBelow: 10)
        let report = engine.report(aggregate)
        let html = ImpactPage(ImpactPresentation(language: .fr, sources: [("voix-du-quartier-google.csv", Localized(verbatim: "UTF-8, virgule"))])).html(report, engine: engine)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertEqual(count("<div class=\"card ", in: html), report.indicators.count)
        XCTAssertEqual(count("✘ non atteint", in: html), report.indicators.filter { $0.status == .notMet }.count + report.objectives.filter { $0.status == .notMet }.count)
        XCTAssertEqual(count("✔ atteint", in: html), report.indicators.filter { $0.status == .met }.count + report.objectives.filter { $0.status == .met }.count)
        let npsCharts = report.indicators.filter { $0.indicator.measure == .nps }.count
        let charts = count("<svg class=\"chart\"", in: html)
        XCTAssertEqual(charts, engine.distributions(aggregate).count + npsCharts, "one chart per question, plus the NPS split")
        XCTAssertEqual(count("<desc id=", in: html), charts, "every chart has a description")
        XCTAssertEqual(count("<table class=\"data\">", in: html), charts, "every chart has its data table")
        XCTAssertTrue(html.contains(">Promoteurs (9 et 10)</td><td>40</td><td>42,1 %</td>"), "the NPS split of the example")
        XCTAssertTrue(html.contains("<td>n &lt; 10</td>"), "a segment under 10 answers is suppressed")
        XCTAssertTrue(html.contains("2 ligne(s) écartée(s) et 3 réponse(s) refusée(s)"))
        XCTAssertTrue(html.contains("@page{size:A4"))
    }

    func testHostileTitleStaysText() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml")), as: UTF8.self)
            .replacingOccurrences(of: "title: Les voix du quartier", with: "title: \"<script>alert(1)</script> =cmd|' /C calc'!A0 \\u202Eédoc\"")
        let plan = try Fixtures.plan(mockup: Array(text.utf8))
        let aggregate = try Fixtures.aggregate(plan, ["voix-du-quartier-google.csv"])
        let engine = IndicatorEngine(plan: plan)
        let html = ImpactPage(ImpactPresentation(language: .en, sources: [])).html(engine.report(aggregate), engine: engine)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; =cmd|&#39; /C calc&#39;!A0 \u{202E}édoc</h1>"))
    }
}

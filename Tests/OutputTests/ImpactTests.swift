import AtelierCore
@testable import AtelierImpact
import AtelierMockup
import AtelierReport
import AtelierTabular
import Foundation
import TestSupport
import XCTest

final class ImpactTests: XCTestCase {
    private func plan(_ example: String) throws -> SurveyPlan { try Fixtures.plan(example) }

    private func aggregate(_ plan: SurveyPlan, _ files: [String]) throws -> SurveyAggregate { try Fixtures.aggregate(plan, files) }

    func testEveryToolsExportMatchesPandas() throws {
        let exports = oracle.filter { $0.value["mockup"] != nil }
        XCTAssertEqual(Set(exports.keys), ["vr-abbaye-msforms.xlsx", "quiz-fete-science-papier.ods", "chatbot-exhibition-limesurvey.csv",
                                           "archives-expo-virtuelle-kobo.xlsx"])
        for (file, expected) in exports {
            let plan = try plan(expected["mockup"] as! String)
            let aggregate = try aggregate(plan, [file])
            XCTAssertEqual(aggregate.rows, expected["rows"] as? Int, file)
            XCTAssertEqual(aggregate.used, expected["used"] as? Int, file)
            XCTAssertEqual(aggregate.excluded.count, expected["excluded"] as? Int, file)
            XCTAssertEqual(aggregate.problems.count, expected["problems"] as? Int, file)
            let results = Dictionary(uniqueKeysWithValues: IndicatorEngine(plan: plan).report(aggregate).indicators.map { ($0.indicator.id, $0) })
            for (id, want) in expected["indicators"] as! [String: [String: Any]] {
                assertClose(results[id]?.value, want["value"], "\(file) \(id)")
                assertClose(results[id]?.n, want["n"], "\(file) \(id) n")
                if let ci = want["ci"] as? [Double] {
                    assertClose(results[id]?.interval?.lowerBound, ci[0], "\(file) \(id) ci")
                    assertClose(results[id]?.interval?.upperBound, ci[1], "\(file) \(id) ci")
                }
                for (name, share) in want["details"] as? [String: Double] ?? [:] {
                    assertClose(results[id]?.details.first { $0.name == name }?.value, share, "\(file) \(id) \(name)")
                }
            }
        }
    }

    private var oracle: [String: [String: Any]] {
        let data = FileManager.default.contents(atPath: Fixtures.examples.appendingPathComponent("surveys/expected.json").path) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]) ?? [:]
    }

    private func assertClose(_ actual: Double?, _ expected: Any?, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let actual, let expected = expected as? Double ?? (expected as? Int).map(Double.init) else {
            return XCTFail("missing value: \(message)", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, accuracy: 1e-9 * max(1, abs(expected)), message, file: file, line: line)
    }

    func testGoogleFormsExportMatchesPandas() throws {
        let plan = try plan("voix-du-quartier.yaml")
        let aggregate = try aggregate(plan, ["voix-du-quartier-google.csv"])
        let expected = try XCTUnwrap(oracle["voix-du-quartier-google.csv"])
        XCTAssertEqual(aggregate.rows, expected["rows"] as? Int)
        XCTAssertEqual(aggregate.used, expected["used"] as? Int)
        XCTAssertEqual(aggregate.excluded.count, expected["excluded"] as? Int)
        XCTAssertEqual(aggregate.problems.count, expected["problems"] as? Int)
        XCTAssertEqual(aggregate.excluded.examples.map(\.row), [98, 99])
        XCTAssertEqual(aggregate.excluded.examples.first?.reason.en, "same answers as row 32 (a duplicate submission)")
        XCTAssertEqual(aggregate.problems.examples.map(\.value), ["très bien", "trois", "Avec des amis"])
        XCTAssertEqual(aggregate.problems.examples.map(\.row), [13, 16, 22])
        let report = IndicatorEngine(plan: plan).report(aggregate)
        let results = Dictionary(uniqueKeysWithValues: report.indicators.map { ($0.indicator.id, $0) })
        for id in ["I1", "I2", "I3", "I7"] {
            let want = try XCTUnwrap(expected[id] as? [String: Any])
            assertClose(results[id]?.value, want["value"], "\(id) value")
            assertClose(results[id]?.n, want["n"], "\(id) n")
            if let ci = want["ci"] as? [Double] {
                assertClose(results[id]?.interval?.lowerBound, ci[0], "\(id) ci low")
                assertClose(results[id]?.interval?.upperBound, ci[1], "\(id) ci high")
            }
        }
        let segments = try XCTUnwrap((expected["I3"] as? [String: Any])?["segments"] as? [[String: Any]])
        XCTAssertEqual(results["I3"]?.segments.map(\.group), segments.map { $0["group"] as! String })
        for (segment, want) in zip(results["I3"]!.segments, segments) {
            assertClose(segment.n, want["n"], "segment n")
            assertClose(segment.value, want["value"], "segment value")
        }
        XCTAssertEqual(results["I3"]?.segments.map(\.caution), [true, false, true])
        XCTAssertEqual(results["I4"]?.status, .met, "an observed count against its target")
        XCTAssertEqual(results["I5"]?.status, .unknown, "not observed yet")
        XCTAssertEqual(report.objectives.map(\.status), [.met, .notMet, .met])
    }

    func testFrenchExcelExportMatchesPandas() throws {
        let plan = try plan("ar-visite-familles.yaml")
        let aggregate = try aggregate(plan, ["ar-visite-familles-excel.csv"])
        let expected = try XCTUnwrap(oracle["ar-visite-familles-excel.csv"])
        XCTAssertEqual(aggregate.used, expected["used"] as? Int, "no timestamp column: identical rows are kept")
        XCTAssertEqual(aggregate.problems.count, expected["problems"] as? Int)
        let results = Dictionary(uniqueKeysWithValues: IndicatorEngine(plan: plan).report(aggregate).indicators.map { ($0.indicator.id, $0) })
        for id in ["I3", "I4"] {
            let want = try XCTUnwrap(expected[id] as? [String: Any])
            assertClose(results[id]?.value, want["value"], "\(id)")
            assertClose(results[id]?.n, want["n"], "\(id) n")
        }
    }

    func testAggregatesMergedInAnySplitGiveTheSameIndicators() throws {
        let plan = try plan("voix-du-quartier.yaml")
        let whole = try aggregate(plan, ["voix-du-quartier-google.csv"])
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        var merged = SurveyAggregate(plan: plan.fingerprint)
        // Row 32 and its duplicate (the 96th data line) stay in one part: aggregates merged
        // from separate runs cannot recognise a duplicate across them.
        for (index, range) in [0..<20, 20..<21, 21..<lines.count].enumerated() {
            let url = folder.appendingPathComponent("part\(index).csv")
            try ([header] + lines[range]).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
            var part = SurveyAggregate(plan: plan.fingerprint)
            var duplicates = DuplicateFinder()
            _ = try SurveyTally(plan: plan).read(opening: { try CSVReader(path: url.path) }, into: &part, duplicates: &duplicates)
            merged = merged + part
        }
        let engine = IndicatorEngine(plan: plan)
        let a = engine.report(whole).indicators, b = engine.report(merged).indicators
        XCTAssertEqual(a.map(\.value), b.map(\.value))
        XCTAssertEqual(a.map(\.n), b.map(\.n))
        XCTAssertEqual(whole.questions, merged.questions)
        XCTAssertEqual(whole.segments, merged.segments)
        XCTAssertEqual(merged.problems.count, whole.problems.count)
    }

    func testADuplicateAcrossTheFilesOfOneRunIsExcluded() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let first = folder.appendingPathComponent("a.csv"), second = folder.appendingPathComponent("b.csv")
        try lines.prefix(11).joined(separator: "\r\n").write(to: first, atomically: true, encoding: .utf8)
        try ([lines[0]] + [lines[5]]).joined(separator: "\r\n").write(to: second, atomically: true, encoding: .utf8)
        let plan = try plan("voix-du-quartier.yaml")
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        for url in [first, second] {
            _ = try SurveyTally(plan: plan).read(opening: { try CSVReader(path: url.path) }, into: &aggregate, duplicates: &duplicates)
        }
        XCTAssertEqual(aggregate.used, 10)
        XCTAssertEqual(aggregate.excluded.examples.first?.reason.en, "same answers as row 6 of \(first.path) (a duplicate submission)")
    }

    func testMergeOfSiteAggregatesEqualsOnePass() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("surveys/voix-du-quartier-google.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        var parts: [String] = []
        for (index, range) in [0..<25, 25..<lines.count].enumerated() {
            let csv = folder.appendingPathComponent("site\(index).csv").path
            try ([header] + lines[range]).joined(separator: "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
            let aggregate = folder.appendingPathComponent("site\(index).json").path
            let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", csv, "--aggregate", aggregate])
            XCTAssertEqual(run.status, 0, run.error)
            parts.append(aggregate)
        }
        let whole = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses",
                                            "Examples/surveys/voix-du-quartier-google.csv", "--json", "-"])
        let merged = try AtelierProcess.run(["merge"] + parts + ["--json", "-"])
        XCTAssertEqual(merged.status, 0, merged.error)
        func indicators(_ output: String) throws -> String {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            // The merge adds each site's figures beside the network's; the network's must equal one pass.
            let network = try XCTUnwrap(object["indicators"] as? [[String: Any]]).map { $0.filter { $0.key != "sites" } }
            return String(decoding: try JSONSerialization.data(withJSONObject: network, options: [.sortedKeys]), as: UTF8.self)
        }
        XCTAssertEqual(try indicators(merged.output), try indicators(whole.output))
        let shared = try String(contentsOfFile: parts[0], encoding: .utf8)
        XCTAssertFalse(shared.contains("très bien"), "no raw answer leaves a site")
        XCTAssertTrue(shared.contains("\"format\" : \"atelier-aggregate\""))
        let other = folder.appendingPathComponent("other.json").path
        _ = try AtelierProcess.run(["impact", "Examples/ar-visite-familles.yaml", "--responses", "Examples/surveys/ar-visite-familles-excel.csv", "--aggregate", other])
        let refused = try AtelierProcess.run(["merge", parts[0], other, "--lang", "en"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.error.contains("does not follow the same evaluation plan"), refused.error)
        let notAggregate = try AtelierProcess.run(["merge", "Examples/voix-du-quartier.yaml", "--lang", "en"])
        XCTAssertEqual(notAggregate.error, "atelier: Examples/voix-du-quartier.yaml: this is not an Atelier aggregate file (written by atelier impact --aggregate).\n")
    }

    func testAnswerCoding() throws {
        let scales = try ScaleLibrary.load(folder: Fixtures.templates.appendingPathComponent("scales"), decoder: Fixtures.decoder)
        func coder(_ kind: AnswerKind) -> AnswerCoder {
            AnswerCoder(SurveyPlan.Question(id: "Q", text: "Q", column: nil, kind: kind, scaleName: "s", isSegment: false, pre: nil, post: nil, range: nil))
        }
        let satisfaction = coder(.scale(scales["satisfaction-5"]!))
        XCTAssertEqual(satisfaction.code("Très satisfait·e"), .value(5))
        XCTAssertEqual(satisfaction.code("  TRES SATISFAIT·E "), .value(5))
        XCTAssertEqual(satisfaction.code("Very satisfied"), .value(5), "English labels too")
        XCTAssertEqual(satisfaction.code("4"), .value(4))
        XCTAssertEqual(satisfaction.code("Ne sait pas"), .missing)
        XCTAssertEqual(satisfaction.code(""), .missing)
        XCTAssertEqual(satisfaction.code("7"), .invalid(ImpactMessage.text(.impactNotALevel, ["scale": "s"])))
        let yesNo = coder(.yesNo(missing: scales["yes-no"]!.missing))
        XCTAssertEqual(["Oui", "non", "Y", "N", "1", "0", "yes", "Ne sait pas"].map { yesNo.code($0) },
                       [.value(1), .value(0), .value(1), .value(0), .value(1), .value(0), .value(1), .missing])
        let multi = coder(.multiChoice([Localized(verbatim: "Nef"), Localized(verbatim: "Chœur"), Localized(verbatim: "Cloître, galerie")], separator: nil))
        XCTAssertEqual(multi.code("Nef;Chœur;"), .choices([0, 1]), "Microsoft Forms' trailing separator")
        XCTAssertEqual(multi.code("Nef, Choeur"), .choices([0, 1]), "Google Sheets' comma")
        XCTAssertEqual(multi.code("Cloître, galerie"), .choices([2]), "a choice containing the separator")
        XCTAssertEqual(multi.code("Nef;Crypte"), .invalid(ImpactMessage.text(.impactUnknownChoice, ["choice": "Crypte"])))
        XCTAssertEqual(coder(.number).code("4,5"), .value(4.5))
        XCTAssertEqual(coder(.number).code("beaucoup"), .invalid(ImpactMessage.text(.impactNotANumber)))
    }

    func testTargets() {
        XCTAssertTrue(Target(">= 80%")!.isMet(by: 0.8))
        XCTAssertFalse(Target(">= 80%")!.isMet(by: 0.7999))
        XCTAssertTrue(Target("≥ 4")!.isMet(by: 4.2))
        XCTAssertTrue(Target("> +30")!.isMet(by: 31))
        XCTAssertFalse(Target("> +30")!.isMet(by: 30))
        XCTAssertTrue(Target("<= 10%")!.isMet(by: 0.1))
        XCTAssertTrue(Target("between 3.5 and 5")!.isMet(by: 3.5))
        XCTAssertFalse(Target("between 3,5 and 5")!.isMet(by: 5.01))
        XCTAssertNil(Target("beaucoup"))
    }

    func testMedianAndColumnLetters() {
        XCTAssertEqual(IndicatorEngine.median([(1, 1), (2, 1), (3, 1)]), 2)
        XCTAssertEqual(IndicatorEngine.median([(1, 2), (4, 2)]), 2.5)
        XCTAssertNil(IndicatorEngine.median([]))
        XCTAssertEqual(ColumnLetters.index("A"), 0)
        XCTAssertEqual(ColumnLetters.index("AA"), 26)
        XCTAssertNil(ColumnLetters.index("Q1a"))
        XCTAssertEqual(ColumnMatcher.normalizedHeader("Vous êtes venu·e : *"), ColumnMatcher.normalizedHeader("vous etes venu·e"))
    }

    func testAMissingColumnListsTheClosestHeaders() throws {
        let plan = try plan("voix-du-quartier.yaml")
        XCTAssertThrowsError(try ColumnMatcher.match(plan, header: ["Horodateur", "Satisfaction globale"], file: "x.csv")) { error in
            XCTAssertTrue((error as! UserError).message.en.hasPrefix("x.csv: no column matches question Q1 (« Dans l'ensemble, êtes-vous satisfait·e de l'écoute ? »). Closest headers:"))
        }
    }

    func testImpactCommandWritesTheJSONContract() throws {
        let folder = try Fixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("impact.json").path
        let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses",
                                          "Examples/surveys/voix-du-quartier-google.csv", "--json", output, "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.hasPrefix("== Les voix du quartier ==\n1 file(s), 98 row(s): 96 used, 2 excluded, 3 answer(s) refused.\n"), run.output)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let responses = try XCTUnwrap(object["responses"] as? [String: Any])
        XCTAssertEqual(responses["used"] as? Int, 96)
        let problem = try XCTUnwrap((responses["problems"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["row"] as? Int, 13)
        XCTAssertEqual(problem["value"] as? String, "très bien")
        XCTAssertEqual(problem["reason"] as? String, "not a level of satisfaction-5")
        let indicator = try XCTUnwrap((object["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "I3" })
        XCTAssertEqual(indicator["status"] as? String, "not-met")
        let segment = try XCTUnwrap((indicator["segments"] as? [[String: Any]])?.last)
        XCTAssertEqual(segment["group"] as? String, "Avec l'école")
        XCTAssertEqual(segment["caution"] as? Bool, true)
        let small = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses",
                                            "Examples/surveys/voix-du-quartier-google.csv", "--json", "-", "--suppress-below", "10"])
        let smallObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(small.output.utf8)) as? [String: Any])
        let suppressed = ((smallObject["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "I3" }?["segments"] as? [[String: Any]])?.last
        XCTAssertEqual(suppressed?["suppressed"] as? Bool, true)
        XCTAssertNil(suppressed?["value"], "a suppressed cell shows no value")
        let missing = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", "nowhere.csv", "--lang", "en"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.error, "atelier: nowhere.csv: no such file or folder.\n")
    }
}

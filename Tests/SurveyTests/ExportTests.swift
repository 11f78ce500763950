import AtelierCore
@testable import AtelierImpact
import AtelierMockup
import AtelierTabular
import Foundation
import TestSupport
import XCTest

/// One survey exported ten ways, as the tools write their files (Tests/Fixtures/exports/,
/// generate.py): each export must give the indicators pandas computes on the true answers, to
/// 1e-9, with every row accounted for by the tool's own conventions.
final class ExportTests: ScratchFolderTestCase {
    private let exports = Fixtures.repository.appendingPathComponent("Tests/Fixtures/exports")

    private func plan(_ file: String = "plan.yaml") throws -> SurveyPlan {
        let scales = try ScaleLibrary.load(folder: Fixtures.templates.appendingPathComponent("scales"), decoder: Fixtures.decoder)
        let mockup = try XCTUnwrap(Fixtures.decoder.decode(Fixtures.bytes(exports.appendingPathComponent(file))).mockup)
        return SurveyPlan(mockup: mockup, builtinScales: scales)
    }

    private func read(_ files: [String], plan: SurveyPlan, duplicates finder: DuplicateFinder = DuplicateFinder()) throws -> SurveyAggregate {
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = finder
        for file in files {
            _ = try SurveyTally(plan: plan).read(opening: { try TableFile.open(path: exports.appendingPathComponent(file).path) }, into: &aggregate, duplicates: &duplicates)
        }
        return aggregate
    }

    func testTenExportsOfOneSurveyGiveTheIndicatorsOfItsTrueAnswers() throws {
        let plan = try plan()
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: exports.appendingPathComponent("expected.json"))) as? [String: Any])
        let indicators = try XCTUnwrap(expected["indicators"] as? [String: [String: Any]])
        let files = try XCTUnwrap(expected["exports"] as? [String: [String: Any]])
        XCTAssertEqual(files.count, 10)
        for (file, accounting) in files.sorted(by: { $0.key < $1.key }) {
            let aggregate = try read([file], plan: plan)
            XCTAssertEqual(aggregate.readings.first?.tool.rawValue, accounting["tool"] as? String, file)
            XCTAssertEqual(aggregate.rows, accounting["rows"] as? Int, file)
            XCTAssertEqual(aggregate.used, expected["respondents"] as? Int, file)
            let excluded = try XCTUnwrap(accounting["excluded"] as? [String: Int])
            XCTAssertEqual(aggregate.excluded.counts, excluded, file)
            XCTAssertEqual(aggregate.problems.count, 0, "\(file): \(aggregate.problems.examples.map { "\($0.row) \($0.value ?? "") \($0.reason.en)" })")
            let report = IndicatorEngine(plan: plan).report(aggregate)
            for (id, oracle) in indicators {
                let result = try XCTUnwrap(report.indicators.first { $0.indicator.id == id }, id)
                let value = try XCTUnwrap(oracle["value"] as? Double)
                XCTAssertEqual(try XCTUnwrap(result.value, "\(file) \(id)"), value, accuracy: 1e-9, "\(file) \(id)")
                XCTAssertEqual(result.n, Double(try XCTUnwrap(oracle["n"] as? Int)), "\(file) \(id)")
                for (group, segment) in (oracle["segments"] as? [String: [String: Any]]) ?? [:] {
                    let found = try XCTUnwrap(result.segments.first { $0.group == group }, "\(file) \(id) \(group)")
                    XCTAssertEqual(found.n, Double(try XCTUnwrap(segment["n"] as? Int)), "\(file) \(id) \(group)")
                    XCTAssertEqual(try XCTUnwrap(found.value), try XCTUnwrap(segment["value"] as? Double), accuracy: 1e-9, "\(file) \(id) \(group)")
                }
            }
        }
    }

    /// With room for two rows in memory, the rows past them are compared on disk and a file
    /// with a duplicate found there is read again: each export, and the ten in one run, give
    /// the very aggregate of a table that holds every row.
    func testRowsComparedOnDiskGiveTheAggregateOfOnePass() throws {
        let plan = try plan()
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: exports.appendingPathComponent("expected.json"))) as? [String: Any])
        let files = try XCTUnwrap(expected["exports"] as? [String: Any]).keys.sorted()
        var duplicates = 0
        for file in files {
            let aggregate = try read([file], plan: plan)
            XCTAssertEqual(try read([file], plan: plan, duplicates: DuplicateFinder(tableSlots: 4)), aggregate, file)
            duplicates += aggregate.excluded.counts["duplicate"] ?? 0
        }
        XCTAssertGreaterThan(duplicates, 0)
        let whole = try read(files, plan: plan)
        XCTAssertEqual(try read(files, plan: plan, duplicates: DuplicateFinder(tableSlots: 4)), whole)
    }

    func testTheSummaryNamesEachExportsToolAndWhatItLeftOut() throws {
        let run = try AtelierProcess.run(["impact", "Tests/Fixtures/exports/plan.yaml", "--responses", "Tests/Fixtures/exports/limesurvey-full.csv",
                                          "--responses", "Tests/Fixtures/exports/kobo-xml.csv", "--responses", "Tests/Fixtures/exports/surveymonkey.csv",
                                          "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        for line in ["Tests/Fixtures/exports/limesurvey-full.csv : export LimeSurvey (reconnu à la colonne « Date de soumission ») — réponses complètes seulement : 3 incomplète(s) écartée(s)",
                     "Tests/Fixtures/exports/kobo-xml.csv : export KoboToolbox (reconnu à la colonne « _uuid ») — 1 envoi(s) en double (même _uuid) comptés une fois ; 2 envoi(s) « Not Approved » écarté(s)",
                     "Tests/Fixtures/exports/surveymonkey.csv : export SurveyMonkey (reconnu à la colonne « Respondent ID ») — la deuxième ligne d'en-tête (options des questions) lue comme en-tête, pas comme un répondant"] {
            XCTAssertTrue(run.output.contains(line), run.output)
        }
    }

    // MARK: Answers as people and tools write them

    private func coder(_ question: String, plan: SurveyPlan) -> AnswerCoder {
        AnswerCoder(plan.question(question)!)
    }

    func testOrdinaryFrenchAnswersReadAsTheScalesLevels() throws {
        let satisfaction = coder("Q1", plan: try plan())
        for (answer, value) in [("Très satisfait", 5.0), ("Satisfait(e)", 4), ("Très satisfaite", 5), ("satisfait", 4), ("Satisfait/e", 4),
                                ("PEU SATISFAIT.E", 2), ("Moyennement satisfait-e", 3), ("tres_satisfait_e", 5)] {
            XCTAssertEqual(satisfaction.code(answer), .value(value), answer)
        }
        XCTAssertEqual(satisfaction.code("A5", toolCodes: true), .value(5), "LimeSurvey's default code")
        XCTAssertEqual(satisfaction.code("AO02", toolCodes: true), .value(2))
        XCTAssertEqual(satisfaction.code("A5"), .invalid(ImpactMessage.text(.impactNotALevel, ["scale": "satisfaction-5"])), "only for LimeSurvey's exports")
    }

    func testMultipleChoicesHoldingCommasAreSplitOnTheKnownChoices() throws {
        let outcomes = coder("Q4", plan: try plan())
        XCTAssertEqual(outcomes.code("Du plaisir, de l'inspiration, de la créativité, Des savoir-faire"), .choices([2, 1]))
        XCTAssertEqual(outcomes.code("Des connaissances, une meilleure compréhension;Du plaisir, de l'inspiration, de la créativité;"), .choices([0, 2]))
        XCTAssertEqual(outcomes.code("Des savoir-faire Du plaisir, de l'inspiration, de la créativité"), .choices([1, 2]), "Kobo labels joined by spaces")
        XCTAssertEqual(outcomes.code("des_savoir_faire autre"), .choices([1, 4]), "Kobo names")
        XCTAssertEqual(outcomes.code("Des savoir-faire, De la joie"), .invalid(ImpactMessage.text(.impactUnknownChoice, ["choice": "De la joie"])))
    }

    func testNumbersOutsideTheirDeclaredRangeAreRefused() throws {
        let places = coder("Q3", plan: try plan())
        XCTAssertEqual(places.code("12"), .value(12))
        XCTAssertEqual(places.code("1 000"), .invalid(ImpactMessage.text(.impactOutOfRange, ["low": "0", "high": "20"])))
        XCTAssertEqual(places.code("-1"), .invalid(ImpactMessage.text(.impactOutOfRange, ["low": "0", "high": "20"])))
    }

    func testScaleCodesDoNotChangeWhatThePlanMeans() throws {
        let source = try String(contentsOf: exports.appendingPathComponent("plan.yaml"), encoding: .utf8)
        let coded = source.replacingOccurrences(of: "  questions:\n", with: """
              scales:
                satisfaction-codee:
                  levels: [Pas du tout satisfait·e, Peu satisfait·e, Moyennement satisfait·e, Satisfait·e, Très satisfait·e]
                  codes: [S1, S2, S3, S4, S5]
              questions:

            """).replacingOccurrences(of: "scale: satisfaction-5}", with: "scale: satisfaction-codee}")
        let plain = source.replacingOccurrences(of: "  questions:\n", with: """
              scales:
                satisfaction-codee:
                  levels: [Pas du tout satisfait·e, Peu satisfait·e, Moyennement satisfait·e, Satisfait·e, Très satisfait·e]
              questions:

            """).replacingOccurrences(of: "scale: satisfaction-5}", with: "scale: satisfaction-codee}")
        let scales = try ScaleLibrary.load(folder: Fixtures.templates.appendingPathComponent("scales"), decoder: Fixtures.decoder)
        let codedPlan = SurveyPlan(mockup: try XCTUnwrap(Fixtures.decode(coded).mockup), builtinScales: scales)
        let plainPlan = SurveyPlan(mockup: try XCTUnwrap(Fixtures.decode(plain).mockup), builtinScales: scales)
        XCTAssertEqual(codedPlan.fingerprint, plainPlan.fingerprint, "a site that reads codes still merges with the others")
        XCTAssertEqual(AnswerCoder(codedPlan.question("Q1")!).code("S4"), .value(4))
    }

    // MARK: A status only on answers that were read

    func testAnIndicatorWhoseAnswersWereMostlyRefusedHasNoStatus() throws {
        var reader = try TableFile.open(path: exports.appendingPathComponent("google-sheets.csv").path)
        let header = reader.header
        var rows: [[String]] = []
        while let row = try reader.nextRow() { rows.append(row.cells) }
        let q1 = try XCTUnwrap(header.firstIndex { $0.hasPrefix("Dans l'ensemble") })
        for index in rows.indices where index % 3 != 0 { rows[index][q1] = ["Bof", "Super", "Génial"][index % 3] }
        let csv = folder.appendingPathComponent("mal-lu.csv")
        try ([header] + rows).map(CSVWriter.line).joined().write(to: csv, atomically: true, encoding: .utf8)
        let run = try AtelierProcess.run(["impact", exports.appendingPathComponent("plan.yaml").path, "--responses", csv.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        let line = try XCTUnwrap(run.output.split(separator: "\n").first { $0.hasPrefix("I1 ") })
        XCTAssertTrue(line.hasSuffix("→ inconnu"), String(line))
        XCTAssertTrue(run.output.contains("pas de statut : 40 réponse(s) sur 56 refusée(s) à la question Q1, plus de 20 % — les plus fréquentes : « Super » (20), « Génial » (20)"), run.output)
    }
}

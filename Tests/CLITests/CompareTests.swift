import AtelierStatistics
import Foundation
import TestSupport
import XCTest

/// Two waves compared (`atelier compare`): the statistics against statsmodels and scipy
/// (Tests/Fixtures/compare/generate.py), and the command on two waves of the example, one with
/// a question reworded and a scale changed, which must be refused with the reason.
final class CompareTests: ScratchFolderTestCase {
    private func expected() throws -> [String: [[String: Any]]] {
        let url = Fixtures.repository.appendingPathComponent("Tests/Fixtures/compare/expected.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [[String: Any]]])
    }

    private func assertMatches(_ result: WaveComparison.Result?, _ oracle: [String: Any], statistic: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try XCTUnwrap(result, file: file, line: line)
        let interval = try XCTUnwrap(oracle["ci"] as? [Double], file: file, line: line)
        XCTAssertEqual(result.difference, try XCTUnwrap(oracle["difference"] as? Double), accuracy: 1e-9, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(result.interval?.lowerBound), interval[0], accuracy: 1e-9, "low", file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(result.interval?.upperBound), interval[1], accuracy: 1e-9, "high", file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(result.statistic), try XCTUnwrap(oracle[statistic] as? Double), accuracy: 1e-9, statistic, file: file, line: line)
        XCTAssertEqual(try XCTUnwrap(result.p), try XCTUnwrap(oracle["p"] as? Double), accuracy: 1e-9, "p", file: file, line: line)
    }

    func testProportionsMeansAndNPSEqualStatsmodelsAndScipy() throws {
        let expected = try expected()
        for oracle in try XCTUnwrap(expected["proportions"]) {
            let old = try XCTUnwrap(oracle["old"] as? [Double]), new = try XCTUnwrap(oracle["new"] as? [Double])
            try assertMatches(WaveComparison.proportions(successesOld: old[0], nOld: old[1], successesNew: new[0], nNew: new[1]), oracle, statistic: "z")
        }
        for oracle in try XCTUnwrap(expected["means"]) {
            let old = try XCTUnwrap(oracle["old"] as? [Double]), new = try XCTUnwrap(oracle["new"] as? [Double])
            let result = WaveComparison.means(meanOld: old[0], sdOld: old[1], nOld: old[2], meanNew: new[0], sdNew: new[1], nNew: new[2])
            try assertMatches(result, oracle, statistic: "t")
            XCTAssertEqual(try XCTUnwrap(result?.degreesOfFreedom), try XCTUnwrap(oracle["df"] as? Double), accuracy: 1e-9)
        }
        for oracle in try XCTUnwrap(expected["nps"]) {
            let old = try XCTUnwrap(oracle["old"] as? [Double]), new = try XCTUnwrap(oracle["new"] as? [Double])
            try assertMatches(WaveComparison.nps(promotersOld: old[0], detractorsOld: old[1], nOld: old[2], promotersNew: new[0], detractorsNew: new[1], nNew: new[2]),
                              oracle, statistic: "z")
        }
    }

    private func impact(_ mockup: String, _ export: String, _ name: String, aggregate: Bool) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let run = try AtelierProcess.run(["impact", mockup, "--responses", export, aggregate ? "--aggregate" : "--json", path])
        XCTAssertEqual(run.status, 0, run.error)
        return path
    }

    func testTwoWavesAreComparedAndARewordedQuestionIsRefused() throws {
        let mockup = "Examples/voix-du-quartier.yaml"
        let old = try impact(mockup, "Examples/sites/voix-du-quartier/mediatheque.csv", "vague-1.json", aggregate: true)
        let new = try impact(mockup, "Examples/sites/voix-du-quartier/centre-social.csv", "vague-2.json", aggregate: false)
        let json = folder.appendingPathComponent("comparaison.json")
        let run = try AtelierProcess.run(["compare", old, new, "--json", json.path, "--html", folder.appendingPathComponent("c.html").path,
                                          "--xlsx", folder.appendingPathComponent("c.xlsx").path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("I1 Très satisfaits ou satisfaits : 78 % → 84,2 %, écart +6,2 pt"), run.output)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let indicators = try XCTUnwrap(document["indicators"] as? [[String: Any]])
        let first = try XCTUnwrap(indicators.first { $0["id"] as? String == "I1" })
        // The medathèque's 32 of 41 against the social centre's 48 of 57, as statsmodels gives them.
        let oracle = try XCTUnwrap(WaveComparison.proportions(successesOld: 32, nOld: 41, successesNew: 48, nNew: 57))
        XCTAssertEqual(try XCTUnwrap(first["difference"] as? Double), oracle.difference, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(first["p"] as? Double), try XCTUnwrap(oracle.p), accuracy: 1e-12)
        XCTAssertEqual(first["comparable"] as? Bool, true)

        let source = try String(contentsOf: Fixtures.repository.appendingPathComponent(mockup), encoding: .utf8)
        let changed = source
            .replacingOccurrences(of: #"text: "Recommanderiez-vous cette écoute à un proche ?","#,
                                  with: #"text: "Recommanderiez-vous cette écoute à vos amis ?", column: "Recommanderiez-vous cette écoute à un proche ?","#)
            .replacingOccurrences(of: "scale: agreement-5}", with: "scale: satisfaction-5}")
        let changedMockup = folder.appendingPathComponent("changee.yaml")
        try changed.write(to: changedMockup, atomically: true, encoding: .utf8)
        let third = try impact(changedMockup.path, "Examples/sites/voix-du-quartier/centre-social.csv", "vague-3.json", aggregate: false)
        let refused = try AtelierProcess.run(["compare", new, third, "--json", "-", "--lang", "fr"])
        XCTAssertEqual(refused.status, 0, refused.error)
        let results = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(refused.output.utf8)) as? [String: Any])?["indicators"] as? [[String: Any]])
        let nps = try XCTUnwrap(results.first { $0["id"] as? String == "I2" })
        XCTAssertEqual(nps["comparable"] as? Bool, false)
        XCTAssertTrue(nps["difference"] is NSNull, "never silently compared")
        XCTAssertEqual(nps["reason"] as? String, "la question Q2 a été reformulée (« Recommanderiez-vous cette écoute à un proche ? » → « Recommanderiez-vous cette écoute à vos amis ? ») : les réponses ne se comparent pas")
        let learned = try XCTUnwrap(results.first { $0["id"] as? String == "I7" })
        XCTAssertEqual(learned["comparable"] as? Bool, false)
        XCTAssertEqual(learned["reason"] as? String, "l'échelle ou les choix de la question Q5 ont changé : les réponses ne se comparent pas")
        XCTAssertEqual((results.first { $0["id"] as? String == "I3" })?["comparable"] as? Bool, true)
    }
}

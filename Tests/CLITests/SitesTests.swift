import AtelierTabular
import Foundation
import TestSupport
import XCTest

/// A network of sites: each site named and shown beside the network, and the merges that would
/// make the network's figures depend on the order of the files, or count a site twice, refused.
final class SitesTests: ScratchFolderTestCase {
    private func aggregate(_ mockup: String, _ export: String, _ name: String, site: String? = nil) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let run = try AtelierProcess.run(["impact", mockup, "--responses", export, "--aggregate", path] + (site.map { ["--site", $0] } ?? []))
        XCTAssertEqual(run.status, 0, run.error)
        return path
    }

    func testEachSiteIsShownBesideTheNetwork() throws {
        let mockup = "Examples/voix-du-quartier.yaml"
        let north = try aggregate(mockup, "Examples/sites/voix-du-quartier/mediatheque.csv", "nord.json", site: "Médiathèque Nord")
        let centre = try aggregate(mockup, "Examples/sites/voix-du-quartier/centre-social.csv", "centre.json")
        let json = folder.appendingPathComponent("reseau.json"), xlsx = folder.appendingPathComponent("reseau.xlsx"), html = folder.appendingPathComponent("reseau.html")
        let run = try AtelierProcess.run(["merge", north, centre, "--json", json.path, "--xlsx", xlsx.path, "--html", html.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        let indicators = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])?["indicators"] as? [[String: Any]])
        let satisfied = try XCTUnwrap(indicators.first { $0["id"] as? String == "I1" })
        let sites = try XCTUnwrap(satisfied["sites"] as? [[String: Any]])
        XCTAssertEqual(sites.map { $0["site"] as? String }, ["Médiathèque Nord", "centre-social"], "named by --site, else by the export's file name")
        XCTAssertEqual(sites.map { $0["n"] as? Int }, [41, 57])
        XCTAssertEqual(try XCTUnwrap(sites[0]["value"] as? Double), 32.0 / 41, accuracy: 1e-12)
        XCTAssertEqual(sites.map { $0["status"] as? String }, ["not-met", "met"])
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(page.contains("<h2>Par site</h2>") && page.contains("<td dir=\"auto\">Médiathèque Nord</td><td>41</td><td>78 %</td>"), page)
        XCTAssertTrue(page.contains("<circle"), "a dot per site")
        XCTAssertTrue(try XLSXReader.sheetNames(path: xlsx.path).contains("Par site"))
    }

    func testSitesWithDifferentTargetsNeedTheMockupThatHolds() throws {
        let source = try String(contentsOf: Fixtures.repository.appendingPathComponent("Examples/voix-du-quartier.yaml"), encoding: .utf8)
        let lowered = folder.appendingPathComponent("cible-basse.yaml")
        try source.replacingOccurrences(of: #"target: ">= 80%""#, with: #"target: ">= 75%""#).write(to: lowered, atomically: true, encoding: .utf8)
        let north = try aggregate("Examples/voix-du-quartier.yaml", "Examples/sites/voix-du-quartier/mediatheque.csv", "nord.json")
        let centre = try aggregate(lowered.path, "Examples/sites/voix-du-quartier/centre-social.csv", "centre.json")
        for order in [[north, centre], [centre, north]] {
            let run = try AtelierProcess.run(["merge"] + order + ["--lang", "en"])
            XCTAssertEqual(run.status, 2, "whatever the order")
            XCTAssertTrue(run.error.contains("have different targets for the indicator I1") && run.error.contains("--mockup"), run.error)
        }
        let chosen = try AtelierProcess.run(["merge", north, centre, "--mockup", lowered.path, "--lang", "en"])
        XCTAssertEqual(chosen.status, 0, chosen.error)
        XCTAssertTrue(chosen.output.contains("target ≥ 75% → met"), chosen.output)
    }

    func testTheSameExportGivenTwiceIsRefused() throws {
        let run = try AtelierProcess.run(["impact", "Examples/voix-du-quartier.yaml", "--responses", "Examples/sites/voix-du-quartier/centre-social.csv",
                                          "--responses", "./Examples/../Examples/sites/voix-du-quartier/centre-social.csv", "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("are the same file: its answers would be counted twice"), run.error)
    }
}


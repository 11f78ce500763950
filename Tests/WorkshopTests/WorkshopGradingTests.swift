import AtelierCore
import AtelierMockup
import AtelierUseCases
@testable import AtelierWorkshop
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest

/// Day 2 through the API: two trainers grade at once, each sees only their own levels, a blank
/// criterion leaves a group incomplete, members rate each other once, results appear only once
/// published and never show a teammate's score, and the command line gives the same marks from
/// the downloaded CSV and the exported mockups.
final class WorkshopGradingTests: XCTestCase {
    private var folder: URL!
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-grading-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    private static func example(_ name: String) -> String {
        try! String(contentsOf: repository.appendingPathComponent("Examples/\(name).yaml"), encoding: .utf8)
    }

    func testTwoTrainersGradeMembersRateAndTheCommandLineAgrees() async throws {
        let store = try WorkshopStore(folder: folder.appendingPathComponent("data"))
        let toolkit = Toolkit(library: TemplateLibrary(folder: Self.repository.appendingPathComponent("Templates")))
        let application = Application(router: try WorkshopServer(store: store, toolkit: toolkit).router())
        let scratch: URL = folder
        let marks = try await application.test(.router) { client -> [String: Double?] in
            let trainer = Visitor(), karim = Visitor()
            let created = try await trainer.send(client, .post, "/api/workshops", Self.json([
                "title": "Jour 2", "password": "secret123", "groups": ["A", "B"], "rubric": "presentation-atelier"]))
            let code = created.object["code"] as? String ?? ""
            _ = try await trainer.send(client, .post, "/api/trainer/cotrainers", Self.json(["name": "Karim", "password": "karim-2026"]))
            _ = try await karim.send(client, .post, "/api/trainer/login", Self.json(["code": code, "password": "karim-2026"]))
            var members: [String: Visitor] = [:]
            for (name, group) in [("Amina", "A"), ("Bruno", "A"), ("Chloé", "B")] {
                let member = Visitor()
                _ = try await member.send(client, .post, "/api/join", Self.json(["code": code, "name": name, "group": group]))
                members[name] = member
            }
            _ = try await members["Amina"]!.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": Self.example("voix-du-quartier")]))
            _ = try await members["Chloé"]!.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": Self.example("vr-abbaye")]))

            let view = try await trainer.send(client, .get, "/api/grading")
            let groups = (view.object["groups"] as? [[String: Any]]) ?? []
            XCTAssertEqual(groups.map { $0["title"] as? String }, ["Les voix du quartier", "L'abbaye retrouvée — reconstitution en réalité virtuelle"].map { Optional($0) }, "groups are graded under their mockups' titles")
            let criteria = ((view.object["rubric"] as? [String: Any])?["criteria"] as? [[String: Any]] ?? [])
                .filter { ($0["automatic"] as? Bool) == false && ($0["feedbackOnly"] as? Bool) == false }.compactMap { $0["id"] as? String }
            XCTAssertEqual(criteria.count, 8)
            let ids = groups.compactMap { $0["id"] as? Int }
            for (index, criterion) in criteria.enumerated() {
                for id in ids {
                    if id == ids[1], criterion == criteria.last { continue }
                    let tapped = try await trainer.send(client, .put, "/api/grading/scores", Self.json(["group": id, "criterion": criterion, "level": (index + id) % 4, "comment": "Bien vu"]))
                    XCTAssertEqual(tapped.status, .ok, tapped.text)
                    _ = try await karim.send(client, .put, "/api/grading/scores", Self.json(["group": id, "criterion": criterion, "level": (index + 2 * id) % 4]))
                }
            }
            let bad = try await karim.send(client, .put, "/api/grading/scores", Self.json(["group": ids[0], "criterion": "maquette", "level": 1]))
            XCTAssertEqual(bad.error, "« maquette » n'est pas un critère noté par les formateurs dans la grille de l'atelier.", "the automatic criterion is computed, not tapped")
            let tooHigh = try await karim.send(client, .put, "/api/grading/scores", Self.json(["group": ids[0], "criterion": criteria[0], "level": 9]))
            XCTAssertEqual(tooHigh.status, .badRequest)
            let karimsView = try await karim.send(client, .get, "/api/grading")
            let mine = karimsView.object["mine"] as? [[String: Any]] ?? []
            XCTAssertEqual(Set(mine.compactMap { $0["grader"] as? String }), ["Karim"], "a trainer sees only their own levels")
            XCTAssertEqual(mine.count, 2 * criteria.count - 1)
            let memberTries = try await members["Amina"]!.send(client, .get, "/api/grading")
            XCTAssertEqual(memberTries.status, .unauthorized)

            let reply1 = try await members["Amina"]!.send(client, .post, "/api/peer", Self.json(["marks": [["receiver": "Amina", "mark": 4]]]))
            XCTAssertEqual(reply1.error,
                           "Notez chaque membre du groupe, vous compris, une fois.")
            for (giver, marks) in [("Amina", [4.0, 3.0]), ("Bruno", [5.0, 2.0])] {
                let sent = try await members[giver]!.send(client, .post, "/api/peer", Self.json(["marks": [["receiver": "Amina", "mark": marks[0]], ["receiver": "Bruno", "mark": marks[1]]]]))
                XCTAssertEqual(sent.status, .created, sent.text)
            }
            let whoRated = try await trainer.send(client, .get, "/api/grading")
            let first = (whoRated.object["groups"] as? [[String: Any]])?.first
            XCTAssertEqual(first?["members"] as? [String], ["Amina", "Bruno"])
            XCTAssertEqual(first?["rated"] as? [String], ["Amina", "Bruno"], "the trainer sees who has answered")
            let twice = try await members["Bruno"]!.send(client, .post, "/api/peer", Self.json(["marks": [["receiver": "Amina", "mark": 1], ["receiver": "Bruno", "mark": 5]]]))
            XCTAssertEqual(twice.status, .conflict)
            let reply2 = try await members["Bruno"]!.send(client, .get, "/api/peer")
            XCTAssertEqual(reply2.object["submitted"] as? Bool, true)

            let results = try await trainer.send(client, .get, "/api/grading/results")
            let grading = try JSONSerialization.jsonObject(with: Data((results.object["grading"] as? String ?? "{}").utf8)) as? [String: Any] ?? [:]
            let graded = grading["groups"] as? [[String: Any]] ?? []
            XCTAssertEqual(graded.map { $0["status"] as? String }, ["marked", "incomplete"], "nobody gave group B a level on one criterion: no mark")
            XCTAssertNil(graded.last?["grade"] as? Double)
            XCTAssertTrue((results.object["summary"] as? String ?? "").contains("Karim"), "the summary names the graders")

            let reply3 = try await members["Amina"]!.send(client, .get, "/api/results")
            XCTAssertEqual(reply3.object["published"] as? Bool, false)
            _ = try await trainer.send(client, .post, "/api/grading/publish", Self.json(["group": ids[0], "published": true]))
            let amina = try await members["Amina"]!.send(client, .get, "/api/results")
            XCTAssertEqual(amina.object["published"] as? Bool, true)
            XCTAssertEqual(amina.object["mark"] as? Double, graded.first?["grade"] as? Double)
            XCTAssertNotNil(amina.object["individualMark"] as? Double)
            let peers = (graded.first?["peer"] as? [String: Any])?["members"] as? [[String: Any]] ?? []
            let brunoMark = peers.first { $0["name"] as? String == "Bruno" }?["mark"] as? Double
            XCTAssertNotNil(brunoMark)
            XCTAssertFalse(amina.text.contains("Bruno"), "Amina never reads Bruno's peer score or mark: \(amina.text.prefix(400))")
            let reply4 = try await members["Chloé"]!.send(client, .get, "/api/results")
            XCTAssertEqual(reply4.object["published"] as? Bool, false)

            let csv = try await trainer.send(client, .get, "/api/grading/scores.csv")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(csv.body.readableBytesView).write(to: scratch.appendingPathComponent("notes.csv"))
            let workbook = try await trainer.send(client, .get, "/api/grading/gradebook.xlsx")
            XCTAssertEqual(Array(workbook.body.readableBytesView.prefix(2)), [0x50, 0x4B], "a zip: the xlsx")
            let feedback = try await trainer.send(client, .get, "/api/grading/feedback.zip")
            let names = String(decoding: feedback.body.readableBytesView, as: UTF8.self)
            XCTAssertTrue(names.contains("les-voix-du-quartier.md") && names.contains("les-voix-du-quartier--amina.md"), "a file per group and per member")
            return Dictionary(graded.map { ($0["group"] as? String ?? "", $0["grade"] as? Double) }, uniquingKeysWith: { first, _ in first })
        }

        let exported = try store.archive(workshopID: 1).write(to: folder.appendingPathComponent("export"))
        let binary = Self.repository.appendingPathComponent(".build/debug/atelier")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["grade", "--rubric", "presentation-atelier", "--scores", folder.appendingPathComponent("notes.csv").path, "--json", "-", "--lang", "fr"]
            + exported.filter { $0.hasSuffix(".yaml") }
        process.environment = ["ATELIER_TEMPLATES": Self.repository.appendingPathComponent("Templates").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let command = Dictionary(((document["groups"] as? [[String: Any]]) ?? []).map { ($0["group"] as? String ?? "", $0["grade"] as? Double) },
                                 uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(command, marks, "atelier grade on the downloaded CSV and the exported mockups gives the same marks")
        XCTAssertEqual(marks.count, 2)
    }
}

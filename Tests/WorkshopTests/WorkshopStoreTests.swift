import AtelierCore
import AtelierMockup
import AtelierUseCases
@testable import AtelierWorkshop
import AtelierYAML
import Foundation
import XCTest

final class WorkshopStoreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-workshop-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEverySaveIsANewVersionAndAnOldBaseIsRefused() throws {
        let store = try WorkshopStore(folder: folder)
        let workshop = try store.createWorkshop(title: "Formation", language: .fr, password: "secret123", groups: ["A", "B", "A"])
        let groups = try store.groups(of: workshop.id)
        XCTAssertEqual(groups.map(\.name), ["A", "B"], "a group named twice is one group")
        XCTAssertEqual(workshop.code.count, 6)
        XCTAssertTrue(workshop.code.allSatisfy { JoinCode.alphabet.contains($0) })
        let group = groups[0].id
        guard case .saved(let first) = try store.save(groupID: group, base: 0, yaml: "title: un\n", author: "Amina") else { return XCTFail("first save") }
        XCTAssertEqual(first.number, 1)
        guard case .saved(let second) = try store.save(groupID: group, base: 1, yaml: "title: deux\n", author: "Bruno") else { return XCTFail("second save") }
        XCTAssertEqual(second.number, 2)
        XCTAssertEqual(try store.save(groupID: group, base: 1, yaml: "title: trois\n", author: "Chloé"), .conflict(latest: second),
                       "Chloé wrote from version 1: her save must not replace Bruno's")
        XCTAssertEqual(try store.save(groupID: group, base: 7, yaml: "x", author: "Chloé"), .conflict(latest: second))
        XCTAssertEqual(try store.save(groupID: groups[1].id, base: 3, yaml: "x", author: "Chloé"), .conflict(latest: nil))
        XCTAssertEqual(try store.history(groupID: group).map(\.number), [2, 1])
        XCTAssertEqual(try store.latest(groupID: group)?.yaml, "title: deux\n")
        XCTAssertEqual(try store.version(groupID: group, number: 1)?.author, "Amina")
        XCTAssertNil(try store.latest(groupID: groups[1].id))
    }

    func testTheTrainerPasswordIsKeptHashedAndChecked() throws {
        let store = try WorkshopStore(folder: folder)
        let workshop = try store.createWorkshop(title: "Formation", language: .en, password: "secret123", groups: ["A"])
        XCTAssertEqual(try store.trainerWorkshop(code: workshop.code.lowercased(), password: "secret123")?.workshop, workshop, "codes are read in any case")
        XCTAssertNil(try store.trainerWorkshop(code: workshop.code, password: "secret124"))
        XCTAssertTrue(try store.archive(workshopID: workshop.id).passwordHash.hasPrefix("$2"), "bcrypt, never the password")
    }

    func testSessionsSurviveAReopenedDatabase() throws {
        let workshop: Workshop, session: WorkshopSession
        do {
            let store = try WorkshopStore(folder: folder)
            workshop = try store.createWorkshop(title: "F", language: .fr, password: "secret123", groups: ["A"])
            session = try store.openSession(workshopID: workshop.id, role: .trainee, groupID: try store.groups(of: workshop.id)[0].id, name: "Amina")
            _ = try store.save(groupID: session.groupID!, base: 0, yaml: "title: x\n", author: "Amina")
        }
        let reopened = try WorkshopStore(folder: folder)
        XCTAssertEqual(try reopened.session(token: session.token), session)
        XCTAssertEqual(try reopened.latest(groupID: session.groupID!)?.number, 1)
        XCTAssertNil(try reopened.session(token: "nope"))
    }

    func testAnExportedWorkshopChecksOnTheCommandLineAndImportsBack() throws {
        let store = try WorkshopStore(folder: folder.appendingPathComponent("data"))
        let workshop = try store.createWorkshop(title: "Formation", language: .fr, password: "secret123", groups: ["Les Voix", "Abbaye", "Vide"],
                                                checklists: [WorkshopChecklist(name: "accessibilite", yaml: nil), WorkshopChecklist(name: "maison", yaml: "id: maison\n")],
                                                rubric: "presentation-atelier", dates: WorkshopDates(start: "2026-12-03", end: "2026-12-04"))
        try store.addCoTrainer(workshopID: workshop.id, name: "Karim", password: "karim-2026")
        let groups = try store.groups(of: workshop.id)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples")
        for (group, example) in zip(groups, ["voix-du-quartier.yaml", "vr-abbaye.yaml"]) {
            let text = try String(contentsOf: examples.appendingPathComponent(example), encoding: .utf8)
            _ = try store.save(groupID: group.id, base: 0, yaml: "title: brouillon\n", author: "Amina")
            _ = try store.save(groupID: group.id, base: 1, yaml: text, author: "Bruno")
        }
        let archive = try store.archive(workshopID: workshop.id)
        let written = try archive.write(to: folder.appendingPathComponent("export"))
        XCTAssertEqual(written.map { URL(fileURLWithPath: $0).lastPathComponent }, ["les-voix.yaml", "abbaye.yaml", "manifest.json"],
                       "one file per group that wrote something, and the manifest")
        let toolkit = Toolkit(library: TemplateLibrary(folder: examples.deletingLastPathComponent().appendingPathComponent("Templates")))
        let outcome = try CheckUseCase.run(CheckRequest(documents: try written.dropLast().map(SourceDocument.read), language: .fr), toolkit: toolkit)
        XCTAssertEqual(outcome.summary.errors, 0, "the exported mockups check clean, unchanged")

        let other = try WorkshopStore(folder: folder.appendingPathComponent("other"))
        let restored = try other.restore(try WorkshopArchive.read(from: folder.appendingPathComponent("export")))
        XCTAssertEqual(restored.code, workshop.code)
        XCTAssertEqual(try other.archive(workshopID: restored.id), archive, "every group and every version comes back")
        XCTAssertNotNil(try other.trainerWorkshop(code: workshop.code, password: "secret123"), "the trainer signs in as before")
        XCTAssertEqual(try other.trainerWorkshop(code: workshop.code, password: "karim-2026")?.trainer, "Karim", "and so does the co-trainer")
        XCTAssertEqual(try other.checklists(of: restored.id).map(\.name), ["accessibilite", "maison"])
        XCTAssertThrowsError(try other.restore(archive)) { XCTAssertEqual($0 as? WorkshopArchive.Problem, .codeInUse(workshop.code)) }
        XCTAssertThrowsError(try WorkshopArchive.read(from: folder)) { XCTAssertEqual($0 as? WorkshopArchive.Problem, .notAnArchive(folder.appendingPathComponent("manifest.json").path)) }
    }

    func testAQRCodeHasItsFinderPatterns() throws {
        let code = try XCTUnwrap(QRCode("http://192.168.1.20:8080/?code=K7QX2M"))
        XCTAssertEqual((code.size - 17) % 4, 0, "a QR code is 17 + 4k modules wide")
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            XCTAssertTrue((0..<7).allSatisfy { code.isDark(row: row, column: column + $0) && code.isDark(row: row + 6, column: column + $0) })
            XCTAssertFalse(code.isDark(row: row + 1, column: column + 1), "the finder's inner ring is light")
            XCTAssertTrue(code.isDark(row: row + 3, column: column + 3), "the finder's centre is dark")
        }
        XCTAssertTrue(code.svg.hasPrefix("<svg "))
        XCTAssertEqual(code.terminalText.split(separator: "\n").count, (code.size + 4 + 1) / 2)
    }

    func testTheFormsTreeWritesYAMLThatReadsBackTheSame() throws {
        let tree = YAMLTree.mapping([
            ("format", .text("atelier/1")),
            ("title", .text("Visite : « les voix » # 2")),
            ("summary", .text("Deux lignes\net des \"guillemets\", une tabulation\t, un antislash \\")),
            ("odd", .list([.text("- tiret"), .text("@arobase"), .text("  espaces  "), .text("yes"), .text("12"), .text("clé:"), .text("---")])),
            ("audiences", .list([
                .mapping([("id", .text("familles")), ("needs", .list([.text("visual"), .text("hearing")])), ("age", .mapping([("min", .text("6"))]))]),
                .mapping([("id", .text("scolaires")), ("needs", .list([])), ("notes", .empty)]),
            ])),
            ("empty", .mapping([])),
            ("nested", .list([.list([.text("a"), .text("b")])])),
        ])
        let text = tree.yaml
        let document = YAMLLoader.load(text)
        XCTAssertEqual(document.problems.count, 0, text)
        XCTAssertEqual(document.root.map(YAMLTree.init), tree, text)
    }
}

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

/// A browser as the API sees it: its cookies, and the CSRF token its session was given.
final class Visitor: @unchecked Sendable {
    var cookies: [String: String] = [:]
    var csrf = ""
    var origin: String?

    @discardableResult
    func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil,
              csrf sendsCSRF: Bool = true, headers extra: HTTPFields = [:], raw: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if json != nil { headers[.contentType] = "application/json" }
        if sendsCSRF, !csrf.isEmpty { headers[HTTPField.Name("X-Atelier-CSRF")!] = csrf }
        if let origin { headers[.origin] = origin }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: raw ?? json.map { ByteBuffer(string: $0) })
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            cookies[String(pair[0])] = String(pair[1])
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any],
           let token = object["csrf"] as? String {
            csrf = token
        }
        return response
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:] }
    var error: String { object["error"] as? String ?? "" }
}

final class WorkshopAPITests: XCTestCase {
    private var folder: URL!
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-api-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func application() throws -> some ApplicationProtocol {
        let store = try WorkshopStore(folder: folder)
        let toolkit = Toolkit(library: TemplateLibrary(folder: Self.repository.appendingPathComponent("Templates")))
        return Application(router: try WorkshopServer(store: store, toolkit: toolkit, addresses: ["http://10.0.0.5:8080"]).router())
    }

    private static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// What a site shares with its network, as `atelier impact --aggregate` writes it.
    static func aggregate(site: String) throws -> Data {
        let toolkit = Toolkit(library: TemplateLibrary(folder: repository.appendingPathComponent("Templates")))
        let request = ImpactRequest(mockup: try SourceDocument.read(repository.appendingPathComponent("Examples/voix-du-quartier.yaml").path),
                                    responses: [repository.appendingPathComponent("Examples/sites/voix-du-quartier/\(site).csv").path], language: .fr)
        return try ImpactUseCase.run(request, toolkit: toolkit).aggregateFile.encoded()
    }

    private static let example = try! String(contentsOf: repository.appendingPathComponent("Examples/vr-abbaye.yaml"), encoding: .utf8)

    /// A workshop with groups A and B, its trainer signed in; returns its code.
    private static func workshop(_ client: some TestClientProtocol, trainer: Visitor, language: String = "fr") async throws -> String {
        let created = try await trainer.send(client, .post, "/api/workshops",
                                             Self.json(["title": "Formation <b>", "language": language, "password": "secret123", "groups": ["A", "B"]]))
        XCTAssertEqual(created.status, .created, created.text)
        XCTAssertTrue(created.headers[.setCookie]?.contains("HttpOnly") == true)
        XCTAssertTrue(created.headers[.setCookie]?.contains("SameSite=Strict") == true)
        return created.object["code"] as? String ?? ""
    }

    private static func join(_ client: some TestClientProtocol, _ code: String, name: String, group: String) async throws -> Visitor {
        let visitor = Visitor()
        let joined = try await visitor.send(client, .post, "/api/join", Self.json(["code": code, "name": name, "group": group]))
        XCTAssertEqual(joined.status, .ok, joined.text)
        return visitor
    }

    func testAGroupWritesChecksSavesAndIsRefusedOnAnOldVersion() async throws {
        try await application().test(.router) { client in
            let trainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            let amina = try await Self.join(client, code.lowercased(), name: "Amina", group: "A")
            let bruno = try await Self.join(client, code, name: "Bruno", group: "A")
            let session = try await amina.send(client, .get, "/api/session")
            XCTAssertEqual(session.object["group"] as? String, "A")
            XCTAssertEqual(session.object["role"] as? String, "trainee")

            let empty = try await amina.send(client, .get, "/api/mockup")
            XCTAssertEqual(empty.object["number"] as? Int, 0)
            let checked = try await amina.send(client, .post, "/api/check", Self.json(["yaml": "format: atelier/1\ntitle: [\n"]))
            let file = (checked.object["files"] as? [[String: Any]])?.first
            XCTAssertEqual((file?["findings"] as? [[String: Any]])?.first?["rule"] as? String, "yaml-syntax")

            let first = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": Self.example]))
            XCTAssertEqual(first.status, .ok, first.text)
            XCTAssertEqual(first.object["number"] as? Int, 1)
            let stale = try await bruno.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": "title: Bruno\n"]))
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertEqual(stale.error, "Amina a enregistré la version 1 pendant que vous écriviez : votre texte n'a pas été enregistré. Comparez les deux, puis enregistrez.")
            XCTAssertEqual((stale.object["latest"] as? [String: Any])?["yaml"] as? String, Self.example, "Bruno sees what Amina saved")
            let merged = try await bruno.send(client, .put, "/api/mockup", Self.json(["base": 1, "yaml": Self.example + "\n"]))
            XCTAssertEqual(merged.object["number"] as? Int, 2)
            let history = try await amina.send(client, .get, "/api/mockup/history")
            XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(history.body.readableBytesView)) as? [[String: Any]])?.map { $0["author"] as? String }, ["Bruno", "Amina"])
            let download = try await amina.send(client, .get, "/api/mockup/download")
            XCTAssertEqual(download.text, Self.example + "\n")
            XCTAssertEqual(download.headers[.contentDisposition], "attachment; filename=\"maquette.yaml\"")
            let sheet = try await amina.send(client, .get, "/sheet")
            XCTAssertTrue(sheet.text.contains("<h1"), "the project sheet of the latest version")

            let overview = try await trainer.send(client, .get, "/api/trainer/overview")
            let groups = overview.object["groups"] as? [[String: Any]] ?? []
            XCTAssertEqual(groups.map { $0["name"] as? String }, ["A", "B"])
            XCTAssertEqual(groups.first?["version"] as? Int, 2)
            XCTAssertEqual(groups.first?["errors"] as? Int, 0)
            XCTAssertGreaterThan(groups.first?["readiness"] as? Double ?? 0, 0.9)
            XCTAssertNil(groups.last?["readiness"] as? Double, "group B has not started")
            XCTAssertEqual(overview.object["addresses"] as? [String], ["http://10.0.0.5:8080"])
            let qr = try await trainer.send(client, .get, "/api/trainer/qr.svg")
            XCTAssertEqual(qr.headers[.contentType], "image/svg+xml")
            let export = try await trainer.send(client, .get, "/api/trainer/export")
            let archive = try JSONDecoder().decode(WorkshopArchive.self, from: Data(export.body.readableBytesView))
            XCTAssertEqual(archive.groups.map { $0.versions.count }, [2, 0])
        }
    }

    func testEveryRefusalSaysWhy() async throws {
        try await application().test(.router) { client in
            let stranger = Visitor()
            let reply1 = try await stranger.send(client, .get, "/api/session")
            XCTAssertEqual(reply1.status, .unauthorized)
            let reply2 = try await stranger.send(client, .get, "/api/mockup")
            XCTAssertEqual(reply2.error,
                           "Vous n'êtes pas (ou plus) dans un atelier : rejoignez-le avec son code.")
            let short = try await stranger.send(client, .post, "/api/workshops", Self.json(["title": "T", "password": "court", "groups": ["A"]]))
            XCTAssertEqual(short.status, .badRequest)
            XCTAssertEqual(short.error, "Le mot de passe doit compter au moins 8 caractères.")
            let noGroups = try await stranger.send(client, .post, "/api/workshops", Self.json(["title": "T", "password": "secret123", "groups": [" "]]))
            XCTAssertEqual(noGroups.error, "Donnez au moins un groupe, un par ligne.")
            let missing = try await stranger.send(client, .post, "/api/workshops", Self.json(["title": "T", "groups": ["A"]]))
            XCTAssertEqual(missing.error, "Il manque « password ».")
            let notJSON = try await stranger.send(client, .post, "/api/workshops", "title=T")
            XCTAssertEqual(notJSON.error, "Requête illisible : JSON.")

            let trainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            let unknownGroup = try await stranger.send(client, .post, "/api/join", Self.json(["code": code, "name": "Zoé", "group": "C"]))
            XCTAssertEqual(unknownGroup.error, "L'atelier n'a pas de groupe « C ». Groupes : A, B.")
            let amina = try await Self.join(client, code, name: "Amina", group: "A")
            let reply3 = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": "x"]), csrf: false)
            XCTAssertEqual(reply3.status, .forbidden)
            amina.csrf = "forged"
            let reply4 = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": "x"]))
            XCTAssertEqual(reply4.error,
                           "Requête refusée : le jeton de sécurité manque ou ne correspond pas. Rechargez la page.")
            _ = try await amina.send(client, .get, "/api/session")
            let nowhere = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 4, "yaml": "x"]))
            XCTAssertEqual(nowhere.error, "La version 4 n'existe pas : rechargez la page.")
            let reply5 = try await amina.send(client, .get, "/api/trainer/overview")
            XCTAssertEqual(reply5.error, "Réservé au formateur ou à la formatrice de l'atelier.")
            let huge = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": String(repeating: "a", count: 1_100_000)]))
            XCTAssertEqual(huge.status, .contentTooLarge)
            XCTAssertEqual(huge.error, "La requête dépasse 1 Mo : une maquette tient en moins d'1 Mo. Retirez les textes collés par erreur.")
            let reply6 = try await amina.send(client, .get, "/sheet")
            XCTAssertEqual(reply6.error, "Ce groupe n'a encore rien enregistré.")

            let elsewhere = Visitor()
            elsewhere.origin = "http://evil.example"
            let reply7 = try await elsewhere.send(client, .post, "/api/join", Self.json(["code": code, "name": "Eve", "group": "A"]))
            XCTAssertEqual(reply7.error,
                           "Requête refusée : elle vient d'une autre page que celles de l'atelier.")

            let guesser = Visitor()
            for attempt in 0..<10 {
                let reply = try await guesser.send(client, .post, "/api/trainer/login", Self.json(["code": code, "password": "guess\(attempt)xx"]))
                XCTAssertEqual(reply.status, .unauthorized)
            }
            let limited = try await guesser.send(client, .post, "/api/trainer/login", Self.json(["code": code, "password": "secret123"]))
            XCTAssertEqual(limited.status, .tooManyRequests, "even the right password waits once the attempts are used up")
            XCTAssertEqual(limited.error, "Trop d'essais en une minute : attendez un peu avant de réessayer.")
        }
    }

    func testNobodyReadsAnotherGroupOrWorkshop() async throws {
        try await application().test(.router) { client in
            let trainer = Visitor(), otherTrainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            _ = try await Self.workshop(client, trainer: otherTrainer)
            let amina = try await Self.join(client, code, name: "Amina", group: "A")
            let bruno = try await Self.join(client, code, name: "Bruno", group: "B")
            _ = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": "title: secret de A\n"]))
            let reply8 = try await bruno.send(client, .get, "/api/mockup")
            XCTAssertEqual(reply8.object["number"] as? Int, 0, "B sees its own, empty mockup")
            let groupA = try await trainer.send(client, .get, "/api/trainer/overview")
            let idA = (groupA.object["groups"] as? [[String: Any]])?.first?["id"] as? Int ?? 0
            let reply9 = try await bruno.send(client, .get, "/sheet?group=\(idA)")
            XCTAssertFalse(reply9.text.contains("secret de A"), "a trainee's sheet is their own group's")
            let reply10 = try await otherTrainer.send(client, .get, "/api/trainer/groups/\(idA)")
            XCTAssertEqual(reply10.status, .forbidden)
            let reply11 = try await trainer.send(client, .get, "/api/trainer/groups/\(idA)")
            XCTAssertEqual(reply11.object["yaml"] as? String, "title: secret de A\n")
        }
    }

    func testEveryDocumentedOperationIsAnswered() async throws {
        try await application().test(.router) { client in
            let trainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            let amina = try await Self.join(client, code, name: "Amina", group: "A")
            let overview = try await trainer.send(client, .get, "/api/trainer/overview")
            let id = (overview.object["groups"] as? [[String: Any]])?.first?["id"] as? Int ?? 0
            let mockup = try String(contentsOf: Self.repository.appendingPathComponent("Examples/voix-du-quartier.yaml"), encoding: .utf8)
            let export = try Data(contentsOf: Self.repository.appendingPathComponent("Examples/surveys/voix-du-quartier-google.csv"))
            for operation in OpenAPIDocument.operations {
                let uri = operation.path.replacingOccurrences(of: "{code}", with: code).replacingOccurrences(of: "{name}", with: "blank")
                    .replacingOccurrences(of: "{id}", with: "\(id)").replacingOccurrences(of: "{group}", with: "\(id)")
                if operation.path == "/api/network/aggregates" {
                    let uploaded = try await trainer.send(client, .post, uri, headers: [HTTPField.Name("X-Filename")!: "mediatheque.json"],
                                                          raw: ByteBuffer(bytes: try Self.aggregate(site: "mediatheque")))
                    XCTAssertEqual(uploaded.status, .created, uploaded.text)
                    continue
                }
                if operation.path == "/api/impact/{group}/exports", operation.method == "post" {
                    let uploaded = try await trainer.send(client, .post, uri, headers: [HTTPField.Name("X-Filename")!: "google.csv"], raw: ByteBuffer(bytes: export))
                    XCTAssertEqual(uploaded.status, .created, uploaded.text)
                    continue
                }
                let visitor = operation.session == "trainer" ? trainer : operation.session == nil && operation.changes ? Visitor() : amina
                let body: String? = switch operation.path {
                case "/api/check", "/api/yaml/tree": Self.json(["yaml": "title: x\n"])
                case "/api/yaml/text": Self.json(["tree": ["o": [["title", "x"]]]])
                case "/api/mockup": Self.json(["base": 0, "yaml": mockup])
                default: operation.changes ? "{}" : nil
                }
                let response = try await visitor.send(client, HTTPRequest.Method(rawValue: operation.method.uppercased())!, uri, body)
                XCTAssertNotEqual(response.status, .notFound, "\(operation.method) \(operation.path): \(response.text)")
                XCTAssertNotEqual(response.status, .methodNotAllowed, "\(operation.method) \(operation.path)")
                if operation.session != nil, !operation.changes { XCTAssertEqual(response.status, .ok, "\(operation.path): \(response.text)") }
            }
            let document = try await Visitor().send(client, .get, "/openapi.json")
            let paths = (document.object["paths"] as? [String: Any])?.keys.sorted()
            XCTAssertEqual(paths, Set(OpenAPIDocument.operations.map(\.path)).sorted())
            XCTAssertEqual(document.object["openapi"] as? String, "3.1.0")
        }
    }

    func testPagesCarryNoInlineScriptAndStrictHeaders() async throws {
        try await application().test(.router) { client in
            for path in ["/", "/trainer", "/edit", "/?lang=en"] {
                let page = try await Visitor().send(client, .get, path)
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
                XCTAssertEqual(page.headers[HTTPField.Name("X-Content-Type-Options")!], "nosniff")
                XCTAssertNil(page.text.range(of: "<script(?![^>]*\\ssrc=)", options: .regularExpression), "\(path): no inline script")
                XCTAssertNil(page.text.range(of: " on[a-z]+=", options: .regularExpression), "\(path): no inline handler")
                XCTAssertFalse(page.text.contains("http://") || page.text.contains("https://"), "\(path): nothing loaded from elsewhere")
            }
            let reply12 = try await Visitor().send(client, .get, "/?lang=en")
            XCTAssertTrue(reply12.text.contains("<h1>Join the workshop</h1>"))
            let reply13 = try await Visitor().send(client, .get, "/assets/../Package.swift")
            XCTAssertEqual(reply13.status, .notFound)
            let words = try await Visitor().send(client, .get, "/assets/words/en")
            XCTAssertEqual(words.object["saveButton"] as? String, "Save")
        }
    }

    func testAHostileTitleStaysTextOnTheSheet() async throws {
        try await application().test(.router) { client in
            let trainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            let amina = try await Self.join(client, code, name: "<img src=x onerror=alert(1)>", group: "A")
            let hostile = Self.example.replacingOccurrences(of: "title: ", with: "title: \"<script>alert(1)</script>\" # ", options: [], range: Self.example.range(of: "title: "))
            _ = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": hostile]))
            let sheet = try await amina.send(client, .get, "/sheet")
            XCTAssertFalse(sheet.text.contains("<script>alert(1)"))
            XCTAssertTrue(sheet.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertEqual(sheet.headers[HTTPField.Name("Content-Security-Policy")!],
                           "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
                           "a report keeps its inline style; no script of any kind runs in it")
        }
    }

    func testAWorkshopChecksWithItsTrainersChecklistsAndCoTrainersSignIn() async throws {
        let uploaded = try String(contentsOf: Self.repository.appendingPathComponent("Examples/checklists/reseau-mediatheques.yaml"), encoding: .utf8)
        try await application().test(.router) { client in
            let trainer = Visitor()
            let bad = try await trainer.send(client, .post, "/api/workshops", Self.json([
                "title": "T", "password": "secret123", "groups": ["A"], "uploads": [["name": "cassee", "yaml": "id: x\nrules: [\n"]]]))
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.error.hasPrefix("La grille de vérification « cassee » ne peut pas servir : "), bad.error)
            let backwards = try await trainer.send(client, .post, "/api/workshops", Self.json([
                "title": "T", "password": "secret123", "groups": ["A"], "dates": ["start": "2026-12-04", "end": "2026-12-03"]]))
            XCTAssertEqual(backwards.error, "Dates de l'atelier impossibles : du 2026-12-04 au 2026-12-03. Écrivez deux dates, la première avant la seconde.")
            let noRubric = try await trainer.send(client, .post, "/api/workshops", Self.json(["title": "T", "password": "secret123", "groups": ["A"], "rubric": "aucune"]))
            XCTAssertTrue(noRubric.error.hasPrefix("Grille « aucune » inconnue. Grilles fournies : "), noRubric.error)
            let created = try await trainer.send(client, .post, "/api/workshops", Self.json([
                "title": "Réseau", "password": "secret123", "groups": ["A"], "uploads": [["name": "reseau-mediatheques", "yaml": uploaded]],
                "rubric": "presentation-atelier", "dates": ["start": "2026-12-03", "end": "2026-12-04"]]))
            XCTAssertEqual(created.status, .created, created.text)
            let code = created.object["code"] as? String ?? ""
            let plain = Visitor()
            _ = try await plain.send(client, .post, "/api/workshops", Self.json(["title": "Sans", "password": "secret123", "groups": ["A"]]))
            let plainSession = try await plain.send(client, .get, "/api/session")
            let plainCode = plainSession.object["code"] as? String ?? ""

            let mockup = Self.example.replacingOccurrences(of: "partners:", with: "former-partners:")
            func rules(_ workshopCode: String) async throws -> Set<String> {
                let member = try await Self.join(client, workshopCode, name: "Amina", group: "A")
                let checked = try await member.send(client, .post, "/api/check", Self.json(["yaml": mockup]))
                let findings = ((checked.object["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
                return Set(findings.compactMap { $0["rule"] as? String })
            }
            let withNetwork = try await rules(code), without = try await rules(plainCode)
            XCTAssertFalse(withNetwork.subtracting(without).isEmpty, "the uploaded checklist adds its rules: \(withNetwork) vs \(without)")
            XCTAssertTrue(withNetwork.subtracting(without).allSatisfy { ["partner-library", "need-named"].contains($0) }, "\(withNetwork.subtracting(without))")

            let added = try await trainer.send(client, .post, "/api/trainer/cotrainers", Self.json(["name": "Karim", "password": "karim-2026"]))
            XCTAssertEqual(added.status, .created)
            XCTAssertEqual(added.object["coTrainers"] as? [String], ["Karim"])
            let karim = Visitor()
            let reply101 = try await karim.send(client, .post, "/api/trainer/login", Self.json(["code": code, "password": "karim-2026"]))
            XCTAssertEqual(reply101.status, .ok)
            let overview = try await karim.send(client, .get, "/api/trainer/overview")
            XCTAssertEqual(overview.object["rubric"] as? String, "presentation-atelier")
            XCTAssertEqual(overview.object["dates"] as? [String: String], ["start": "2026-12-03", "end": "2026-12-04"])
            XCTAssertEqual(overview.object["checklists"] as? [String], ["reseau-mediatheques"])
            let karimSession = try await karim.send(client, .get, "/api/session")
            XCTAssertEqual(karimSession.object["name"] as? String, "Karim")
        }
    }

    func testAnUploadedExportGivesTheIndicatorsOfAtelierImpact() async throws {
        let mockup = try String(contentsOf: Self.repository.appendingPathComponent("Examples/voix-du-quartier.yaml"), encoding: .utf8)
        let exportURL = Self.repository.appendingPathComponent("Examples/surveys/voix-du-quartier-google.csv")
        let indicators = try await application().test(.router) { client -> Any? in
            let trainer = Visitor()
            let code = try await Self.workshop(client, trainer: trainer)
            let amina = try await Self.join(client, code, name: "Amina", group: "A")
            _ = try await amina.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": mockup]))
            let overview = try await trainer.send(client, .get, "/api/trainer/overview")
            let id = (overview.object["groups"] as? [[String: Any]])?.first?["id"] as? Int ?? 0
            let none = try await trainer.send(client, .get, "/api/impact/\(id)/report.json")
            XCTAssertEqual(none.error, "Aucun export d'enquête n'a encore été déposé pour ce groupe.")
            let wrongKind = try await trainer.send(client, .post, "/api/impact/\(id)/exports", headers: [HTTPField.Name("X-Filename")!: "notes.pdf"], raw: ByteBuffer(string: "%PDF"))
            XCTAssertEqual(wrongKind.status, .unsupportedMediaType)
            let uploaded = try await trainer.send(client, .post, "/api/impact/\(id)/exports", headers: [HTTPField.Name("X-Filename")!: "google.csv"],
                                                  raw: ByteBuffer(bytes: try Data(contentsOf: exportURL)))
            XCTAssertEqual(uploaded.object["exports"] as? [String], ["google.csv"])
            let reply201 = try await amina.send(client, .get, "/api/impact/\(id)/report.json")
            XCTAssertEqual(reply201.status, .unauthorized, "the institution's view, not a trainee's")
            let page = try await trainer.send(client, .get, "/api/impact/\(id)/report.html")
            XCTAssertTrue(page.text.contains("<svg"), "the report with its charts")
            let workbook = try await trainer.send(client, .get, "/api/impact/\(id)/workbook.xlsx")
            XCTAssertEqual(Array(workbook.body.readableBytesView.prefix(2)), [0x50, 0x4B])
            let aggregate = try await trainer.send(client, .get, "/api/impact/\(id)/aggregate.json")
            XCTAssertNotNil(aggregate.object["aggregate"], aggregate.text.prefix(200).description)
            let huge = try await trainer.send(client, .post, "/api/impact/\(id)/exports", headers: [HTTPField.Name("X-Filename")!: "big.csv"],
                                              raw: ByteBuffer(repeating: UInt8(ascii: "a"), count: 50 * 1_048_576 + 1))
            XCTAssertEqual(huge.status, .contentTooLarge)
            XCTAssertEqual(huge.error, "L'export dépasse 50 Mo : découpez-le ou utilisez atelier impact sur la ligne de commande.")
            let other = (overview.object["groups"] as? [[String: Any]])?.last?["id"] as? Int ?? 0
            let bruno = try await Self.join(client, code, name: "Bruno", group: "B")
            _ = try await bruno.send(client, .put, "/api/mockup", Self.json(["base": 0, "yaml": mockup]))
            _ = try await trainer.send(client, .post, "/api/impact/\(other)/exports", headers: [HTTPField.Name("X-Filename")!: "piege.xlsx"],
                                       raw: ByteBuffer(string: "PK\u{3}\u{4}not really a workbook"))
            let hostile = try await trainer.send(client, .get, "/api/impact/\(other)/report.json")
            XCTAssertEqual(hostile.status, .unprocessableContent, "a damaged workbook gives no report")
            XCTAssertTrue(hostile.error.contains("piege.xlsx"), "and says which file and why: \(hostile.text)")
            let bogus = try await trainer.send(client, .post, "/api/network/aggregates", headers: [HTTPField.Name("X-Filename")!: "x.json"], raw: ByteBuffer(string: "{}"))
            XCTAssertEqual(bogus.status, .unprocessableContent, bogus.text)
            for site in ["mediatheque", "centre-social"] {
                let sent = try await trainer.send(client, .post, "/api/network/aggregates", headers: [HTTPField.Name("X-Filename")!: "\(site).json"],
                                                  raw: ByteBuffer(bytes: try Self.aggregate(site: site)))
                XCTAssertEqual(sent.status, .created, sent.text)
            }
            let network = try await trainer.send(client, .get, "/api/network/report.html")
            XCTAssertTrue(network.text.contains("mediatheque") && network.text.contains("centre-social"), "each site beside the network")
            return try await trainer.send(client, .get, "/api/impact/\(id)/report.json").object["indicators"]
        }
        let toolkit = Toolkit(library: TemplateLibrary(folder: Self.repository.appendingPathComponent("Templates")))
        let command = try ImpactUseCase.run(ImpactRequest(mockup: try SourceDocument.read(Self.repository.appendingPathComponent("Examples/voix-du-quartier.yaml").path),
                                                          responses: [exportURL.path], language: .fr), toolkit: toolkit)
        let expected = (try JSONSerialization.jsonObject(with: Data(command.reports.json.utf8)) as? [String: Any])?["indicators"]
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: indicators ?? [], options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: expected ?? [], options: .sortedKeys),
                       "the same indicators as atelier impact on the same export")
    }
}

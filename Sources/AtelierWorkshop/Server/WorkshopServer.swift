import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierReport
import AtelierUseCases
import AtelierYAML
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The workshop's HTTP server: its routes, each calling the library's use cases, never the
/// command line. Trainees reach only their own group's mockup; the trainer reaches every group.
public struct WorkshopServer: Sendable {
    let store: WorkshopStore
    let toolkit: Toolkit
    let checkers: CheckerCache
    let limiter = AttemptLimiter()
    let cache = CheckCache()
    /// The addresses trainees type, shown on the trainer's page.
    let addresses: [String]

    public init(store: WorkshopStore, toolkit: Toolkit, addresses: [String] = []) throws {
        self.store = store
        self.toolkit = toolkit
        self.checkers = CheckerCache(store: store, toolkit: toolkit, folder: store.folder.appendingPathComponent("checklists"))
        self.addresses = addresses
    }

    static let trainerCookie = "atelier-trainer"
    static let traineeCookie = "atelier-trainee"
    static let csrfHeader = HTTPField.Name("X-Atelier-CSRF")!

    public func router() -> Router<WorkshopContext> {
        let router = Router(context: WorkshopContext.self)
        router.add(middleware: SecurityHeaders())
        Pages(server: self).register(on: router)
        router.get("openapi.json") { _, _ in Reply.bytes(Data(OpenAPIDocument.text.utf8), type: "application/json; charset=utf-8") }
        router.get("schema/mockup.json") { _, _ in
            Reply.bytes(FileManager.default.contents(atPath: toolkit.library.schemaFile.path) ?? Data(), type: "application/json; charset=utf-8")
        }
        registerJoining(on: router)
        registerMockup(on: router)
        registerTrainer(on: router)
        registerGrading(on: router)
        registerImpact(on: router)
        registerNetwork(on: router)
        return router
    }

    // MARK: Joining and signing in

    private func registerJoining(on router: Router<WorkshopContext>) {
        router.get("api/workshops/{code}") { request, context in
            let language = Self.language(of: request)
            let code = try context.parameters.require("code")
            guard let workshop = try store.workshop(code: code) else { throw Refusal(.notFound, .unknownCode, ["code": code], language: language) }
            return Reply.json(PublicWorkshop(title: workshop.title, language: workshop.language, groups: try store.groups(of: workshop.id).map(\.name)))
        }
        router.post("api/workshops") { request, context in
            let language = Self.language(of: request)
            try Self.requireSameOrigin(request, language: language)
            let body = try await Self.decode(NewWorkshop.self, from: request, language: language)
            guard body.password.count >= 8 else { throw Refusal(.badRequest, .shortPassword, language: language) }
            let groups = body.groups.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !groups.isEmpty else { throw Refusal(.badRequest, .noGroups, language: language) }
            let title = body.title.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { throw Refusal(.badRequest, .missingField, ["field": "title"], language: language) }
            let checklists = (body.checklists ?? []).map { WorkshopChecklist(name: $0, yaml: nil) }
                + (body.uploads ?? []).map { WorkshopChecklist(name: $0.name, yaml: $0.yaml) }
            if let rubric = body.rubric, !toolkit.rubricNames.contains(rubric) {
                throw Refusal(.badRequest, .unknownRubric, ["name": rubric, "names": toolkit.rubricNames.joined(separator: ", ")], language: language)
            }
            try checkers.validate(checklists, language: language)
            if let dates = body.dates {
                guard let start = ScalarParser.date(dates.start), let end = ScalarParser.date(dates.end), start <= end else {
                    throw Refusal(.badRequest, .badDates, ["start": dates.start, "end": dates.end], language: language)
                }
            }
            let workshop = try store.createWorkshop(title: title, language: body.language ?? language, password: body.password, groups: groups,
                                                    checklists: checklists, rubric: body.rubric, dates: body.dates)
            let session = try store.openSession(workshopID: workshop.id, role: .trainer, groupID: nil, name: Self.mainTrainer(workshop.language))
            return Self.opened(session, cookie: Self.trainerCookie, extra: workshop.code, status: .created)
        }
        router.post("api/trainer/login") { request, context in
            let language = Self.language(of: request)
            try Self.requireSameOrigin(request, language: language)
            guard await limiter.allows(context.client) else { throw Refusal(.tooManyRequests, .tooManyAttempts, language: language) }
            let body = try await Self.decode(TrainerLogin.self, from: request, language: language)
            guard let (workshop, trainer) = try store.trainerWorkshop(code: body.code, password: body.password) else {
                await limiter.recordFailure(context.client)
                throw Refusal(.unauthorized, .wrongPassword, language: language)
            }
            let session = try store.openSession(workshopID: workshop.id, role: .trainer, groupID: nil, name: trainer ?? Self.mainTrainer(workshop.language))
            return Self.opened(session, cookie: Self.trainerCookie, extra: workshop.code)
        }
        router.post("api/join") { request, context in
            let language = Self.language(of: request)
            try Self.requireSameOrigin(request, language: language)
            guard await limiter.allows(context.client) else { throw Refusal(.tooManyRequests, .tooManyAttempts, language: language) }
            let body = try await Self.decode(Join.self, from: request, language: language)
            guard let workshop = try store.workshop(code: body.code) else {
                await limiter.recordFailure(context.client)
                throw Refusal(.notFound, .unknownCode, ["code": body.code], language: language)
            }
            let groups = try store.groups(of: workshop.id)
            guard let group = groups.first(where: { $0.name == body.group }) else {
                throw Refusal(.badRequest, .unknownGroup, ["group": body.group, "groups": groups.map(\.name).joined(separator: ", ")], language: workshop.language)
            }
            let name = body.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw Refusal(.badRequest, .missingField, ["field": "name"], language: workshop.language) }
            let session = try store.openSession(workshopID: workshop.id, role: .trainee, groupID: group.id, name: String(name.prefix(80)))
            return Self.opened(session, cookie: Self.traineeCookie, extra: workshop.code)
        }
        router.get("api/session") { request, _ in
            let (session, workshop) = try resolve(request, role: nil)
            let group = try session.groupID.flatMap { id in try store.groups(of: workshop.id).first { $0.id == id } }
            return Reply.json(SessionView(role: session.role, name: session.name, csrf: session.csrf, code: workshop.code, title: workshop.title,
                                          language: workshop.language, group: group?.name))
        }
    }

    // MARK: The group's mockup

    private func registerMockup(on router: Router<WorkshopContext>) {
        router.get("api/templates") { _, _ in Reply.json(toolkit.library.mockupTemplateNames) }
        router.get("api/checklists") { _, _ in
            Reply.json(["checklists": ChecklistSet.builtinNames(in: toolkit.library.checklistsFolder).filter { $0 != ChecklistSet.defaultChecklist },
                        "rubrics": toolkit.rubricNames])
        }
        router.get("api/templates/{name}") { request, context in
            let name = try context.parameters.require("name")
            guard let text = try? toolkit.library.mockupTemplate(named: name) else {
                throw Refusal(.notFound, .unknownTemplate, ["name": name], language: Self.language(of: request))
            }
            return Reply.json(["name": name, "yaml": text])
        }
        router.post("api/check") { request, _ in
            let (session, workshop) = try resolve(request, role: nil)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(CheckBody.self, from: request, language: workshop.language)
            let file = try await checkers.checker(for: workshop).check(SourceDocument(path: "maquette.yaml", bytes: Array(body.yaml.utf8)), language: workshop.language)
            return Reply.rawJSON(JSONReporter.render([file], language: workshop.language))
        }
        router.post("api/yaml/tree") { request, _ in
            let (session, workshop) = try resolve(request, role: nil)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(CheckBody.self, from: request, language: workshop.language)
            let document = YAMLLoader.load(Array(body.yaml.utf8))
            if let problem = document.problems.first {
                let place = "\(WorkshopMessage.lineWord.template(in: workshop.language)) \(problem.position.line) — "
                return Reply.json(TreeReply(tree: nil, error: place + problem.finding.message[workshop.language]))
            }
            return Reply.json(TreeReply(tree: document.root.map { TreeJSON(YAMLTree($0)) }, error: nil))
        }
        router.post("api/yaml/text") { request, _ in
            let (session, workshop) = try resolve(request, role: nil)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(TreeBody.self, from: request, language: workshop.language)
            return Reply.json(["yaml": body.tree.tree.yaml])
        }
        router.get("api/mockup") { request, _ in
            let (group, _, _) = try trainee(request)
            return Reply.json(try store.latest(groupID: group) ?? MockupVersion(number: 0, yaml: "", author: "", savedAt: ""))
        }
        router.put("api/mockup") { request, _ in
            let (group, session, workshop) = try trainee(request)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(SaveBody.self, from: request, language: workshop.language)
            switch try store.save(groupID: group, base: body.base, yaml: body.yaml, author: session.name) {
            case .saved(let version):
                return Reply.json(version)
            case .conflict(let latest?):
                let message = WorkshopMessage.text(.conflict, ["author": latest.author, "number": "\(latest.number)"])
                return Reply.json(ConflictView(error: message[workshop.language], latest: latest), status: .conflict)
            case .conflict(nil):
                throw Refusal(.conflict, .conflictNoBase, ["number": "\(body.base)"], language: workshop.language)
            }
        }
        router.get("api/mockup/history") { request, _ in
            let (group, _, _) = try trainee(request)
            return Reply.json(try store.history(groupID: group))
        }
        router.get("api/mockup/download") { request, _ in
            let (group, _, workshop) = try trainee(request)
            guard let latest = try store.latest(groupID: group) else { throw Refusal(.notFound, .noVersion, language: workshop.language) }
            return Reply.bytes(Data(latest.yaml.utf8), type: "application/yaml; charset=utf-8", download: "maquette.yaml")
        }
        router.get("sheet") { request, _ in
            let (session, workshop) = try resolve(request, role: nil)
            let groupID: Int64? = session.role == .trainee ? session.groupID : request.uri.queryParameters.get("group").flatMap { Int64($0) }
            guard let groupID, try store.groups(of: workshop.id).contains(where: { $0.id == groupID }) else {
                throw Refusal(.forbidden, .otherGroup, language: workshop.language)
            }
            guard let latest = try store.latest(groupID: groupID) else { throw Refusal(.notFound, .noVersion, language: workshop.language) }
            let checker = try await checkers.checker(for: workshop)
            do {
                let page = try checker.render(SourceDocument(path: "maquette.yaml", bytes: Array(latest.yaml.utf8)), language: workshop.language).html
                let download = request.uri.queryParameters.get("download") != nil
                return Reply.report(page, download: download ? "fiche-projet.html" : nil)
            } catch let error as UserError {
                return Reply.html(HTMLNode.page(language: workshop.language.rawValue, title: workshop.title, stylesheets: ["/assets/app.css"], scripts: [],
                                                body: [.element("main", [:], [.element("p", ["class": "problem"], [.text(error.message[workshop.language])])])]))
            }
        }
    }

    // MARK: The trainer

    private func registerTrainer(on router: Router<WorkshopContext>) {
        router.get("api/trainer/overview") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            var groups: [GroupView] = []
            for group in try store.groups(of: workshop.id) {
                let latest = try store.latest(groupID: group.id)
                var entry: CheckCache.Entry?
                if let latest {
                    let checker = try await checkers.checker(for: workshop)
                    entry = await cache.entry(group: group.id, version: latest.number) { Self.summary(of: latest, checker: checker, language: workshop.language) }
                }
                groups.append(GroupView(id: group.id, name: group.name, version: latest?.number ?? 0, author: latest?.author, savedAt: latest?.savedAt,
                                        readiness: entry?.readiness, errors: entry?.errors ?? 0, warnings: entry?.warnings ?? 0))
            }
            return Reply.json(Overview(code: workshop.code, title: workshop.title, addresses: addresses, groups: groups,
                                       checklists: try store.checklists(of: workshop.id).map(\.name), rubric: try store.rubric(of: workshop.id),
                                       coTrainers: try store.coTrainers(of: workshop.id), dates: try store.dates(of: workshop.id)))
        }
        router.get("api/trainer/groups/{id}") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            let id = try context.parameters.require("id", as: Int64.self)
            guard try store.groups(of: workshop.id).contains(where: { $0.id == id }) else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
            return Reply.json(try store.latest(groupID: id) ?? MockupVersion(number: 0, yaml: "", author: "", savedAt: ""))
        }
        router.post("api/trainer/cotrainers") { request, _ in
            let (session, workshop) = try resolve(request, role: .trainer)
            try Self.requireCSRF(request, session, language: workshop.language)
            let body = try await Self.decode(CoTrainerBody.self, from: request, language: workshop.language)
            guard body.password.count >= 8 else { throw Refusal(.badRequest, .shortPassword, language: workshop.language) }
            let name = body.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw Refusal(.badRequest, .missingField, ["field": "name"], language: workshop.language) }
            try store.addCoTrainer(workshopID: workshop.id, name: String(name.prefix(80)), password: body.password)
            return Reply.json(["coTrainers": try store.coTrainers(of: workshop.id)], status: .created)
        }
        router.get("api/trainer/qr.svg") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let target = (addresses.first ?? "") + "/?code=" + workshop.code
            return Reply.bytes(Data((QRCode(target)?.svg ?? "").utf8), type: "image/svg+xml")
        }
        router.get("api/trainer/export") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return Reply.bytes(try encoder.encode(try store.archive(workshopID: workshop.id)), type: "application/json; charset=utf-8",
                               download: "atelier-\(workshop.code).json")
        }
    }

    /// Serves until interrupted (Ctrl-C, SIGTERM), finishing the requests under way.
    public func run(host: String, port: Int) async throws {
        let application = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "atelier"))
        try await application.runService()
    }

    private static func summary(of version: MockupVersion, checker: Checker, language: Language) -> CheckCache.Entry {
        let file = checker.check(SourceDocument(path: "maquette.yaml", bytes: Array(version.yaml.utf8)), language: language)
        let active = file.findings.filter { !$0.isSuppressed }
        return CheckCache.Entry(readiness: file.readiness?.score, errors: active.filter { $0.severity == .error }.count,
                                warnings: active.filter { $0.severity == .warning }.count)
    }

    // MARK: Sessions and guards

    /// The session of the request's cookie for `role` (either role when nil), with its workshop.
    func resolve(_ request: Request, role: WorkshopSession.Role?) throws -> (WorkshopSession, Workshop) {
        let language = Self.language(of: request)
        let names = role.map { [$0 == .trainer ? Self.trainerCookie : Self.traineeCookie] } ?? [Self.traineeCookie, Self.trainerCookie]
        for name in names {
            guard let token = request.cookies[name]?.value, let session = try store.session(token: token),
                  let workshop = try store.workshop(id: session.workshopID) else { continue }
            return (session, workshop)
        }
        throw Refusal(.unauthorized, role == .trainer ? .trainersOnly : .noSession, language: language)
    }

    /// The trainee's group, session and workshop.
    func trainee(_ request: Request) throws -> (Int64, WorkshopSession, Workshop) {
        let (session, workshop) = try resolve(request, role: .trainee)
        guard let group = session.groupID else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
        return (group, session, workshop)
    }

    /// What the workshop calls its main trainer (co-trainers go by their own names).
    static func mainTrainer(_ language: Language) -> String { WorkshopMessage.trainerTitle.template(in: language) }

    static func requireCSRF(_ request: Request, _ session: WorkshopSession, language: Language) throws {
        guard let sent = request.headers[csrfHeader], sent == session.csrf else { throw Refusal(.forbidden, .badCSRF, language: language) }
    }

    /// A request that opens a session must come from the workshop's own pages: JSON (which a
    /// form of another site cannot send without asking), and from the same origin when the
    /// browser says where it comes from.
    static func requireSameOrigin(_ request: Request, language: Language) throws {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            throw Refusal(.unsupportedMediaType, .unreadableRequest, ["reason": "Content-Type: application/json"], language: language)
        }
        if let origin = request.headers[.origin], let host = request.head.authority,
           origin != "http://\(host)" && origin != "https://\(host)" {
            throw Refusal(.forbidden, .foreignOrigin, language: language)
        }
    }

    /// The request's body, refused with `tooLarge` when it is announced or found over `limit`.
    static func body(of request: Request, limit: Int, tooLarge: WorkshopMessage, language: Language) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Refusal(.contentTooLarge, tooLarge, language: language)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch {
            throw Refusal(.contentTooLarge, tooLarge, language: language)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, language: Language) async throws -> T {
        let buffer = try await body(of: request, limit: WorkshopLimits.requestBytes, tooLarge: .tooLarge, language: language)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch DecodingError.keyNotFound(let key, _) {
            throw Refusal(.badRequest, .missingField, ["field": key.stringValue], language: language)
        } catch {
            throw Refusal(.badRequest, .unreadableRequest, ["reason": "JSON"], language: language)
        }
    }

    /// The language a visitor without a session reads: `?lang=`, then the browser's, French by default.
    static func language(of request: Request) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return asked }
        let accepted = request.headers[.acceptLanguage]?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? .en : .fr
    }

    private static func opened(_ session: WorkshopSession, cookie: String, extra code: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Reply.json(["csrf": session.csrf, "code": code], status: status)
        response.setCookie(Cookie(name: cookie, value: session.token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}

/// Headers every response carries: no script but the site's own, no framing by other sites,
/// no content-type guessing, no referrer leaking the join code.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WorkshopContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let policy = HTTPField.Name("Content-Security-Policy")!
        if response.headers[policy] == nil {
            response.headers[policy] =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
        }
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "SAMEORIGIN"
        return response
    }
}

import AtelierCore
import AtelierImpact
import AtelierUseCases
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The institution's part of day 2: survey exports uploaded for a group's project, read by the
/// same use case as `atelier impact` (with its limits), the report shown in the page, the
/// workbook and the aggregate downloaded.
extension WorkshopServer {
    /// An uploaded export: 50 MB at most (the readers' own limits apply within).
    static let uploadBytes = 50 * 1_048_576

    func registerImpact(on router: Router<WorkshopContext>) {
        router.post("api/impact/{group}/exports") { request, context in
            let (session, workshop) = try resolve(request, role: .trainer)
            try Self.requireCSRF(request, session, language: workshop.language)
            let group = try await impactGroup(context, workshop)
            let name = String((request.headers[HTTPField.Name("X-Filename")!] ?? "export.csv").split(separator: "/").last ?? "export.csv")
            let allowed = ["csv", "tsv", "txt", "xlsx", "ods"]
            guard let suffix = name.split(separator: ".").last.map({ $0.lowercased() }), allowed.contains(suffix) else {
                throw Refusal(.unsupportedMediaType, .unsupportedExport, ["name": name], language: workshop.language)
            }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.uploadBytes {
                throw Refusal(.contentTooLarge, .exportTooLarge, language: workshop.language)
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: Self.uploadBytes)
            } catch {
                throw Refusal(.contentTooLarge, .exportTooLarge, language: workshop.language)
            }
            let folder = exportsFolder(workshop, group)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(80))
            try Data(buffer.readableBytesView).write(to: folder.appendingPathComponent(safe), options: .atomic)
            return Reply.json(["exports": exports(workshop, group).map(\.lastPathComponent)], status: .created)
        }
        router.get("api/impact/{group}/exports") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            return Reply.json(["exports": exports(workshop, try await impactGroup(context, workshop)).map(\.lastPathComponent)])
        }
        router.get("api/impact/{group}/report.html") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            return Reply.report(try await impact(context, workshop).reports.html)
        }
        router.get("api/impact/{group}/report.json") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            return Reply.rawJSON(try await impact(context, workshop).reports.json)
        }
        router.get("api/impact/{group}/workbook.xlsx") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            let outcome = try await impact(context, workshop)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-impact-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("impact.xlsx").path
            _ = try outcome.reports.workbook.write(to: path, inputs: [])
            return Reply.bytes(FileManager.default.contents(atPath: path) ?? Data(),
                               type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download: "impact.xlsx")
        }
        router.get("api/impact/{group}/aggregate.json") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            return Reply.bytes(try await impact(context, workshop).aggregateFile.encoded(), type: "application/json; charset=utf-8", download: "agregats.json")
        }
    }

    /// A network's view: the aggregate files sites share (`atelier impact --aggregate`, or the
    /// download above), merged as `atelier merge` merges them, each site beside the network.
    func registerNetwork(on router: Router<WorkshopContext>) {
        router.post("api/network/aggregates") { request, _ in
            let (session, workshop) = try resolve(request, role: .trainer)
            try Self.requireCSRF(request, session, language: workshop.language)
            let name = String((request.headers[HTTPField.Name("X-Filename")!] ?? "agregats.json").split(separator: "/").last ?? "agregats.json")
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: WorkshopLimits.requestBytes * 10)
            } catch {
                throw Refusal(.contentTooLarge, .exportTooLarge, language: workshop.language)
            }
            do {
                _ = try AggregateFile.decode(Data(buffer.readableBytesView), file: name)
            } catch let error as UserError {
                throw Refusal(.unprocessableContent, error.message, language: workshop.language)
            }
            let folder = networkFolder(workshop)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(80))
            try Data(buffer.readableBytesView).write(to: folder.appendingPathComponent(safe), options: .atomic)
            return Reply.json(["aggregates": networkFiles(workshop).map(\.lastPathComponent)], status: .created)
        }
        router.get("api/network/report.html") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let files = networkFiles(workshop)
            guard !files.isEmpty else { throw Refusal(.notFound, .noExports, language: workshop.language) }
            do {
                let merged = try MergeUseCase.run(MergeRequest(aggregates: try files.map { try SourceDocument.read($0.path) }, language: workshop.language),
                                                  toolkit: toolkit)
                return Reply.report(merged.html)
            } catch let error as UserError {
                throw Refusal(.unprocessableContent, error.message, language: workshop.language)
            }
        }
    }

    private func networkFolder(_ workshop: Workshop) -> URL {
        store.folder.appendingPathComponent("network/\(workshop.code)")
    }

    private func networkFiles(_ workshop: Workshop) -> [URL] {
        let folder = networkFolder(workshop)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
    }

    private func impactGroup(_ context: WorkshopContext, _ workshop: Workshop) async throws -> WorkshopGroup {
        let id = try context.parameters.require("group", as: Int64.self)
        guard let group = try store.groups(of: workshop.id).first(where: { $0.id == id }) else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
        return group
    }

    private func exportsFolder(_ workshop: Workshop, _ group: WorkshopGroup) -> URL {
        store.folder.appendingPathComponent("exports/\(workshop.code)/\(group.id)")
    }

    private func exports(_ workshop: Workshop, _ group: WorkshopGroup) -> [URL] {
        let folder = exportsFolder(workshop, group)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
    }

    /// The group's indicators from its latest mockup and every export uploaded for it.
    private func impact(_ context: WorkshopContext, _ workshop: Workshop) async throws -> ImpactOutcome {
        let group = try await impactGroup(context, workshop)
        guard let latest = try store.latest(groupID: group.id) else { throw Refusal(.notFound, .noVersion, language: workshop.language) }
        let files = exports(workshop, group)
        guard !files.isEmpty else { throw Refusal(.notFound, .noExports, language: workshop.language) }
        do {
            return try ImpactUseCase.run(ImpactRequest(mockup: SourceDocument(path: "\(group.name).yaml", bytes: Array(latest.yaml.utf8)),
                                                       responses: files.map(\.path), language: workshop.language), toolkit: toolkit)
        } catch let error as UserError {
            throw Refusal(.unprocessableContent, error.message, language: workshop.language)
        }
    }
}

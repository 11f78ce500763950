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
            let name = Self.uploadName(request, default: "export.csv")
            guard let suffix = name.split(separator: ".").last.map({ $0.lowercased() }), ["csv", "tsv", "txt", "xlsx", "ods"].contains(suffix) else {
                throw Refusal(.unsupportedMediaType, .unsupportedExport, ["name": name], language: workshop.language)
            }
            let data = Data(try await Self.body(of: request, limit: Self.uploadBytes, tooLarge: .exportTooLarge, language: workshop.language).readableBytesView)
            return Reply.json(["exports": try Self.keep(data, named: name, in: exportsFolder(workshop, group))], status: .created)
        }
        router.get("api/impact/{group}/exports") { request, context in
            let (_, workshop) = try resolve(request, role: .trainer)
            return Reply.json(["exports": Self.files(in: exportsFolder(workshop, try await impactGroup(context, workshop))).map(\.lastPathComponent)])
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
            return try Reply.workbook(try await impact(context, workshop).reports.workbook, download: "impact.xlsx")
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
            let name = Self.uploadName(request, default: "agregats.json")
            let data = Data(try await Self.body(of: request, limit: WorkshopLimits.requestBytes * 10, tooLarge: .exportTooLarge,
                                                language: workshop.language).readableBytesView)
            do {
                _ = try AggregateFile.decode(data, file: name)
            } catch let error as UserError {
                throw Refusal(.unprocessableContent, error.message, language: workshop.language)
            }
            return Reply.json(["aggregates": try Self.keep(data, named: name, in: networkFolder(workshop))], status: .created)
        }
        router.get("api/network/report.html") { request, _ in
            let (_, workshop) = try resolve(request, role: .trainer)
            let files = Self.files(in: networkFolder(workshop))
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

    /// The name an upload was sent with (`X-Filename`, its last path component).
    private static func uploadName(_ request: Request, default name: String) -> String {
        String((request.headers[HTTPField.Name("X-Filename")!] ?? name).split(separator: "/").last ?? Substring(name))
    }

    /// Keeps an uploaded file in `folder` under its name, letters, digits and `.-_` only;
    /// returns the names of every file the folder then holds.
    private static func keep(_ data: Data, named name: String, in folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(80))
        try data.write(to: folder.appendingPathComponent(safe), options: .atomic)
        return files(in: folder).map(\.lastPathComponent)
    }

    /// The files of `folder`, sorted; none when it does not exist yet.
    private static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
    }

    private func impactGroup(_ context: WorkshopContext, _ workshop: Workshop) async throws -> WorkshopGroup {
        let id = try context.parameters.require("group", as: Int64.self)
        guard let group = try store.groups(of: workshop.id).first(where: { $0.id == id }) else { throw Refusal(.forbidden, .otherGroup, language: workshop.language) }
        return group
    }

    private func exportsFolder(_ workshop: Workshop, _ group: WorkshopGroup) -> URL {
        store.folder.appendingPathComponent("exports/\(workshop.code)/\(group.id)")
    }


    /// The group's indicators from its latest mockup and every export uploaded for it.
    private func impact(_ context: WorkshopContext, _ workshop: Workshop) async throws -> ImpactOutcome {
        let group = try await impactGroup(context, workshop)
        guard let latest = try store.latest(groupID: group.id) else { throw Refusal(.notFound, .noVersion, language: workshop.language) }
        let files = Self.files(in: exportsFolder(workshop, group))
        guard !files.isEmpty else { throw Refusal(.notFound, .noExports, language: workshop.language) }
        do {
            return try ImpactUseCase.run(ImpactRequest(mockup: SourceDocument(path: "\(group.name).yaml", bytes: Array(latest.yaml.utf8)),
                                                       responses: files.map(\.path), language: workshop.language), toolkit: toolkit)
        } catch let error as UserError {
            throw Refusal(.unprocessableContent, error.message, language: workshop.language)
        }
    }
}

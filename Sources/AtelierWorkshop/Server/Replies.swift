import AtelierCore
import AtelierUseCases
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses as the workshop sends them: JSON, pages, assets, refusals with a sentence.
enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return bytes(data, type: "application/json; charset=utf-8", status: status)
    }

    /// JSON already written (a report the library rendered).
    static func rawJSON(_ text: String) -> Response {
        bytes(Data(text.utf8), type: "application/json; charset=utf-8")
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Data(text.utf8), type: "text/html; charset=utf-8", status: status)
    }

    /// A workbook a use case describes, written to a scratch file and sent as a download.
    static func workbook(_ artefact: Artefact, download: String) throws -> Response {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(download).path
        _ = try artefact.write(to: path, inputs: [])
        return bytes(FileManager.default.contents(atPath: path) ?? Data(), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     download: download)
    }

    /// A report Atelier wrote (project sheet, impact report): self-contained, its style inline,
    /// every user text escaped in it; no script of any kind may run in it.
    static func report(_ text: String, download: String? = nil) -> Response {
        var response = bytes(Data(text.utf8), type: "text/html; charset=utf-8", download: download)
        response.headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
        return response
    }

    static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A refusal: `{"error": sentence}` in the language of the person refused.
    static func refusal(_ message: Localized, _ language: Language, status: HTTPResponse.Status) -> Response {
        json(["error": message[language]], status: status)
    }
}

/// A refusal thrown by a handler and turned into a response by the router.
struct Refusal: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let message: Localized
    let language: Language

    init(_ status: HTTPResponse.Status, _ key: WorkshopMessage, _ arguments: [String: String] = [:], language: Language) {
        self.status = status
        self.message = WorkshopMessage.text(key, arguments)
        self.language = language
    }

    init(_ status: HTTPResponse.Status, _ message: Localized, language: Language) {
        self.status = status
        self.message = message
        self.language = language
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Reply.refusal(message, language, status: status)
    }
}

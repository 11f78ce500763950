import ArgumentParser
import AtelierCore
import AtelierWorkshop
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.serveAbstract),
        discussion: CLI.discussion(.serveDiscussion, examples: [
            "atelier serve --import Examples/atelier-formation",
            "atelier serve --export export-atelier --code FRM26K",
            "atelier serve --port 8000",
        ])
    )

    @Option(help: ArgumentHelp(CLI.say(.servePortHelp)))
    var port: Int = 8080

    @Option(help: ArgumentHelp(CLI.say(.serveHostHelp)))
    var host: String = "0.0.0.0"

    @Option(help: ArgumentHelp(CLI.say(.serveDataHelp)), completion: .directory)
    var data: String = "atelier-data"

    @Option(help: ArgumentHelp(CLI.say(.serveExportHelp)), completion: .directory)
    var export: String?

    @Option(help: ArgumentHelp(CLI.say(.serveCodeHelp)))
    var code: String?

    @Option(name: .customLong("import"), help: ArgumentHelp(CLI.say(.serveImportHelp)), completion: .directory)
    var importFolder: String?

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let language = common.language
        let store = try WorkshopStore(folder: URL(fileURLWithPath: data))
        if let export {
            guard let code else { throw UserError(WorkshopMessage.exportNeedsCode) }
            guard let workshop = try store.workshop(code: code) else { throw UserError(WorkshopMessage.unknownCode, ["code": code]) }
            let written = try store.archive(workshopID: workshop.id).write(to: URL(fileURLWithPath: export))
            Console.print(WorkshopMessage.text(.exported, ["count": "\(written.count)", "path": export])[language] + "\n")
            return
        }
        if let importFolder {
            do {
                let workshop = try store.restore(try WorkshopArchive.read(from: URL(fileURLWithPath: importFolder)))
                Console.print(WorkshopMessage.text(.imported, ["title": workshop.title, "code": workshop.code])[language] + "\n")
            } catch WorkshopArchive.Problem.codeInUse(let code) {
                throw UserError(WorkshopMessage.codeInUse, ["code": code])
            } catch WorkshopArchive.Problem.notAnArchive(let path) {
                throw UserError(WorkshopMessage.notAnArchive, ["path": path])
            }
            return
        }
        let addresses = NetworkAddresses.list(host: host, port: port)
        let server = try WorkshopServer(store: store, toolkit: try common.toolkit(), addresses: addresses)
        Console.print(WorkshopMessage.text(.serving)[language] + "\n" + addresses.map { "  \($0)\n" }.joined())
        if let first = addresses.first, let qr = QRCode(first) { Console.print(qr.terminalText + "\n") }
        Console.print(WorkshopMessage.text(.servingAddresses, ["address": addresses.first ?? "http://127.0.0.1:\(port)"])[language] + "\n")
        try await server.run(host: host, port: port)
    }
}

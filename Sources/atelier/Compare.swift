import ArgumentParser
import AtelierReport
import AtelierUseCases

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.compareAbstract),
        discussion: CLI.discussion(.compareDiscussion, examples: [
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/sites/voix-du-quartier/mediatheque.csv --aggregate vague-1.json",
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/sites/voix-du-quartier/centre-social.csv --aggregate vague-2.json",
            "atelier compare vague-1.json vague-2.json --json comparaison.json --xlsx comparaison.xlsx --html comparaison.html",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.compareOldHelp)), completion: .file(extensions: ["json"]))
    var old: String

    @Argument(help: ArgumentHelp(CLI.say(.compareNewHelp)), completion: .file(extensions: ["json"]))
    var new: String

    @Option(help: ArgumentHelp(CLI.say(.compareJSONHelp)))
    var json: String?

    @Option(help: ArgumentHelp(CLI.say(.compareXLSXHelp)))
    var xlsx: String?

    @Option(help: ArgumentHelp(CLI.say(.compareHTMLHelp)))
    var html: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let inputs = [old, new]
        try OutputFile.preflight([json, xlsx, html], inputs: inputs)
        let waves = try inputs.map { try SourceDocument.read($0) }
        let report = try CompareUseCase.run(CompareRequest(old: waves[0], new: waves[1], language: common.language), toolkit: try common.toolkit())
        if let json {
            let text = report.json().rendered() + "\n"
            if json == "-" { Console.print(text) } else { try Console.write(.text(text), to: json, inputs: inputs) }
        }
        if let xlsx { try Console.write(report.workbookArtefact, to: xlsx, inputs: inputs) }
        if let html { try Console.write(.text(report.html()), to: html, inputs: inputs) }
        if json != "-" { Console.print(report.summary()) }
    }
}

import ArgumentParser
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import Foundation

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
        let language = common.language
        try OutputFile.preflight([json, xlsx, html], inputs: [old, new])
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let waves = try [old, new].map { path in
            try Wave.read(Data(try InputFiles.read(try InputFiles.expand([path]).first!)), file: path, decoder: decoder, scales: scales)
        }
        let report = CompareReport(old: waves[0], new: waves[1], language: language)
        if let json {
            let text = report.json().rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: [old, new]) }
        }
        if let xlsx { try Console.workbook(xlsx, inputs: [old, new], language: language) { try report.workbook(to: $0) } }
        if let html { try OutputFile.write(report.html(), to: html, inputs: [old, new]) }
        if json != "-" { Console.print(report.summary()) }
    }
}

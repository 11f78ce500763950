import ArgumentParser
import AtelierCore
import AtelierReport
import AtelierUseCases
import Foundation

struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.impactAbstract),
        discussion: CLI.discussion(.impactDiscussion, examples: [
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/surveys/voix-du-quartier-google.csv",
            "atelier impact Examples/voix-du-quartier.yaml --responses Examples/sites/voix-du-quartier/mediatheque.csv "
                + "--responses Examples/sites/voix-du-quartier/centre-social.csv --json resultats.json --xlsx resultats.xlsx --html rapport.html",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.impactMockupHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockup: String

    @Option(name: .customLong("responses"), help: ArgumentHelp(CLI.say(.impactResponsesHelp)), completion: .file(extensions: ["csv", "tsv", "txt", "xlsx", "ods"]))
    var responses: [String] = []

    @OptionGroup var outputs: ImpactOutputs

    @Option(help: ArgumentHelp(CLI.say(.impactAggregateHelp)))
    var aggregate: String?

    @Option(help: ArgumentHelp(CLI.say(.impactSheetHelp)))
    var sheet: String?

    @Option(help: ArgumentHelp(CLI.say(.impactDelimiterHelp), valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("suppress-below"), help: ArgumentHelp(CLI.say(.impactSuppressHelp)))
    var suppressBelow: Int = 5

    @Option(help: ArgumentHelp(CLI.say(.impactSiteHelp)))
    var site: String?

    @Flag(name: .customLong("no-verbatims"), help: ArgumentHelp(CLI.say(.impactNoVerbatimsHelp)))
    var noVerbatims = false

    @Flag(name: .customLong("share-verbatims"), help: ArgumentHelp(CLI.say(.impactShareVerbatimsHelp)))
    var shareVerbatims = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard !responses.isEmpty else { throw UserError(Words.impactNoResponses) }
        let inputs = responses + [mockup]
        try OutputFile.preflight([outputs.json, outputs.xlsx, outputs.html, aggregate], inputs: inputs)
        var request = ImpactRequest(mockup: try SourceDocument.read(mockup), responses: responses,
                                    language: common.language)
        request.delimiter = try delimiterByte()
        request.sheet = sheet
        request.suppressBelow = suppressBelow
        request.site = site
        request.sharesVerbatims = shareVerbatims
        request.listsVerbatims = !noVerbatims
        let outcome = try ImpactUseCase.run(request, toolkit: try common.toolkit())
        if let aggregate {
            try Console.write(.text(String(decoding: try outcome.aggregateFile.encoded(), as: UTF8.self)), to: aggregate, inputs: inputs)
        }
        try outputs.write(outcome.reports, inputs: inputs)
    }

    private func delimiterByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        switch delimiter {
        case ",", ";", "|": return delimiter.utf8.first
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        default: throw UserError(Words.impactBadDelimiter, ["value": delimiter])
        }
    }
}

/// The outputs `impact` and `merge` share: the JSON, the workbook, the HTML report, the
/// printed summary.
struct ImpactOutputs: ParsableArguments {
    @Option(help: ArgumentHelp(CLI.say(.impactJSONHelp)))
    var json: String?

    @Option(help: ArgumentHelp(CLI.say(.impactXLSXHelp)))
    var xlsx: String?

    @Option(help: ArgumentHelp(CLI.say(.impactHTMLHelp)))
    var html: String?

    func write(_ reports: ImpactDocuments, inputs: [String]) throws {
        if let xlsx { try Console.write(reports.workbook, to: xlsx, inputs: inputs) }
        if let html { try Console.write(.text(reports.html), to: html, inputs: inputs) }
        if let json {
            if json == "-" { Console.print(reports.json) } else { try Console.write(.text(reports.json), to: json, inputs: inputs) }
        }
        if json != "-" { Console.print(reports.summary) }
    }
}

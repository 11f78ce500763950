import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import AtelierTabular
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
        let language = common.language
        guard !responses.isEmpty else { throw UserError(Words.impactNoResponses) }
        try OutputFile.preflight([outputs.json, outputs.xlsx, outputs.html, aggregate], inputs: responses + [mockup])
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let mockupBytes = try InputFiles.read(try InputFiles.expand([mockup]).first!)
        let decoded = decoder.decode(mockupBytes)
        guard let model = decoded.mockup, model.evaluation?.questions.isEmpty == false else {
            throw UserError(Words.impactNoPlan, ["file": mockup])
        }
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let plan = SurveyPlan(mockup: model, builtinScales: scales)
        let tally = SurveyTally(plan: plan)
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        let separator = try delimiterByte()
        var sources: [(file: String, method: Localized)] = []
        for (index, path) in responses.enumerated() {
            if let twin = responses[..<index].first(where: { OutputFile.sameFile($0, path) }) {
                throw UserError(Words.impactSameExport, ["first": twin, "second": path])
            }
            guard FileManager.default.fileExists(atPath: path) else { throw UserError(CoreMessage.noSuchFile, ["path": path]) }
            var reader = try UserError.reading { () throws(TableError) in try TableFile.open(path: path, delimiter: separator, sheet: sheet) }
            try tally.read(&reader, into: &aggregate, duplicates: &duplicates)
            sources.append((path, reader.description))
        }
        if let path = self.aggregate {
            let file = AggregateFile(mockup: String(decoding: mockupBytes, as: UTF8.self), aggregate: aggregate,
                                     site: site ?? URL(fileURLWithPath: responses[0]).deletingPathExtension().lastPathComponent, sharesVerbatims: shareVerbatims)
            try OutputFile.write(try file.encoded(), to: path, inputs: responses + [mockup])
        }
        try outputs.write(language: language, inputs: responses + [mockup], IndicatorEngine(plan: plan, suppressBelow: Double(suppressBelow)), aggregate,
                          sources: sources, verbatims: !noVerbatims)
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

    /// `sites` are the sites of a merge, each shown beside the network.
    func write(language: Language, inputs: [String], _ engine: IndicatorEngine, _ aggregate: SurveyAggregate,
               sources: [(file: String, method: Localized)], sites: [(name: String, aggregate: SurveyAggregate)] = [], verbatims: Bool = true) throws {
        let report = engine.report(aggregate)
        let siteReports = sites.map { SiteReport(name: $0.name, report: engine.report($0.aggregate)) }
        if let xlsx {
            try Console.workbook(xlsx, inputs: inputs, language: language) { temporary in
                var workbook = ImpactWorkbook(language: language, sources: sources)
                workbook.listsVerbatims = verbatims
                return try workbook.write(report, engine: engine, sites: siteReports, to: temporary)
            }
        }
        if let html {
            var page = ImpactPage(language: language, sources: sources)
            page.listsVerbatims = verbatims
            try OutputFile.write(page.html(report, engine: engine, sites: siteReports), to: html, inputs: inputs)
        }
        if let json {
            let text = ImpactJSON.document(report, language: language, sites: siteReports).rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: inputs) }
        }
        if json != "-" {
            Console.print(ImpactText(language: language).render(report))
        }
    }
}

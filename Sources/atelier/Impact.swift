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
        abstract: "Compute the plan's indicators from survey exports / Les indicateurs d'impact.",
        discussion: """
        Reads CSV/TSV, .xlsx and .ods exports (Google Forms, Microsoft Forms, LimeSurvey, KoboToolbox, Framaforms, paper),
        codes every answer against the plan's questions and scales, and computes each indicator against its target.
        Every row is used or excluded with a reason; every refused answer is listed.
        Examples:
          atelier impact Examples/voix-du-quartier.yaml --responses Examples/surveys/voix-du-quartier-google.csv
          atelier impact maquette.yaml --responses site-a.csv --responses site-b.csv --json resultats.json --xlsx resultats.xlsx --html rapport.html
        """
    )

    @Argument(help: "The mockup whose evaluation plan is computed.")
    var mockup: String

    @Option(name: .customLong("responses"), help: "A survey export (repeatable): .csv, .tsv, .txt, .xlsx or .ods, recognised by content.")
    var responses: [String] = []

    @OptionGroup var outputs: ImpactOutputs

    @Option(help: "Write the aggregates (sums, no raw answer) that `atelier merge` combines across sites.")
    var aggregate: String?

    @Option(help: "The sheet of an .xlsx or .ods export to read (default: the first).")
    var sheet: String?

    @Option(help: ArgumentHelp("The column delimiter, when detection is not wanted: , ; tab |", valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("suppress-below"), help: "Segments with fewer answers show no value.")
    var suppressBelow: Int = 5

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        guard !responses.isEmpty else { throw UserError(.impactNoResponses) }
        try OutputFile.preflight([outputs.json, outputs.xlsx, outputs.html, aggregate], inputs: responses + [mockup])
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        let mockupBytes = try InputFiles.read(try InputFiles.expand([mockup]).first!)
        let decoded = decoder.decode(mockupBytes)
        guard let model = decoded.mockup, model.evaluation?.questions.isEmpty == false else {
            throw UserError(.impactNoPlan, ["file": mockup])
        }
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let plan = SurveyPlan(mockup: model, builtinScales: scales)
        let tally = SurveyTally(plan: plan)
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        let separator = try delimiterByte()
        var sources: [(file: String, method: Localized)] = []
        for path in responses {
            guard FileManager.default.fileExists(atPath: path) else { throw UserError(.cliNoSuchFile, ["path": path]) }
            var reader = try UserError.reading { () throws(TableError) in try TableFile.open(path: path, delimiter: separator, sheet: sheet) }
            try tally.read(&reader, into: &aggregate, duplicates: &duplicates)
            sources.append((path, reader.description))
        }
        if let path = self.aggregate {
            let file = AggregateFile(mockup: String(decoding: mockupBytes, as: UTF8.self), aggregate: aggregate)
            try OutputFile.write(try file.encoded(), to: path, inputs: responses + [mockup])
        }
        try outputs.write(language: language, inputs: responses + [mockup], IndicatorEngine(plan: plan, suppressBelow: Double(suppressBelow)), aggregate, sources: sources)
    }

    private func delimiterByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        switch delimiter {
        case ",", ";", "|": return delimiter.utf8.first
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        default: throw UserError(.impactBadDelimiter, ["value": delimiter])
        }
    }
}

/// The outputs `impact` and `merge` share: the JSON, the workbook, the HTML report, the
/// printed summary.
struct ImpactOutputs: ParsableArguments {
    @Option(help: "Write the indicators as JSON to this file ('-' for standard output).")
    var json: String?

    @Option(help: "Write the Excel workbook (indicators, one sheet per question with its chart, segments, excluded rows).")
    var xlsx: String?

    @Option(help: "Write the impact report as one self-contained HTML page (charts in SVG, prints on A4).")
    var html: String?

    func write(language: Language, inputs: [String], _ engine: IndicatorEngine, _ aggregate: SurveyAggregate,
               sources: [(file: String, method: Localized)]) throws {
        let report = engine.report(aggregate)
        if let xlsx {
            try OutputFile.produce(xlsx, inputs: inputs) { temporary in
                try ImpactWorkbook(language: language, sources: sources).write(report, engine: engine, to: temporary)
            }
        }
        if let html {
            try OutputFile.write(ImpactPage(language: language, sources: sources).html(report, engine: engine), to: html, inputs: inputs)
        }
        if let json {
            let text = ImpactJSON.document(report, language: language).rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: inputs) }
        }
        if json != "-" {
            Console.print(ImpactText(language: language).render(report))
        }
    }
}

import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import AtelierTabular
import Foundation

/// Read a project's survey exports and compute its indicators against their targets.
public struct ImpactRequest: Sendable {
    public let mockup: SourceDocument
    /// The survey exports, one per tool (CSV, xlsx, ods).
    public let responses: [String]
    /// The CSV separator, when it cannot be told from the file.
    public var delimiter: UInt8?
    /// The sheet to read in a workbook, when not the first.
    public var sheet: String?
    /// Counts under this are not shown (small groups could be recognised).
    public var suppressBelow = 5
    /// The site the aggregate file is made for (default: the first export's name).
    public var site: String?
    /// Whether the aggregate file carries the free-text answers.
    public var sharesVerbatims = false
    /// Whether the reports list the free-text answers.
    public var listsVerbatims = true
    public let language: Language

    public init(mockup: SourceDocument, responses: [String], language: Language) {
        self.mockup = mockup
        self.responses = responses
        self.language = language
    }
}

public struct ImpactOutcome: Sendable {
    public let reports: ImpactDocuments
    /// What a site shares with its network: sums, not answers.
    public let aggregateFile: AggregateFile
}

public enum ImpactUseCase {
    public static func run(_ request: ImpactRequest, toolkit: Toolkit) throws -> ImpactOutcome {
        let mockup = try toolkit.mockup(request.mockup, unreadable: .impactNoPlan)
        guard mockup.evaluation?.questions.isEmpty == false else { throw UserError(UseCaseMessage.impactNoPlan, ["file": request.mockup.path]) }
        let plan = SurveyPlan(mockup: mockup, builtinScales: try toolkit.scales())
        let tally = SurveyTally(plan: plan)
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        var sources: [(file: String, method: Localized)] = []
        for (index, path) in request.responses.enumerated() {
            if let twin = request.responses[..<index].first(where: { OutputFile.sameFile($0, path) }) {
                throw UserError(UseCaseMessage.impactSameExport, ["first": twin, "second": path])
            }
            guard FileManager.default.fileExists(atPath: path) else { throw UserError(CoreMessage.noSuchFile, ["path": path]) }
            let reader = try tally.read(opening: {
                try UserError.reading { () throws(TableError) in try TableFile.open(path: path, delimiter: request.delimiter, sheet: request.sheet) }
            }, into: &aggregate, duplicates: &duplicates)
            sources.append((path, reader.description))
        }
        let site = request.site ?? request.responses.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        return ImpactOutcome(
            reports: ImpactDocuments(engine: IndicatorEngine(plan: plan, suppressBelow: Double(request.suppressBelow)), aggregate: aggregate,
                                     presentation: ImpactPresentation(language: request.language, sources: sources, listsVerbatims: request.listsVerbatims)),
            aggregateFile: AggregateFile(mockup: request.mockup.text, aggregate: aggregate, site: site, sharesVerbatims: request.sharesVerbatims))
    }
}

/// The indicators of one project or of a network, in every form they are read: the workbook,
/// the HTML report, the JSON, the summary printed at the end.
public struct ImpactDocuments: Sendable {
    public let engine: IndicatorEngine
    public let report: ImpactReport
    public let presentation: ImpactPresentation
    /// The sites of a merge, each shown beside the network.
    public let sites: [SiteReport]

    init(engine: IndicatorEngine, aggregate: SurveyAggregate, presentation: ImpactPresentation, sites: [(name: String, aggregate: SurveyAggregate)] = []) {
        self.engine = engine
        self.report = engine.report(aggregate)
        self.presentation = presentation
        self.sites = sites.map { SiteReport(name: $0.name, report: engine.report($0.aggregate)) }
    }

    public var workbook: Artefact {
        .workbook { [self] temporary in
            try ImpactWorkbook(presentation).write(report, engine: engine, sites: sites, to: temporary)
        }
    }

    public var html: String { ImpactPage(presentation).html(report, engine: engine, sites: sites) }

    public var json: String { ImpactJSON.document(report, language: presentation.language, sites: sites).rendered() + "\n" }

    public var summary: String { ImpactText(language: presentation.language).render(report) }
}

/// Merge the aggregate files of several sites into the network's indicators.
public struct MergeRequest: Sendable {
    public let aggregates: [SourceDocument]
    /// The mockup every aggregate must have been made from, when given.
    public let referee: SourceDocument?
    public let language: Language

    public init(aggregates: [SourceDocument], referee: SourceDocument? = nil, language: Language) {
        self.aggregates = aggregates
        self.referee = referee
        self.language = language
    }
}

public enum MergeUseCase {
    public static func run(_ request: MergeRequest, toolkit: Toolkit) throws -> ImpactDocuments {
        let files = try request.aggregates.map { ($0.path, try AggregateFile.decode(Data($0.bytes), file: $0.path)) }
        let referee = try request.referee.map { ($0.path, try toolkit.mockup($0, unreadable: .impactNoPlan)) }
        let result = try AggregateMerge.merge(files, decoder: toolkit.decoder, scales: try toolkit.scales(), referee: referee)
        let sources = request.aggregates.map { ($0.path, Localized(fr: "agrégats", en: "aggregates")) }
        return ImpactDocuments(engine: IndicatorEngine(plan: result.plan), aggregate: result.merged,
                               presentation: ImpactPresentation(language: request.language, sources: sources), sites: result.sites)
    }
}

/// Compare two waves of one project (before and after, this year and last).
public struct CompareRequest: Sendable {
    public let old: SourceDocument
    public let new: SourceDocument
    public let language: Language

    public init(old: SourceDocument, new: SourceDocument, language: Language) {
        self.old = old
        self.new = new
        self.language = language
    }
}

public enum CompareUseCase {
    public static func run(_ request: CompareRequest, toolkit: Toolkit) throws -> CompareReport {
        let scales = try toolkit.scales()
        let waves = try [request.old, request.new].map { try Wave.read(Data($0.bytes), file: $0.path, decoder: toolkit.decoder, scales: scales) }
        return CompareReport(old: waves[0], new: waves[1], language: request.language)
    }
}

extension CompareReport {
    public var workbookArtefact: Artefact { .workbook { [self] in try workbook(to: $0) } }
}

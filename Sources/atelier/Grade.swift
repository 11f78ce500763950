import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierMockup
import AtelierReport
import Foundation

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.gradeAbstract),
        discussion: CLI.discussion(nil, examples: [
            "atelier grade sheet --rubric presentation-atelier Examples/*.yaml --graders Camille,Karim --xlsx grille.xlsx",
            "atelier grade --rubric presentation-atelier --scores Examples/grading/grille-remplie.xlsx Examples/*.yaml --xlsx notes.xlsx --feedback retours/",
            "atelier grade rubric --rubric presentation-atelier --canvas grille-canvas.csv",
            "atelier grade rubric --rubric grille-canvas.csv --yaml ma-grille.yaml",
        ]),
        subcommands: [GradeCompute.self, GradeSheet.self, GradeRubric.self],
        defaultSubcommand: GradeCompute.self
    )
}

/// Options both grading commands take.
struct RubricOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CLI.say(.gradeRubricHelp, ["rubrics": CLI.rubricNames.joined(separator: ", ")])), completion: .list(CLI.rubricNames))
    var rubric: String

    func load(_ library: TemplateLibrary) throws -> Rubric {
        let folder = library.folder.appendingPathComponent("rubrics")
        let candidates = [URL(fileURLWithPath: rubric), folder.appendingPathComponent("\(rubric).yaml")]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
              let data = FileManager.default.contents(atPath: url.path) else {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw UserError(Words.gradeUnknownRubric, ["value": rubric, "names": names.joined(separator: ", ")])
        }
        if url.pathExtension.lowercased() == "csv" { return try CanvasRubric.read(url.path) }
        return try RubricLoader.load([UInt8](data), file: url.path == rubric ? rubric : url.relativePath)
    }
}

/// The groups named by mockups, read and checked with the rules in effect.
enum MockupGroups {
    static func load(_ paths: [String], common: CommonOptions, library: TemplateLibrary) throws -> [GradedGroup] {
        let files = try InputFiles.expand(paths).map { ($0, try InputFiles.read($0)) }
        let engine = try common.checklistEngine([], in: library)
        return try GradedGroup.fromMockups(files, decoder: MockupDecoder(builtinScales: library.scaleNames), engine: engine, language: common.language)
    }
}

struct GradeSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: CLI.say(.gradeSheetAbstract),
        discussion: CLI.say(.gradeSheetDiscussion)
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp(CLI.say(.gradeSheetGroupsHelp)))
    var groups: String?

    @Argument(help: ArgumentHelp(CLI.say(.gradeSheetMockupsHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockups: [String] = []

    @Option(help: ArgumentHelp(CLI.say(.gradeSheetGradersHelp)))
    var graders: String = "Correcteur 1,Correcteur 2"

    @Option(help: ArgumentHelp(CLI.say(.gradeSheetXLSXHelp)))
    var xlsx: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let library = try common.templateLibrary()
        let rubric = try rubricOptions.load(library)
        let groups = try groups.map { try GradedGroup.named($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            ?? MockupGroups.load(mockups, common: common, library: library)
        let names = groups.map(\.name)
        let graderNames = graders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw UserError(Words.gradeNoGroups) }
        try Console.workbook(xlsx, inputs: mockups, language: common.language) { temporary in
            try GradingSheet(rubric: rubric, language: common.language).write(groups: names, graders: graderNames, to: temporary)
        }
        let command = (["atelier", "grade", "--rubric", rubricOptions.rubric, "--scores", xlsx] + mockups).map(Console.quoted).joined(separator: " ")
        Console.print(Words.text(.gradeSheetWritten, ["path": xlsx, "groups": "\(names.count)", "graders": "\(graderNames.count)",
                                                           "command": command])[common.language] + "\n")
    }
}

struct GradeRubric: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: CLI.say(.gradeRubricAbstract),
        discussion: CLI.say(.gradeRubricDiscussion)
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: ArgumentHelp(CLI.say(.gradeRubricCanvasHelp)))
    var canvas: String?

    @Option(help: ArgumentHelp(CLI.say(.gradeRubricYAMLHelp)))
    var yaml: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let rubric = try rubricOptions.load(try common.templateLibrary())
        var output = Words.text(.gradeRubricSummary, ["title": rubric.title[language], "criteria": "\(rubric.criteria.count)",
                                                           "outOf": language.number(rubric.outOf), "rounding": language.number(rubric.rounding)])[language] + "\n"
        for criterion in rubric.criteria {
            let kind: Words? = criterion.feedbackOnly ? .gradeRubricFeedbackOnly : criterion.source == .graders ? nil : .gradeRubricAuto
            output += Words.text(.gradeRubricCriterion, [
                "id": criterion.id, "label": criterion.label[language], "weight": language.number(criterion.weight),
                "levels": "\(criterion.levels.count)", "points": language.number(criterion.maximum),
                "kind": kind.map { Words.text($0)[language] } ?? "",
            ])[language] + "\n"
        }
        Console.print(output)
        for (path, text) in [(canvas, CanvasRubric.csv(rubric, language: language)), (yaml, RubricYAML.text(rubric))] {
            guard let path else { continue }
            try OutputFile.write(text, to: path, inputs: [rubricOptions.rubric])
            Console.print(Words.text(.gradeRubricWritten, ["path": path])[language] + "\n")
        }
    }
}

struct GradeCompute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: CLI.say(.gradeComputeAbstract)
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .customLong("scores"), help: ArgumentHelp(CLI.say(.gradeScoresHelp)), completion: .file(extensions: ["xlsx", "ods", "csv"]))
    var scores: [String] = []

    @Argument(help: ArgumentHelp(CLI.say(.gradeMockupsHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockups: [String] = []

    @Option(help: ArgumentHelp(CLI.say(.gradeJSONHelp)))
    var json: String?

    @Option(help: ArgumentHelp(CLI.say(.gradeXLSXHelp)))
    var xlsx: String?

    @Option(help: ArgumentHelp(CLI.say(.gradeFeedbackHelp)), completion: .directory)
    var feedback: String?

    @Option(help: ArgumentHelp(CLI.say(.gradePeerHelp)), completion: .file(extensions: ["csv", "xlsx", "ods"]))
    var peer: String?

    @Option(name: .customLong("peer-weighting"), help: ArgumentHelp(CLI.say(.gradePeerWeightingHelp)))
    var peerWeighting: Double = 0.5

    @Option(name: .customLong("disagreement-share"), help: ArgumentHelp(CLI.say(.gradeDisagreementHelp)))
    var disagreementShare: Double = 0.15

    @Flag(name: .customLong("share-peer-scores"), help: ArgumentHelp(CLI.say(.gradeSharePeerScoresHelp)))
    var sharePeerScores = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let library = try common.templateLibrary()
        let rubric = try rubricOptions.load(library)
        try OutputFile.preflight([json, xlsx], inputs: scores + mockups + (peer.map { [$0] } ?? []))
        let outcome = try GradeUseCase.run(GradeRequest(
            rubric: rubric, scoreFiles: scores, groups: try MockupGroups.load(mockups, common: common, library: library), peerFile: peer,
            peerWeighting: peerWeighting, disagreementShare: disagreementShare))
        for problem in outcome.problems {
            Console.error("\(problem.place[language])\(language.colon)\(problem.severity.word(in: language))\(language.colon)\(problem.message[language])")
        }
        guard !outcome.hasErrors else {
            Console.error(Words.text(.gradeNothingWritten)[language])
            throw ExitCode(1)
        }
        let inputs = scores + mockups + (peer.map { [$0] } ?? [])
        if let json {
            let text = GradeJSON.document(outcome.grades, agreement: outcome.agreement, severity: outcome.severity, peers: outcome.peers, rubric: rubric).rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: inputs) }
        }
        if let xlsx {
            try Console.workbook(xlsx, inputs: inputs, language: language) { temporary in
                try GradeWorkbook(rubric: rubric, language: language, totalsThreshold: disagreementShare * rubric.outOf)
                    .write(outcome.grades, agreement: outcome.agreement, severity: outcome.severity, peers: outcome.peers, to: temporary)
            }
        }
        if let feedback {
            try FeedbackFolder(path: feedback, inputs: inputs)
                .write(outcome, writer: Feedback(rubric: rubric, language: language), sharePeerScores: sharePeerScores)
        }
        if json != "-" { Console.print(GradeSummary(rubric: rubric, language: language).text(outcome)) }
        if !outcome.unmarked.isEmpty {
            Console.error(Words.text(.gradeUnmarkedSummary, ["count": "\(outcome.unmarked.count)",
                                                                 "groups": outcome.unmarked.map(\.group).joined(separator: ", ")])[language])
            throw ExitCode(1)
        }
    }
}

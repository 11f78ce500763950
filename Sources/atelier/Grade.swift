import ArgumentParser
import AtelierCore
import AtelierGrading
import AtelierReport
import AtelierUseCases

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

/// The option every grading command takes.
struct RubricOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CLI.say(.gradeRubricHelp, ["rubrics": CLI.rubricNames.joined(separator: ", ")])), completion: .list(CLI.rubricNames))
    var rubric: String
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
        let toolkit = try common.toolkit()
        let rubric = try toolkit.rubric(rubricOptions.rubric)
        let inputs = scores + mockups + (peer.map { [$0] } ?? [])
        try OutputFile.preflight([json, xlsx], inputs: inputs)
        let outcome = try GradeUseCase.run(GradeRequest(
            rubric: rubric, scoreFiles: scores, groups: try toolkit.groups(of: SourceDocument.mockups(mockups), language: language), peerFile: peer,
            peerWeighting: peerWeighting, disagreementShare: disagreementShare))
        for problem in outcome.problems {
            Console.error("\(problem.place[language])\(language.colon)\(problem.severity.word(in: language))\(language.colon)\(problem.message[language])")
        }
        guard !outcome.hasErrors else {
            Console.error(Words.text(.gradeNothingWritten)[language])
            throw ExitCode(1)
        }
        let documents = GradeDocuments(outcome, rubric: rubric, disagreementShare: disagreementShare, language: language)
        if let json {
            if json == "-" { Console.print(documents.json) } else { try Console.write(.text(documents.json), to: json, inputs: inputs) }
        }
        if let xlsx { try Console.write(documents.workbook, to: xlsx, inputs: inputs) }
        if let feedback { try documents.writeFeedback(to: feedback, inputs: inputs, sharePeerScores: sharePeerScores) }
        if json != "-" { Console.print(documents.summary) }
        if !outcome.unmarked.isEmpty {
            Console.error(Words.text(.gradeUnmarkedSummary, ["count": "\(outcome.unmarked.count)",
                                                             "groups": outcome.unmarked.map(\.group).joined(separator: ", ")])[language])
            throw ExitCode(1)
        }
    }
}

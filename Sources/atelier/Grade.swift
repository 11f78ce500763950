import ArgumentParser
import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierMockup
import AtelierReport
import Foundation

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade group presentations with a rubric / Noter les présentations avec une grille.",
        discussion: """
        Examples:
          atelier grade sheet --rubric presentation-atelier Examples/*.yaml --graders Camille,Karim --xlsx grille.xlsx
          atelier grade --rubric presentation-atelier --scores grille.xlsx Examples/*.yaml --xlsx notes.xlsx --feedback retours/
          atelier grade rubric --rubric presentation-atelier --canvas grille-canvas.csv
          atelier grade rubric --rubric export-canvas.csv --yaml Templates/rubrics/ma-grille.yaml
        """,
        subcommands: [GradeCompute.self, GradeSheet.self, GradeRubric.self],
        defaultSubcommand: GradeCompute.self
    )
}

/// Options both grading commands take.
struct RubricOptions: ParsableArguments {
    @Option(help: "The rubric: a built-in name (presentation-atelier, maquette-seule), a YAML file, or a Canvas rubric CSV.")
    var rubric: String

    func load(_ library: TemplateLibrary) throws -> Rubric {
        let folder = library.folder.appendingPathComponent("rubrics")
        let candidates = [URL(fileURLWithPath: rubric), folder.appendingPathComponent("\(rubric).yaml")]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
              let data = FileManager.default.contents(atPath: url.path) else {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw UserError(.gradeUnknownRubric, ["value": rubric, "names": names.joined(separator: ", ")])
        }
        if url.pathExtension.lowercased() == "csv" { return try CanvasRubric.read(url.path) }
        return try RubricLoader.load([UInt8](data), file: url.path == rubric ? rubric : url.relativePath)
    }
}

/// The groups named by mockups, read and checked with the rules in effect.
enum MockupGroups {
    static func load(_ paths: [String], common: CommonOptions, library: TemplateLibrary) throws -> [GradedGroup] {
        let files = try InputFiles.expand(paths).map { ($0, try InputFiles.read($0)) }
        let engine = ChecklistEngine(rules: try common.checklists([], in: library).rules)
        return try GradedGroup.fromMockups(files, decoder: MockupDecoder(builtinScales: library.scaleNames), engine: engine, language: common.language)
    }
}

struct GradeSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write the .xlsx grading sheet to fill during the presentations.",
        discussion: "One sheet per grader, a row per group, a drop-down list of levels per criterion and a comment column; the layout is protected."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "The groups, separated by commas (or name mockups: their titles are used).")
    var groups: String?

    @Argument(help: "Mockups whose titles name the groups.")
    var mockups: [String] = []

    @Option(help: "The graders, separated by commas.")
    var graders: String = "Correcteur 1,Correcteur 2"

    @Option(help: "The grading sheet to write.")
    var xlsx: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let library = try common.templateLibrary()
        let rubric = try rubricOptions.load(library)
        let groups = try groups.map { try GradedGroup.named($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            ?? MockupGroups.load(mockups, common: common, library: library)
        let names = groups.map(\.name)
        let graderNames = graders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw UserError(.gradeNoGroups) }
        try OutputFile.produce(xlsx, inputs: mockups) { temporary in
            try GradingSheet(rubric: rubric, language: common.language).write(groups: names, graders: graderNames, to: temporary)
        }
        let command = (["atelier", "grade", "--rubric", rubricOptions.rubric, "--scores", xlsx] + mockups).map(Console.quoted).joined(separator: " ")
        Console.print(Catalogue.text(.gradeSheetWritten, ["path": xlsx, "groups": "\(names.count)", "graders": "\(graderNames.count)",
                                                           "command": command])[common.language] + "\n")
    }
}

struct GradeRubric: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Show a rubric; convert it to Canvas's rubric CSV or from it to YAML.",
        discussion: "Canvas has no weights: exporting multiplies each level's points by its criterion's weight; importing gives every criterion weight 1."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(help: "Write the rubric in Canvas's rubric CSV layout.")
    var canvas: String?

    @Option(help: "Write the rubric as an Atelier YAML rubric.")
    var yaml: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let rubric = try rubricOptions.load(try common.templateLibrary())
        var output = Catalogue.text(.gradeRubricSummary, ["title": rubric.title[language], "criteria": "\(rubric.criteria.count)",
                                                           "outOf": language.number(rubric.outOf), "rounding": language.number(rubric.rounding)])[language] + "\n"
        for criterion in rubric.criteria {
            let kind: MessageKey? = criterion.feedbackOnly ? .gradeRubricFeedbackOnly : criterion.source == .graders ? nil : .gradeRubricAuto
            output += Catalogue.text(.gradeRubricCriterion, [
                "id": criterion.id, "label": criterion.label[language], "weight": language.number(criterion.weight),
                "levels": "\(criterion.levels.count)", "points": language.number(criterion.maximum),
                "kind": kind.map { Catalogue.text($0)[language] } ?? "",
            ])[language] + "\n"
        }
        Console.print(output)
        for (path, text) in [(canvas, CanvasRubric.csv(rubric, language: language)), (yaml, RubricYAML.text(rubric))] {
            guard let path else { continue }
            try OutputFile.write(text, to: path, inputs: [rubricOptions.rubric])
            Console.print(Catalogue.text(.gradeRubricWritten, ["path": path])[language] + "\n")
        }
    }
}

struct GradeCompute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Combine the graders' sheets into marks, disagreements, agreement and feedback."
    )

    @OptionGroup var rubricOptions: RubricOptions

    @Option(name: .customLong("scores"), help: "Filled grading sheets (.xlsx from `grade sheet`) or CSV in long format (group, grader, criterion, level, comment); repeatable.")
    var scores: [String] = []

    @Argument(help: "The groups' mockups (for automatic criteria and feedback).")
    var mockups: [String] = []

    @Option(help: "Write the grades as JSON ('-' for standard output).")
    var json: String?

    @Option(help: "Write the gradebook (.xlsx): marks, graders side by side with disagreements highlighted, agreement.")
    var xlsx: String?

    @Option(help: "Write one Markdown feedback file per group, and one per member with --peer, into this folder.")
    var feedback: String?

    @Option(help: "Peer ratings inside groups (CSV/xlsx/ods: group, giver, receiver, mark) for WebPA individual marks.")
    var peer: String?

    @Option(name: .customLong("peer-weighting"), help: "The share of the mark the peer ratings move (WebPA p, 0 to 1).")
    var peerWeighting: Double = 0.5

    @Option(name: .customLong("disagreement-share"), help: "Graders' totals further apart than this share of the scale flag a group.")
    var disagreementShare: Double = 0.15

    @Flag(name: .customLong("share-peer-scores"), help: "Show every member's peer score in the group's feedback file (by default each member sees only their own, in their own file).")
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
            Console.error("\(problem.place) : \(problem.severity.word(in: language)) : \(problem.message[language])")
        }
        guard !outcome.hasErrors else {
            Console.error(Catalogue.text(.gradeNothingWritten)[language])
            throw ExitCode(1)
        }
        let inputs = scores + mockups + (peer.map { [$0] } ?? [])
        if let json {
            let text = GradeJSON.document(outcome.grades, agreement: outcome.agreement, severity: outcome.severity, peers: outcome.peers, rubric: rubric).rendered() + "\n"
            if json == "-" { Console.print(text) } else { try OutputFile.write(text, to: json, inputs: inputs) }
        }
        if let xlsx {
            try OutputFile.produce(xlsx, inputs: inputs) { temporary in
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
            Console.error(Catalogue.text(.gradeUnmarkedSummary, ["count": "\(outcome.unmarked.count)",
                                                                 "groups": outcome.unmarked.map(\.group).joined(separator: ", ")])[language])
            throw ExitCode(1)
        }
    }
}

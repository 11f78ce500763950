import ArgumentParser
import AtelierCore
import AtelierGrading
import AtelierUseCases

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
        let language = common.language
        let toolkit = try common.toolkit()
        let rubric = try toolkit.rubric(rubricOptions.rubric)
        let groups = try groups.map { try GradedGroup.named($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            ?? toolkit.groups(of: SourceDocument.mockups(mockups), language: language)
        let graderNames = graders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let sheet = GradeSheetUseCase.run(GradeSheetRequest(rubric: rubric, groups: groups, graders: graderNames, language: language)) else {
            throw UserError(Words.gradeNoGroups)
        }
        try Console.write(sheet.workbook, to: xlsx, inputs: mockups)
        let command = (["atelier", "grade", "--rubric", rubricOptions.rubric, "--scores", xlsx] + mockups).map(Console.quoted).joined(separator: " ")
        Console.print(Words.text(.gradeSheetWritten, ["path": xlsx, "groups": "\(sheet.groups.count)", "graders": "\(sheet.graders.count)",
                                                      "command": command])[language] + "\n")
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
        let rubric = try common.toolkit().rubric(rubricOptions.rubric)
        Console.print(RubricSummary(rubric, language: language).text)
        for (path, text) in [(canvas, CanvasRubric.csv(rubric, language: language)), (yaml, RubricYAML.text(rubric))] {
            guard let path else { continue }
            try Console.write(.text(text), to: path, inputs: [rubricOptions.rubric])
            Console.print(Words.text(.gradeRubricWritten, ["path": path])[language] + "\n")
        }
    }
}

import ArgumentParser
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import Foundation

struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.surveyAbstract),
        discussion: CLI.discussion(.surveyDiscussion, examples: [
            "atelier survey Examples/voix-du-quartier.yaml --xlsform formulaire.xlsx",
            "atelier survey Examples/voix-du-quartier.yaml --html questionnaire.html --easy --sheet saisie.xlsx",
        ])
    )

    @Argument(help: ArgumentHelp(CLI.say(.surveyMockupHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var mockup: String

    @Option(help: ArgumentHelp(CLI.say(.surveyXLSFormHelp)))
    var xlsform: String?

    @Option(help: ArgumentHelp(CLI.say(.surveyHTMLHelp)))
    var html: String?

    @Flag(help: ArgumentHelp(CLI.say(.surveyEasyHelp)))
    var easy = false

    @Option(help: ArgumentHelp(CLI.say(.surveySheetHelp)))
    var sheet: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        try OutputFile.preflight([xlsform, html, sheet], inputs: [mockup])
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        guard let typed = decoder.decode(try InputFiles.read(mockup)).mockup else { throw UserError(Words.projectUnreadable, ["file": mockup]) }
        let questions = typed.evaluation?.questions ?? []
        guard !questions.isEmpty else { throw UserError(Words.surveyNoQuestions, ["file": mockup]) }
        guard xlsform != nil || html != nil || sheet != nil else { throw UserError(Words.surveyNothing) }
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let questionnaire = Questionnaire(plan: SurveyPlan(mockup: typed, builtinScales: scales),
                                          optional: Set(questions.filter(\.isOptional).map(\.id)), language: typed.language ?? language)
        if let xlsform {
            try Console.workbook(xlsform, inputs: [mockup], language: language) { try questionnaire.writeXLSForm(to: $0) }
        }
        if let html {
            try OutputFile.write(questionnaire.paperHTML(easy: easy), to: html, inputs: [mockup])
        }
        if let sheet {
            try Console.workbook(sheet, inputs: [mockup], language: language) { try questionnaire.writeEntrySheet(to: $0) }
        }
        for path in [xlsform, html, sheet].compactMap({ $0 }) {
            Console.print(Words.text(.surveyWritten, ["path": path])[language] + "\n")
        }
    }
}

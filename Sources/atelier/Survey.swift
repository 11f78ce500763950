import ArgumentParser
import AtelierCore
import AtelierReport
import AtelierUseCases

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
        let outcome = try SurveyUseCase.run(SurveyRequest(document: try SourceDocument.read(mockup), language: language), toolkit: try common.toolkit())
        guard xlsform != nil || html != nil || sheet != nil else { throw UserError(Words.surveyNothing) }
        let outputs = [(xlsform, { outcome.xlsform }), (html, { outcome.paper(easy: easy) }), (sheet, { outcome.entrySheet })]
        for case let (path?, artefact) in outputs {
            try Console.write(artefact(), to: path, inputs: [mockup])
        }
        for path in [xlsform, html, sheet].compactMap({ $0 }) {
            Console.print(Words.text(.surveyWritten, ["path": path])[language] + "\n")
        }
    }
}

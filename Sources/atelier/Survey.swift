import ArgumentParser
import AtelierCore
import AtelierImpact
import AtelierMockup
import AtelierReport
import Foundation

struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the questionnaire of a mockup's evaluation plan / Produire le questionnaire.",
        discussion: """
        --xlsform: an XLSForm (survey, choices, settings; labels in French and English) to import into
        KoboToolbox or ODK. --html: a printable paper questionnaire (large type, tick boxes); --easy adds
        a plain-language instruction to every question (FALC). --sheet: an .xlsx to key in paper answers,
        with the plan's exact headers and drop-downs, which `atelier impact` reads back as it is.
        Examples:
          atelier survey Examples/voix-du-quartier.yaml --xlsform formulaire.xlsx
          atelier survey Examples/voix-du-quartier.yaml --html questionnaire.html --easy --sheet saisie.xlsx
        """
    )

    @Argument(help: "The mockup whose evaluation.questions make the questionnaire.")
    var mockup: String

    @Option(help: "Write an XLSForm for KoboToolbox or ODK.")
    var xlsform: String?

    @Option(help: "Write a printable paper questionnaire (HTML).")
    var html: String?

    @Flag(help: "Plain-language instructions and larger type on the paper questionnaire (FALC).")
    var easy = false

    @Option(help: "Write the data-entry workbook for paper answers.")
    var sheet: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        try OutputFile.preflight([xlsform, html, sheet], inputs: [mockup])
        let library = try common.templateLibrary()
        let decoder = MockupDecoder(builtinScales: library.scaleNames)
        guard let typed = decoder.decode(try InputFiles.read(mockup)).mockup else { throw UserError(.projectUnreadable, ["file": mockup]) }
        let questions = typed.evaluation?.questions ?? []
        guard !questions.isEmpty else { throw UserError(.surveyNoQuestions, ["file": mockup]) }
        guard xlsform != nil || html != nil || sheet != nil else { throw UserError(.surveyNothing) }
        let scales = try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
        let questionnaire = Questionnaire(plan: SurveyPlan(mockup: typed, builtinScales: scales),
                                          optional: Set(questions.filter(\.isOptional).map(\.id)), language: typed.language ?? language)
        if let xlsform {
            try OutputFile.produce(xlsform, inputs: [mockup]) { try questionnaire.writeXLSForm(to: $0) }
        }
        if let html {
            try OutputFile.write(questionnaire.paperHTML(easy: easy), to: html, inputs: [mockup])
        }
        if let sheet {
            try OutputFile.produce(sheet, inputs: [mockup]) { try questionnaire.writeEntrySheet(to: $0) }
        }
        for path in [xlsform, html, sheet].compactMap({ $0 }) {
            Console.print(Catalogue.text(.surveyWritten, ["path": path])[language] + "\n")
        }
    }
}

import AtelierCore
@testable import AtelierImpact
import AtelierReport
import AtelierTabular
import Foundation
import TestSupport
import XCTest

/// The questionnaire of a plan: the XLSForm's sheets, the data-entry workbook read back by
/// `impact` as it is, and the paper form.
final class QuestionnaireTests: ScratchFolderTestCase {

    private func rows(_ url: URL, sheet: String) throws -> (header: [String], rows: [[String]]) {
        var reader = try XLSXReader(path: url.path, sheet: sheet)
        var rows: [[String]] = []
        while let row = try reader.nextRow() { rows.append(row.cells) }
        return (reader.header, rows)
    }

    func testXLSFormHasTheSurveyChoicesAndSettingsSheets() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let url = folder.appendingPathComponent("form.xlsx")
        try Questionnaire(plan: plan, optional: ["Q3"], language: .fr).writeXLSForm(to: url)
        XCTAssertEqual(try XLSXReader.sheetNames(path: url.path), ["survey", "choices", "settings"])
        let survey = try rows(url, sheet: "survey")
        XCTAssertEqual(survey.header, ["type", "name", "label::Français (fr)", "label::English (en)", "required", "hint::Français (fr)", "hint::English (en)", "constraint", "constraint_message::Français (fr)", "constraint_message::English (en)"])
        XCTAssertEqual(survey.rows.map { $0[0] }, ["select_one Q1", "select_one Q2", "decimal", "select_one Q4", "select_one Q5"])
        XCTAssertEqual(survey.rows.map { $0.count > 4 ? $0[4] : "" }, ["yes", "yes", "", "yes", "yes"], "Q3 is optional")
        let choices = try rows(url, sheet: "choices").rows
        XCTAssertEqual(choices.filter { $0[0] == "Q4" }.map { $0[1] }, ["seul_e", "en_famille", "avec_l_ecole"])
        XCTAssertEqual(choices.first { $0[0] == "Q1" }.map { [$0[2], $0[3]] }, ["Pas du tout satisfait·e", "Very dissatisfied"])
        XCTAssertEqual(try rows(url, sheet: "settings").rows.first?.prefix(3).map { $0 }, ["Les voix du quartier", "les_voix_du_quartier", "Français (fr)"])
    }

    func testEntrySheetIsReadBackByImpactWithoutMapping() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let url = folder.appendingPathComponent("saisie.xlsx")
        try Questionnaire(plan: plan, optional: [], language: .fr).writeEntrySheet(to: url)
        XCTAssertEqual(try XLSXReader.sheetNames(path: url.path), ["Saisie", "Listes"])
        try SheetFiller.append(url, sheet: 1, rows: [["1", "Très satisfait·e", "9", "3", "En famille", "Plutôt d'accord"],
                                                       ["2", "Peu satisfait·e", "4", "1", "Avec l'école", "Pas du tout d'accord"]], from: 2)
        var aggregate = SurveyAggregate(plan: plan.fingerprint)
        var duplicates = DuplicateFinder()
        _ = try SurveyTally(plan: plan).read(opening: { try TableFile.open(path: url.path) }, into: &aggregate, duplicates: &duplicates)
        XCTAssertEqual(aggregate.rows, 2)
        XCTAssertEqual(aggregate.used, 2)
        XCTAssertTrue(aggregate.problems.isEmpty, aggregate.problems.examples.map(\.reason.en).joined(separator: "\n"))
        XCTAssertEqual(aggregate.questions["Q1"]?.histogram.map(\.value), [2, 5])
        XCTAssertEqual(aggregate.questions["Q3"]?.moments.mean, 2)
    }

    func testPaperFormHasATickBoxPerAnswerAndPlainInstructions() throws {
        let plan = try Fixtures.plan("voix-du-quartier.yaml")
        let questionnaire = Questionnaire(plan: plan, optional: ["Q3"], language: .fr)
        let easy = questionnaire.paperHTML(easy: true), plain = questionnaire.paperHTML(easy: false)
        let boxes = plan.questions.map(\.options.count).reduce(0, +)
        XCTAssertEqual(easy.components(separatedBy: "class=\"box\"").count - 1, boxes)
        XCTAssertEqual(easy.components(separatedBy: "<section class=\"question\">").count - 1, plan.questions.count)
        XCTAssertTrue(easy.contains("Cochez une seule case.") && easy.contains("Écrivez un nombre dans le cadre."))
        XCTAssertFalse(plain.contains("Cochez une seule case."))
        XCTAssertTrue(easy.contains("Vous pouvez ne pas répondre à cette question."))
        XCTAssertTrue(easy.contains("<ul class=\"options compact\">"), "0 to 10 stays on one line")
        XCTAssertFalse(easy.contains("<script"))
    }

    func testHostileQuestionTextStaysText() throws {
        let text = String(decoding: Fixtures.bytes(Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml")), as: UTF8.self)
            .replacingOccurrences(of: "title: Les voix du quartier", with: "title: \"<script>alert(1)</script>\"")
        let plan = try Fixtures.plan(mockup: Array(text.utf8))
        let html = Questionnaire(plan: plan, optional: [], language: .fr).paperHTML(easy: false)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        let url = folder.appendingPathComponent("form.xlsx")
        try Questionnaire(plan: plan, optional: [], language: .fr).writeXLSForm(to: url)
        XCTAssertEqual(try rows(url, sheet: "settings").rows.first?.first, "<script>alert(1)</script>", "written as a string")
    }
}

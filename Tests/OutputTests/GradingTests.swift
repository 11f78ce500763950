@testable import AtelierChecklist
import AtelierCore
@testable import AtelierGrading
import AtelierReport
import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// Rubric arithmetic, reading graders' sheets and the graders' agreement, against the grading
/// reference and against pandas, pingouin, krippendorff and scikit-learn
/// (Examples/grading/generate.py wrote the filled sheet and the figures they compute from it).
final class GradingTests: ScratchFolderTestCase {

    /// A small rubric: two graded criteria, an automatic one and a feedback-only one.
    static let small = """
    id: petit
    title: {fr: Petite grille, en: Small rubric}
    out-of: 20
    rounding: 0.5
    criteria:
      - id: fond
        label: {fr: Fond, en: Substance}
        weight: 2
        levels:
          - {label: {fr: Insuffisant, en: Insufficient}, points: 0}
          - {label: {fr: Fragile, en: Developing}, points: 1}
          - {label: {fr: Satisfaisant, en: Good}, points: 2}
          - {label: {fr: Très bien, en: Very good}, points: 3}
      - id: forme
        label: {fr: Forme, en: Form}
        levels:
          - {label: {fr: Insuffisant, en: Insufficient}, points: 0}
          - {label: {fr: Fragile, en: Developing}, points: 1}
          - {label: {fr: Satisfaisant, en: Good}, points: 2}
          - {label: {fr: Très bien, en: Very good}, points: 3}
      - id: maquette
        label: {fr: Maquette, en: Mockup}
        auto: {readiness: overall, thresholds: [0.6, 0.8, 0.95]}
        levels:
          - {label: {fr: Insuffisant, en: Insufficient}, points: 0}
          - {label: {fr: Fragile, en: Developing}, points: 1}
          - {label: {fr: Satisfaisant, en: Good}, points: 2}
          - {label: {fr: Très bien, en: Very good}, points: 3}
      - id: remarques
        label: {fr: Remarques, en: Remarks}
        feedback-only: true
        levels:
          - {label: {fr: Insuffisant, en: Insufficient}, points: 0}
          - {label: {fr: Fragile, en: Developing}, points: 1}
          - {label: {fr: Satisfaisant, en: Good}, points: 2}
          - {label: {fr: Très bien, en: Very good}, points: 3}
    """

    private func rubric(_ text: String = small) throws -> Rubric {
        try RubricLoader.load(Array(text.utf8), file: "grille.yaml")
    }

    private func score(_ group: String, _ grader: String, _ criterion: String, _ level: Int) -> Score {
        Score(group: group, grader: grader, criterion: criterion, level: level, comment: nil, place: Localized(verbatim: "test"))
    }

    private func readiness(_ score: Double) -> Readiness {
        Readiness(score: score, sections: [(.accessibility, 0.5)])
    }

    // MARK: Rubric arithmetic

    func testWeightedMeanOfGradersWithMissingScoresAndRounding() throws {
        let grading = Grading(rubric: try rubric())
        let scores = [score("G", "A", "fond", 3), score("G", "A", "forme", 1), score("G", "B", "fond", 2),
                      score("G", "A", "remarques", 0), score("G", "B", "remarques", 0)]
        let withoutMockup = try XCTUnwrap(grading.grade(groups: ["G"], scores: scores, readiness: [:]).first)
        XCTAssertNil(withoutMockup.criteria.first { $0.criterion.id == "maquette" }?.points)
        XCTAssertNil(withoutMockup.mark, "the automatic criterion has no readiness: no mark rather than a rescaled one")
        XCTAssertEqual(withoutMockup.status, .incomplete(missing: ["maquette"]))
        let grade = try XCTUnwrap(grading.grade(groups: ["G"], scores: scores, readiness: ["G": readiness(0.85)]).first)
        // fond: (3 + 2) / 2 = 2.5 points, weight 2; forme: only A's 1 point; maquette: level 2 (2 points).
        XCTAssertEqual(grade.criteria.first { $0.criterion.id == "fond" }?.points, 2.5)
        XCTAssertEqual(grade.criteria.first { $0.criterion.id == "forme" }?.points, 1)
        // (2 × 2.5 + 1 × 1 + 1 × 2) / (2 × 3 + 1 × 3 + 1 × 3) × 20 = 13.33…, rounded to the half point; remarks do not count.
        XCTAssertEqual(grade.mark, 13.5)
        XCTAssertEqual(grade.status, .marked)
        XCTAssertEqual(try XCTUnwrap(grade.automaticPoints), 2.0 / 12.0 * 20, accuracy: 1e-12)
        let totals = Dictionary(uniqueKeysWithValues: grade.graderTotals.map { ($0.grader, $0.total) })
        XCTAssertEqual(try XCTUnwrap(totals["A"]), 7.0 / 9.0 * 20, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(totals["B"]), 4.0 / 6.0 * 20, accuracy: 1e-12)
        XCTAssertFalse(grade.disagreement, "2.2 points apart is under 15 % of 20")
        XCTAssertTrue(Grading(rubric: try rubric(), disagreementShare: 0.1).grade(groups: ["G"], scores: scores, readiness: [:])[0].disagreement)
    }

    func testAutomaticCriterionFollowsTheMockupReadiness() throws {
        let rubric = try rubric()
        let maquette = try XCTUnwrap(rubric.criteria.first { $0.id == "maquette" })
        let levels = [0.59, 0.6, 0.79, 0.8, 0.95, 1].map { Grading.autoLevel(maquette, readiness: readiness($0)) }
        XCTAssertEqual(levels, [0, 1, 1, 2, 3, 3])
        XCTAssertNil(Grading.autoLevel(maquette, readiness: nil))
        let sectionRubric = try self.rubric(Self.small.replacingOccurrences(of: "readiness: overall", with: "readiness: accessibility"))
        let section = try XCTUnwrap(sectionRubric.criteria.first { $0.id == "maquette" })
        XCTAssertEqual(Grading.autoLevel(section, readiness: readiness(1)), 0, "the accessibility section scores 0.5")
        let grade = Grading(rubric: rubric).grade(groups: ["G"], scores: [score("G", "A", "fond", 3), score("G", "A", "forme", 3)],
                                                  readiness: ["G": readiness(0.85)])[0]
        // fond 3 × 2, forme 3 and maquette level 2 (2 points) × 1 over 12 → 18.33 → 18.5.
        XCTAssertEqual(grade.mark, 18.5)
    }

    func testRoundingStepRoundsHalvesUp() throws {
        let rubric = try rubric()
        XCTAssertEqual([13.25, 13.24, 13.74, 13.75, 0].map(rubric.rounded), [13.5, 13, 13.5, 14, 0])
        let fine = try self.rubric(Self.small.replacingOccurrences(of: "rounding: 0.5", with: "rounding: 0.01"))
        XCTAssertEqual(fine.rounded(13.337), 13.34, accuracy: 1e-12)
        XCTAssertEqual([25, -3].map(rubric.rounded), [20, 0], "a mark stays on the scale")
    }

    func testGraderTwoLevelsApartFlagsTheCriterion() throws {
        let grades = Grading(rubric: try rubric()).grade(groups: ["G"], scores: [score("G", "A", "fond", 3), score("G", "B", "fond", 1),
                                                                                  score("G", "A", "forme", 2), score("G", "B", "forme", 1)], readiness: [:])
        XCTAssertEqual(grades[0].criteria.filter(\.disagreement).map(\.criterion.id), ["fond"])
    }

    // MARK: Rubric files

    func testBuiltInRubricsLoad() throws {
        for name in ["presentation-atelier", "maquette-seule"] {
            let url = Fixtures.templates.appendingPathComponent("rubrics/\(name).yaml")
            let rubric = try RubricLoader.load(Fixtures.bytes(url), file: url.path)
            XCTAssertEqual(rubric.id, name)
            XCTAssertFalse(rubric.scored.isEmpty)
        }
    }

    func testRubricProblemsCarryTheirLines() throws {
        let text = """
        id: faux
        title: {fr: Faux, en: Wrong}
        criteria:
          - id: a
            label: {fr: A, en: A}
            weigth: 2
            levels:
              - {label: {fr: Haut, en: High}, points: 3}
              - {label: {fr: Bas, en: Low}, points: 1}
          - id: a
            label: {fr: B, en: B}
            auto: {readiness: overall, thresholds: [0.5, 0.8]}
            levels:
              - {label: {fr: Bas, en: Low}, points: 0}
              - {label: {fr: Haut, en: High}, points: 1}
        """
        XCTAssertThrowsError(try rubric(text)) { error in
            let problems = (error as? DefinitionError)?.problems ?? []
            let lines = problems.compactMap(\.position?.line).sorted()
            XCTAssertEqual(lines, [6, 8, 10, 12], problems.map { $0.sentence(in: .en) }.joined(separator: "\n"))
            XCTAssertTrue(problems.contains { $0.message.en.contains("weight") }, "the unknown key suggests the right one")
        }
    }

    // MARK: Canvas

    func testCanvasExportAndImportKeepIdsAndMarks() throws {
        let rubric = try presentationRubric()
        let url = folder.appendingPathComponent("canvas.csv")
        let csv = CanvasRubric.csv(rubric, language: .fr)
        XCTAssertTrue(csv.hasPrefix("Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points,"))
        try csv.write(to: url, atomically: true, encoding: .utf8)
        let imported = try CanvasRubric.read(url.path)
        XCTAssertEqual(imported.criteria.map(\.id), rubric.criteria.map(\.id))
        XCTAssertEqual(imported.criteria[0].levels.map(\.points), [0, 2, 4, 6], "weight 2 is carried into the points")
        XCTAssertEqual(imported.criteria[0].levels.map(\.label.fr), ["Insuffisant", "Fragile", "Satisfaisant", "Très bien"])
        let scores = [score("G", "A", "intention", 3), score("G", "A", "publics", 1), score("G", "A", "oral", 2), score("G", "B", "oral", 0)]
        let original = Grading(rubric: rubric).grade(groups: ["G"], scores: scores, readiness: [:])[0]
        let converted = Grading(rubric: imported).grade(groups: ["G"], scores: scores, readiness: [:])[0]
        XCTAssertEqual(converted.mark, original.mark)
        XCTAssertEqual(try XCTUnwrap(converted.graderTotals.first?.total), try XCTUnwrap(original.graderTotals.first?.total), accuracy: 1e-12)
        let yaml = RubricYAML.text(imported)
        let reloaded = try RubricLoader.load(Array(yaml.utf8), file: "canvas.yaml")
        XCTAssertEqual(reloaded.criteria.map(\.id), imported.criteria.map(\.id))
        XCTAssertEqual(reloaded.criteria.flatMap { $0.levels.map(\.points) }, imported.criteria.flatMap { $0.levels.map(\.points) })
    }

    func testCanvasFileFromCanvasWithDecimalCommasAndBadPoints() throws {
        let url = folder.appendingPathComponent("canvas.csv")
        try """
        Rubric Name;Criteria Name;Criteria Description;Criteria Enable Range;Rating Name;Rating Description;Rating Points;Rating Name;Rating Description;Rating Points
        Oral;Voix et posture;Se faire entendre;false;Excellent;;2,5;Absent;;0
        Oral;Support;;false;Clair;Lisible;1,5;Confus;;0,5
        """.write(to: url, atomically: true, encoding: .utf8)
        let rubric = try CanvasRubric.read(url.path)
        XCTAssertEqual(rubric.title.fr, "Oral")
        XCTAssertEqual(rubric.criteria.map(\.id), ["voix-et-posture", "support"])
        XCTAssertEqual(rubric.criteria[0].levels.map(\.points), [0, 2.5])
        XCTAssertEqual(rubric.criteria[1].levels.map(\.label.fr), ["Confus", "Clair"])
        try "Rubric Name;Criteria Name;Criteria Description;Criteria Enable Range;Rating Name;Rating Description;Rating Points\nOral;Voix;;false;Bien;;beaucoup\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CanvasRubric.read(url.path)) { error in
            XCTAssertEqual((error as? UserError)?.message.en, "canvas.csv, row 2, column G: « beaucoup » is not a number of points (12 or 12.5).")
        }
    }

    func testCSVFieldsAreNeverFormulas() {
        XCTAssertEqual(CSVWriter.line(["=HYPERLINK(\"x\")", "+33 1", "-2", "@SUM", "a,b", "ok"]),
                       "\"'=HYPERLINK(\"\"x\"\")\",'+33 1,'-2,'@SUM,\"a,b\",ok\r\n")
        // Found by the CSV property test: a Windows line end, a quote or an "=" carrying a combining
        // accent is one Swift Character, yet it must be quoted, doubled or neutralised.
        XCTAssertEqual(CSVWriter.line(["a\r\nb", "\"\u{301},=cmd()", "=\u{301}1"]),
                       "\"a\r\nb\",\"\"\"\u{301},=cmd()\",'=\u{301}1\r\n")
    }

    // MARK: Sheets

    private func expected() throws -> [String: Any] {
        let url = Fixtures.examples.appendingPathComponent("grading/expected.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func presentationRubric() throws -> Rubric {
        let url = Fixtures.templates.appendingPathComponent("rubrics/presentation-atelier.yaml")
        return try RubricLoader.load(Fixtures.bytes(url), file: url.path)
    }

    func testFilledSheetGivesTheOracleTotalsAndAgreement() throws {
        let rubric = try presentationRubric()
        let expected = try expected()
        let groups = try XCTUnwrap(expected["groups"] as? [String])
        let sheet = Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx")
        let (scores, problems) = try ScoreReader(rubric: rubric).read(sheet.path)
        XCTAssertTrue(problems.isEmpty, problems.map(\.message.en).joined(separator: "\n"))
        XCTAssertEqual(scores.count, 2 * 6 * 9 - 1, "two graders, six groups, nine graded criteria, one left blank")
        let grading = Grading(rubric: rubric)
        let grades = grading.grade(groups: groups, scores: scores, readiness: [:])
        let totals = try XCTUnwrap(expected["totals"] as? [String: [Double]])
        for (index, grade) in grades.enumerated() {
            for (grader, total) in grade.graderTotals {
                XCTAssertEqual(total, try XCTUnwrap(totals[grader]?[index]), accuracy: 1e-9, "\(grader), \(grade.group)")
            }
        }
        let agreement = try XCTUnwrap(grading.agreement(grades))
        XCTAssertEqual(agreement.groups, expected["complete"] as? Int)
        XCTAssertEqual(agreement.leftOut, 1)
        let icc = try XCTUnwrap(agreement.icc)
        let iccExpected = try XCTUnwrap(expected["icc"] as? [String: Double])
        let computed = ["icc1": icc.icc1, "iccA1": icc.iccA1, "iccC1": icc.iccC1, "icc1k": icc.icc1k, "iccAk": icc.iccAk, "iccCk": icc.iccCk]
        for (name, value) in computed {
            XCTAssertEqual(try XCTUnwrap(value, name), try XCTUnwrap(iccExpected[name]), accuracy: 1e-9, name)
        }
        let perCriterion = try XCTUnwrap(expected["agreement"] as? [String: [String: Any]])
        XCTAssertEqual(Set(agreement.criteria.map(\.id)), Set(perCriterion.keys))
        for criterion in agreement.criteria {
            let oracle = try XCTUnwrap(perCriterion[criterion.id])
            XCTAssertEqual(try XCTUnwrap(criterion.krippendorffOrdinal), try XCTUnwrap(oracle["krippendorff_ordinal"] as? Double), accuracy: 1e-9, criterion.id)
            XCTAssertEqual(try XCTUnwrap(criterion.kappaLinear), try XCTUnwrap(oracle["kappa_linear"] as? Double), accuracy: 1e-9, criterion.id)
        }
    }

    func testBlankSheetRoundTripsWithOnlyEmptyGraderWarnings() throws {
        let rubric = try presentationRubric()
        let url = folder.appendingPathComponent("grille.xlsx")
        try GradingSheet(rubric: rubric, language: .en).write(groups: ["Groupe A", "=1+1"], graders: ["Camille", "Karim"], to: url)
        let (scores, problems) = try ScoreReader(rubric: rubric).read(url.path)
        XCTAssertTrue(scores.isEmpty)
        XCTAssertEqual(problems.map(\.severity), [.warning, .warning])
        XCTAssertEqual(problems.map(\.place.fr), ["grille.xlsx, feuille « Camille », A1", "grille.xlsx, feuille « Karim », A1"])
    }

    func testFilledSheetReadsBackWithCellReferences() throws {
        let rubric = try presentationRubric()
        let url = folder.appendingPathComponent("grille.xlsx")
        try GradingSheet(rubric: rubric, language: .fr).write(groups: ["G1", "G2"], graders: ["Camille", "Karim"], to: url)
        // Columns: A group, then level and comment per criterion: B/C intention, D/E publics, F/G outils.
        try SheetFiller.fill(url, sheet: 1, ["B2": "Très bien", "C2": "Bravo", "D2": "Good", "F3": "2"])
        try SheetFiller.fill(url, sheet: 2, ["B2": "Fragile", "B3": "Excellent", "D1": "Orthographe", "D2": "Très bien"])
        let (scores, problems) = try ScoreReader(rubric: rubric).read(url.path)
        let read = scores.map { "\($0.grader) \($0.group) \($0.criterion) \($0.level) \($0.comment ?? "-")" }
        XCTAssertEqual(read, ["Camille G1 intention 3 Bravo", "Camille G1 publics 2 -", "Camille G2 outils 2 -", "Karim G1 intention 1 -"])
        XCTAssertEqual(problems.map(\.place.fr), ["grille.xlsx, feuille « Karim », D1", "grille.xlsx, feuille « Karim », B3"])
        XCTAssertEqual(problems.map(\.severity), [.error, .error])
        XCTAssertEqual(problems.map(\.message.en), ["« Orthographe » is not a criterion of the rubric.",
                                                     "« Excellent » is not a level of the criterion intention (Insufficient, Developing, Good, Very good)."])
        let grades = Grading(rubric: rubric).grade(groups: ["G1", "G2"], scores: scores, readiness: [:])
        XCTAssertEqual(grades[0].criteria.filter(\.disagreement).map(\.criterion.id), ["intention"])
        // G1 has levels on two of the eight counted graded criteria, and no mockup: no mark, and why.
        XCTAssertNil(grades[0].mark)
        XCTAssertEqual(grades[0].status, .incomplete(missing: ["outils", "participation", "faisabilite", "evaluation", "inclusion", "oral", "maquette"]))
    }

    func testGradebookHoldsTheMarksAndHighlightsDisagreements() throws {
        let rubric = try presentationRubric()
        let sheet = Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx")
        let groups = try XCTUnwrap(expected()["groups"] as? [String])
        let grading = Grading(rubric: rubric)
        let grades = grading.grade(groups: groups, scores: try ScoreReader(rubric: rubric).read(sheet.path).scores,
                                   readiness: Dictionary(uniqueKeysWithValues: groups.map { ($0, readiness(0.9)) }))
        let url = folder.appendingPathComponent("notes.xlsx")
        let ratings = try PeerReader.read(Fixtures.examples.appendingPathComponent("grading/pairs.csv").path).ratings
        let marksByGroup = Dictionary(uniqueKeysWithValues: grades.compactMap { grade in grade.mark.map { (grade.group, $0) } })
        let peers = grading.peerAssessment(ratings, members: [:], marks: marksByGroup, weighting: 0.5)
        try GradeWorkbook(rubric: rubric, language: .en, totalsThreshold: 3).write(grades, agreement: grading.agreement(grades), peers: peers, to: url)
        XCTAssertEqual(try XLSXReader.sheetNames(path: url.path), ["Marks", "Graders", "Agreement", "Individual marks"])
        var individual = try XLSXReader(path: url.path, sheet: "Individual marks")
        XCTAssertEqual(individual.header, ["Group", "Member", "Group mark", "WebPA score", "Individual mark"])
        var members: [TableRow] = []
        while let line = try individual.nextRow() { members.append(line) }
        let expectedMembers = peers.flatMap { peer in peer.members.map { (peer.group, $0) } }
        XCTAssertEqual(members.count, expectedMembers.count)
        XCTAssertGreaterThan(members.count, 0)
        for (line, (group, member)) in zip(members, expectedMembers) {
            XCTAssertEqual(line.cells[0], group)
            XCTAssertEqual(line.cells[1], member.name)
            XCTAssertEqual(Double(line.cells[2]), marksByGroup[group])
            XCTAssertEqual(Double(line.cells[4]) ?? .nan, try XCTUnwrap(member.mark), accuracy: 1e-12)
        }
        var marks = try XLSXReader(path: url.path, sheet: "Marks")
        XCTAssertEqual(marks.header, ["Group", "Mark /20", "Status", "Mockup (automatic) /20", "Camille's total", "Karim's total", "Spread"])
        var row = 0
        while let line = try marks.nextRow() {
            XCTAssertEqual(line.cells[0], grades[row].group)
            XCTAssertEqual(Double(line.cells[1]), grades[row].mark)
            row += 1
        }
        XCTAssertEqual(row, 6)
        let archive = try Archive(url: url, accessMode: .read)
        for (index, formula) in [(1, "$G2&gt;=3"), (2, "$F2&gt;=2")] {
            var xml = Data()
            _ = try archive.extract(try XCTUnwrap(archive["xl/worksheets/sheet\(index).xml"])) { xml.append($0) }
            XCTAssertTrue(String(decoding: xml, as: UTF8.self).contains("<formula>\(formula)"), "sheet \(index) highlights with \(formula)")
        }
    }

    func testLongFormatAcceptsLabelsInBothLanguagesAndPointsAndNamesBadRows() throws {
        let rubric = try rubric()
        let url = folder.appendingPathComponent("notes.csv")
        try """
        Groupe;Correcteur;Critère;Niveau;Commentaire
        G1;Ana;fond;Très bien;Clair
        G1;Ana;Form;Good;
        G1;Ana;forme;2;
        G1;Ana;orthographe;Bien;
        G1;Ana;fond;Excellent;
        """.write(to: url, atomically: true, encoding: .utf8)
        let (scores, problems) = try ScoreReader(rubric: rubric).read(url.path)
        XCTAssertEqual(scores.map(\.level), [3, 2, 2])
        XCTAssertEqual(scores.first?.comment, "Clair")
        XCTAssertEqual(problems.map(\.place.fr), ["notes.csv, ligne 5", "notes.csv, ligne 6"])
        XCTAssertTrue(problems[0].message.fr.contains("orthographe"))
        XCTAssertTrue(problems[1].message.fr.contains("Insuffisant, Fragile, Satisfaisant, Très bien"), problems[1].message.fr)
    }

    func testABrokenScoresFileIsReportedWithItsRowAndColumn() throws {
        let url = folder.appendingPathComponent("notes.csv")
        try "groupe;correcteur;critère;niveau\nG1;Ana;fond;\"Très bien\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScoreReader(rubric: rubric()).read(url.path)) { error in
            XCTAssertEqual((error as? UserError)?.message.en, "\(url.path), row 2, column 4: a quote opened on line 2 is never closed", "\(error)")
        }
    }

    func testLongFormatWithoutItsColumnsSaysWhichAreNeeded() throws {
        let url = folder.appendingPathComponent("notes.csv")
        try "nom;note\nG1;12\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScoreReader(rubric: rubric()).read(url.path)) { error in
            XCTAssertTrue((error as? UserError)?.message.fr.contains("groupe, correcteur, critère et niveau") ?? false, "\(error)")
        }
    }

    // MARK: Peer assessment

    func testWebPAFromAPeerFileGivesTheReferenceMarks() throws {
        let url = folder.appendingPathComponent("pairs.csv")
        let names = ["Alice", "Bob", "Claire", "David", "Elaine"]
        let given = ["Alice": [4, 4, 3, 2, 1], "Bob": [3, 5, 3, 2, 0], "Claire": [4, 4, 4, 4, 4], "David": [3, 5, 4, 3, 1]]
        var lines = ["groupe;évaluateur;évalué;note"]
        for giver in names.dropLast() {
            lines += zip(names, given[giver]!).map { "G;\(giver);\($0);\($1)" }
        }
        lines.append("G;Elaine;Alice;beaucoup")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let (ratings, problems) = try PeerReader.read(url.path)
        XCTAssertEqual(problems.map(\.place.fr), ["pairs.csv, ligne 22"], "Elaine's only row has no number: she did not submit")
        let rubric = try rubric(Self.small.replacingOccurrences(of: "out-of: 20", with: "out-of: 100"))
        let result = try XCTUnwrap(Grading(rubric: rubric).peerAssessment(ratings, members: [:], marks: ["G": 60], weighting: 0.5).first)
        XCTAssertEqual(result.members.map(\.name), names)
        XCTAssertEqual(result.submitted, 4)
        for (member, (score, mark)) in zip(result.members, zip([1.1300, 1.4785, 1.1188, 0.8553, 0.4174], [63.90, 74.36, 63.56, 55.66, 42.52])) {
            XCTAssertEqual(try XCTUnwrap(member.score), score, accuracy: 5e-5, member.name)
            XCTAssertEqual(try XCTUnwrap(member.mark), mark, accuracy: 5e-3, member.name)
        }
    }

    func testPeerFileWithoutItsColumnsSaysWhichAreNeeded() throws {
        let url = folder.appendingPathComponent("pairs.csv")
        try "groupe;nom;note\nG;A;3\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PeerReader.read(url.path)) { error in
            XCTAssertTrue((error as? UserError)?.message.en.contains("group, giver, receiver and mark") ?? false, "\(error)")
        }
    }

    // MARK: Command

    func testGroupsWhoseNamesDifferOnlyByCaseGetTwoFeedbackFiles() throws {
        let scores = folder.appendingPathComponent("notes.csv")
        try "groupe;correcteur;critère;niveau\nGroupe A;Ana;fond;Fragile\ngroupe a;Ana;fond;Très bien\n".write(to: scores, atomically: true, encoding: .utf8)
        let rubric = folder.appendingPathComponent("grille.yaml")
        // The small rubric's first criterion alone: nothing automatic, one level gives a mark.
        try Self.small.components(separatedBy: "  - id: forme")[0].write(to: rubric, atomically: true, encoding: .utf8)
        let feedback = folder.appendingPathComponent("retours")
        let run = try AtelierProcess.run(["grade", "--rubric", rubric.path, "--scores", scores.path, "--feedback", feedback.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(try Fixtures.files(in: feedback, ending: ".md").map(\.lastPathComponent), ["groupe-a-2.md", "groupe-a.md"])
    }

    func testGradeCommandWritesJSONAndFeedbackAndFlagsUnknownGroups() throws {
        let json = folder.appendingPathComponent("notes.json")
        let feedback = folder.appendingPathComponent("retours")
        let mockups = try Fixtures.files(in: Fixtures.examples, ending: ".yaml").map(\.path)
        let sheet = Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx").path
        let run = try AtelierProcess.run(["grade", "--rubric", "presentation-atelier", "--scores", sheet, "--json", json.path,
                                          "--feedback", feedback.path, "--lang", "fr",
                                          "--peer", Fixtures.examples.appendingPathComponent("grading/pairs.csv").path] + mockups)
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("Accord entre 2 correcteurs sur 5 groupes"), run.output)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let groups = try XCTUnwrap(document["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.count, 6)
        let voices = try XCTUnwrap(groups.first { $0["group"] as? String == "Les voix du quartier" })
        let peer = try XCTUnwrap(voices["peer"] as? [String: Any])
        XCTAssertEqual(peer["submitted"] as? Int, 3)
        let scores = try XCTUnwrap(peer["members"] as? [[String: Any]]).compactMap { $0["webpa_score"] as? Double }
        XCTAssertEqual(scores.reduce(0, +) / Double(scores.count), 1, accuracy: 1e-12, "WebPA scores average 1")
        let files = try Fixtures.files(in: feedback, ending: ".md").map(\.lastPathComponent)
        XCTAssertEqual(files.filter { $0.hasPrefix("les-voix-du-quartier--") }.count, 4, "one file per member who was rated")
        XCTAssertEqual(files.count, 6 + 4 + 3, "one per group, one per member of the two groups in pairs.csv (four and three members)")
        let voicesFeedback = try String(contentsOf: feedback.appendingPathComponent("les-voix-du-quartier.md"), encoding: .utf8)
        XCTAssertTrue(voicesFeedback.contains("## Notes individuelles (évaluation par les pairs, WebPA)\n\n3 membre(s) sur 4 ont répondu."), voicesFeedback)
        XCTAssertFalse(voicesFeedback.contains("| Membre | Score WebPA |"), "members' scores stay in their own files")

        let oneMockup = try AtelierProcess.run(["grade", "--rubric", "presentation-atelier", "--scores", sheet, "--lang", "en", mockups[0]])
        XCTAssertEqual(oneMockup.status, 1)
        XCTAssertTrue(oneMockup.error.contains("grille-remplie.xlsx, sheet « Camille », B3"), oneMockup.error)
    }
}

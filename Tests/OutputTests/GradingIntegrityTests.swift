@testable import AtelierChecklist
import AtelierCore
@testable import AtelierGrading
import AtelierReport
import AtelierTabular
import Foundation
import TestSupport
import XCTest
import ZIPFoundation

/// The situations of a real grading day that used to give a plausible wrong mark: a group
/// nobody graded, a criterion left blank, no mockups for the automatic criterion, two levels
/// for one grader, two mockups with one title, peer forms sent twice or with a name typed
/// without its accent, odd graders' names, absurd rubric numbers. Each must give either the
/// right mark or a clear refusal.
final class GradingIntegrityTests: ScratchFolderTestCase {

    /// Two counted graded criteria (fond, weight 2, and forme), no automatic one: the small
    /// rubric's first two criteria.
    private static let plain = GradingTests.small.components(separatedBy: "  - id: maquette")[0]

    private func rubric(_ text: String = plain) throws -> Rubric {
        try RubricLoader.load(Array(text.utf8), file: "grille.yaml")
    }

    private func score(_ group: String, _ grader: String, _ criterion: String, _ level: Int, place: String = "test") -> Score {
        Score(group: group, grader: grader, criterion: criterion, level: level, comment: nil, place: Localized(verbatim: place))
    }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    // MARK: A mark only from enough evidence

    func testAGroupNobodyGradedHasNoMarkAndAPartlyGradedOneSaysWhatIsMissing() throws {
        let grades = Grading(rubric: try rubric()).grade(groups: ["A", "B", "C"], scores: [
            score("A", "Ana", "fond", 3), score("A", "Ana", "forme", 2),
            score("B", "Ana", "fond", 3),
        ], readiness: [:])
        XCTAssertEqual(grades.map(\.status), [.marked, .incomplete(missing: ["forme"]), .notGraded])
        // A: (3 × 2 + 2) / 9 × 20 = 17.78 → 18.
        XCTAssertEqual(grades.map(\.mark), [18, nil, nil])
    }

    func testRequiredGradersHoldsTheMarkUntilEnoughGradersGraded() throws {
        let rubric = try rubric(Self.plain.replacingOccurrences(of: "rounding: 0.5", with: "rounding: 0.5\nrequired-graders: 2"))
        XCTAssertEqual(rubric.requiredGraders, 2)
        let scores = [score("A", "Ana", "fond", 3), score("A", "Ana", "forme", 2), score("A", "Bo", "fond", 1)]
        let grade = Grading(rubric: rubric).grade(groups: ["A"], scores: scores, readiness: [:])[0]
        XCTAssertEqual(grade.status, .incomplete(missing: ["forme"]))
        XCTAssertNil(grade.mark)
    }

    func testBlankSheetGradesNobodyAndExitsWithTheReason() throws {
        let rubricFile = try write("grille.yaml", Self.plain)
        let sheet = folder.appendingPathComponent("grille.xlsx")
        try GradingSheet(rubric: try rubric(), language: .fr).write(groups: ["Groupe A", "Groupe B"], graders: ["Camille"], to: sheet)
        let json = folder.appendingPathComponent("notes.json")
        let run = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--scores", sheet.path, "--json", json.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 1, run.output + run.error)
        XCTAssertTrue(run.error.contains("Camille n'a noté aucun groupe."), run.error)
        XCTAssertTrue(run.error.contains("2 groupe(s) sans note : Groupe A, Groupe B."), run.error)
        XCTAssertTrue(run.output.contains("Groupe A : non noté : aucun correcteur ne l'a noté"), run.output)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        XCTAssertEqual((document["groups"] as? [[String: Any]])?.map { $0["status"] as? String }, ["not-graded", "not-graded"])
    }

    func testTheCommandListsUnmarkedGroupsInEveryOutputAndExitsOne() throws {
        let rubricFile = try write("grille.yaml", Self.plain)
        let scores = try write("notes.csv", "groupe;correcteur;critère;niveau\nA;Ana;fond;Très bien\nA;Ana;forme;Fragile\nB;Ana;fond;Fragile\n")
        let json = folder.appendingPathComponent("notes.json"), xlsx = folder.appendingPathComponent("notes.xlsx")
        let feedback = folder.appendingPathComponent("retours")
        let run = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--scores", scores.path, "--json", json.path, "--xlsx", xlsx.path,
                                          "--feedback", feedback.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.output.contains("A : 15,5 / 20"), run.output)
        XCTAssertTrue(run.output.contains("B : pas de note : notation incomplète (il manque Forme)"), run.output)
        XCTAssertTrue(run.error.contains("1 groupe(s) sans note : B."), run.error)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let groups = try XCTUnwrap(document["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["status"] as? String }, ["marked", "incomplete"])
        XCTAssertEqual(groups[1]["missing"] as? [String], ["forme"])
        XCTAssertTrue(groups[1]["grade"] is NSNull)
        var marks = try XLSXReader(path: xlsx.path, sheet: "Notes")
        XCTAssertEqual(marks.header.prefix(3), ["Groupe", "Note /20", "État"])
        XCTAssertEqual(try marks.nextRow()?.cells.prefix(3), ["A", "15.5", "noté"])
        XCTAssertEqual(try marks.nextRow()?.cells.prefix(3), ["B", "", "pas de note : notation incomplète (il manque Forme)"])
        let feedbackB = try String(contentsOf: feedback.appendingPathComponent("b.md"), encoding: .utf8)
        XCTAssertTrue(feedbackB.hasPrefix("# B — pas de note : notation incomplète (il manque Forme)\n"), feedbackB)
    }

    // MARK: The automatic criterion needs its mockups

    func testAnAutomaticCriterionWithoutMockupsIsRefusedWithTheCommandToRun() throws {
        let rubric = try RubricLoader.load(Fixtures.bytes(Fixtures.templates.appendingPathComponent("rubrics/presentation-atelier.yaml")), file: "r")
        XCTAssertThrowsError(try GradeUseCase.run(GradeRequest(rubric: rubric, scoreFiles: ["notes.csv"], groups: []))) { error in
            let message = (error as? UserError)?.message.fr ?? ""
            XCTAssertTrue(message.contains("Le critère « maquette »"), message)
            XCTAssertTrue(message.contains("atelier grade --rubric presentation-atelier --scores notes.csv Examples/*.yaml"), message)
        }
        let sheet = Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx").path
        let run = try AtelierProcess.run(["grade", "--rubric", "presentation-atelier", "--scores", sheet, "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("is computed from each group's mockup"), run.error)
    }

    func testGradeSheetHintNamesTheMockups() throws {
        let mockup = Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml").path
        let sheet = folder.appendingPathComponent("grille.xlsx").path
        let run = try AtelierProcess.run(["grade", "sheet", "--rubric", "presentation-atelier", "--xlsx", sheet, mockup, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.output.contains("atelier grade --rubric presentation-atelier --scores \(sheet) \(mockup)"), run.output)
    }

    // MARK: Conflicts and identities

    func testTwoLevelsForOneGraderAreAnErrorNamingBothPlacesAndNothingIsWritten() throws {
        let rubricFile = try write("grille.yaml", Self.plain)
        let first = try write("camille-1.csv", "groupe;correcteur;critère;niveau\nA;Camille;fond;Très bien\nA;Camille;forme;Fragile\n")
        let second = try write("camille-2.csv", "groupe;correcteur;critère;niveau\nA;Camille;fond;Fragile\nA;Camille;forme;Fragile\n")
        let json = folder.appendingPathComponent("notes.json")
        for order in [[first, second], [second, first]] {
            let run = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--json", json.path, "--lang", "fr"]
                                             + order.flatMap { ["--scores", $0.path] })
            XCTAssertEqual(run.status, 1)
            XCTAssertTrue(run.error.contains("Camille a donné deux niveaux différents au groupe « A » sur le critère fond"), run.error)
            XCTAssertTrue(run.error.contains("\(order[0].lastPathComponent), ligne 2") && run.error.contains("\(order[1].lastPathComponent), ligne 2"), run.error)
            XCTAssertTrue(run.error.contains("Aucun fichier écrit"), run.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: json.path))
        }
        let (kept, problems) = ScoreSet.reconcile([score("A", "C", "fond", 2), score("A", "C", "fond", 2)], rubric: try rubric())
        XCTAssertEqual(kept.count, 1, "the same level twice is kept once")
        XCTAssertTrue(problems.isEmpty)
    }

    func testTwoMockupsWithOneTitleAreRefusedNamingBothFiles() throws {
        let source = try String(contentsOf: Fixtures.examples.appendingPathComponent("voix-du-quartier.yaml"), encoding: .utf8)
        let first = try write("groupe-1.yaml", source), second = try write("groupe-2.yaml", source)
        let run = try AtelierProcess.run(["grade", "sheet", "--rubric", "presentation-atelier", "--xlsx", folder.appendingPathComponent("g.xlsx").path,
                                          first.path, second.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("Deux maquettes ont le même titre « Les voix du quartier » : \(first.path) et \(second.path)"), run.error)
        let named = try AtelierProcess.run(["grade", "sheet", "--rubric", "presentation-atelier", "--xlsx", folder.appendingPathComponent("g.xlsx").path,
                                            "--groups", "Groupe A,groupe a", "--lang", "en"])
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.error.contains("Two groups have the same name: « Groupe A » and « groupe a »"), named.error)
    }

    // MARK: Peer ratings

    private func peers(_ lines: [String]) throws -> [PeerRating] {
        let url = try write("pairs.csv", (["groupe;évaluateur;évalué;note"] + lines).joined(separator: "\n"))
        let (ratings, problems) = try PeerReader.read(url.path)
        XCTAssertTrue(problems.isEmpty)
        return ratings
    }

    /// The published WebPA example (grading reference, test values 4), one row per mark.
    private let webPA = ["Alice": [4, 4, 3, 2, 1], "Bob": [3, 5, 3, 2, 0], "Claire": [4, 4, 4, 4, 4], "David": [3, 5, 4, 3, 1]]
    private let names = ["Alice", "Bob", "Claire", "David", "Élaine"]

    private func webPALines(group: String = "L'équipe", rename: [String: String] = [:]) -> [String] {
        ["Alice", "Bob", "Claire", "David"].flatMap { giver in
            zip(names, webPA[giver]!).map { "\(group);\(rename[giver] ?? giver);\($0);\($1)" }
        }
    }

    private func assertReferenceScores(_ assessment: PeerAssessment?, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try XCTUnwrap(assessment, file: file, line: line)
        XCTAssertEqual(result.members.map(\.name), names, file: file, line: line)
        XCTAssertEqual(result.submitted, 4, file: file, line: line)
        for (member, expected) in zip(result.members, [1.1300, 1.4785, 1.1188, 0.8553, 0.4174]) {
            XCTAssertEqual(try XCTUnwrap(member.score), expected, accuracy: 5e-5, member.name, file: file, line: line)
        }
    }

    func testPeerNamesMatchDespiteAccentsCaseAndApostrophesAndAFormSentTwiceCountsOnce() throws {
        // The group typed with a straight apostrophe against the typographic one of its name, Élaine
        // typed « elaine » by one giver, Bob's form sent twice.
        let lines = webPALines(group: "L'équipe").map { $0.replacingOccurrences(of: ";Élaine;", with: $0.hasPrefix("L'équipe;Bob") ? ";elaine;" : ";Élaine;") }
            + webPALines(group: "l'EQUIPE").filter { $0.hasPrefix("l'EQUIPE;Bob;") }
        let validated = PeerValidation.validate(try peers(lines), groups: ["L’équipe"])
        XCTAssertEqual(validated.problems.map(\.severity), [.warning])
        XCTAssertEqual(validated.problems.first?.message.fr, "Bob a envoyé ses évaluations deux fois, identiques : elles comptent une fois.")
        let grading = Grading(rubric: try rubric())
        try assertReferenceScores(grading.peerAssessment(validated.ratings, members: validated.members, marks: ["L’équipe": 12], weighting: 0.5).first)
    }

    func testAGiverNameThatMatchesNoMemberIsRefusedWithTheClosestName() throws {
        let validated = PeerValidation.validate(try peers(webPALines(rename: ["David": "Davdi"])), groups: ["L'équipe"])
        XCTAssertEqual(validated.problems.count, 5)
        XCTAssertEqual(validated.problems.first?.message.fr,
                       "« Davdi » n'est pas membre du groupe « L'équipe » (membres : Alice, Bob, Claire, David, Élaine). Vouliez-vous dire « David » ? Corrigez le nom pour que ses évaluations comptent.")
    }

    func testTwoDifferentFormsFromOneGiverAreAnError() throws {
        let lines = webPALines() + ["L'équipe;Alice;Bob;1"]
        let validated = PeerValidation.validate(try peers(lines), groups: ["L'équipe"])
        XCTAssertEqual(validated.problems.map(\.severity), [.error])
        XCTAssertEqual(validated.problems.first?.message.en, "Alice gave Bob two different marks: 4 (pairs.csv, row 3) and 1 here. The form was probably sent twice: keep one answer only.")
    }

    func testAGiverWhoGaveZeroToEveryoneHasNotSubmitted() throws {
        let lines = webPALines() + names.map { "L'équipe;Élaine;\($0);0" }
        let validated = PeerValidation.validate(try peers(lines), groups: ["L'équipe"])
        try assertReferenceScores(Grading(rubric: try rubric()).peerAssessment(validated.ratings, members: validated.members, marks: [:], weighting: 0.5).first)
    }

    func testTheMockupTeamIsTheRosterWhenItNamesEveryoneRated() throws {
        let lines = webPALines().map { $0.replacingOccurrences(of: ";Élaine;", with: ";Elaine;") }
        let validated = PeerValidation.validate(try peers(lines), groups: ["L'équipe"], teams: ["L'équipe": names + ["Fatou"]])
        XCTAssertTrue(validated.problems.isEmpty)
        XCTAssertEqual(validated.members["L'équipe"], names + ["Fatou"], "Fatou is in the team: she counts, with a score of 0")
    }

    // MARK: Per-member feedback

    func testEachMemberGetsTheirOwnFileAndTheGroupFileHidesTheOthersScores() throws {
        let rubricFile = try write("grille.yaml", Self.plain)
        let scores = try write("notes.csv", "groupe;correcteur;critère;niveau;commentaire\nL'équipe;Ana;fond;Très bien;R&D <b>solide</b> & clair\nL'équipe;Ana;forme;Fragile;\n")
        let pairs = try write("pairs.csv", (["groupe;évaluateur;évalué;note"] + webPALines()).joined(separator: "\n"))
        let feedback = folder.appendingPathComponent("retours")
        let run = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--scores", scores.path, "--peer", pairs.path,
                                          "--feedback", feedback.path, "--lang", "fr"])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(try Fixtures.files(in: feedback, ending: ".md").map(\.lastPathComponent).sorted(), [
            "l-équipe--alice.md", "l-équipe--bob.md", "l-équipe--claire.md", "l-équipe--david.md", "l-équipe--élaine.md", "l-équipe.md",
        ])
        let group = try String(contentsOf: feedback.appendingPathComponent("l-équipe.md"), encoding: .utf8)
        XCTAssertTrue(group.contains("4 membre(s) sur 5 ont répondu."), group)
        XCTAssertFalse(group.contains("1,48"), "Bob's score is his own business")
        XCTAssertTrue(group.contains("Ana : R&D \\<b\\>solide\\</b\\> & clair"), "Markdown escapes only what it must, no HTML entities: \(group)")
        XCTAssertFalse(group.contains("&amp;") || group.contains("&lt;"))
        let bob = try String(contentsOf: feedback.appendingPathComponent("l-équipe--bob.md"), encoding: .utf8)
        // Group mark (3 × 2 + 1) / 9 × 20 = 15.56 → 15.5; Bob 1.4785 × 0.5 × 15.5 + 0.5 × 15.5 = 19.21.
        XCTAssertTrue(bob.hasPrefix("# Bob — L'équipe\n\n- Note du groupe : 15,5 / 20\n- Votre score d'évaluation par les pairs (WebPA, 1 = contribution moyenne) : 1,48"), bob)
        XCTAssertTrue(bob.contains("- Votre note individuelle : 19,21 / 20"), bob)
        XCTAssertFalse(bob.contains("Alice"), "no other member's figures")
        let shared = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--scores", scores.path, "--peer", pairs.path,
                                             "--feedback", feedback.path, "--lang", "fr", "--share-peer-scores"])
        XCTAssertEqual(shared.status, 0, shared.error)
        let sharedGroup = try String(contentsOf: feedback.appendingPathComponent("l-équipe.md"), encoding: .utf8)
        XCTAssertTrue(sharedGroup.contains("| Bob | 1,48 | 19,21 |"), sharedGroup)
    }

    // MARK: Rubric and option validation

    func testAbsurdRubricNumbersAreRefusedWithTheirLines() throws {
        let text = """
        id: absurde
        title: {fr: Absurde, en: Absurd}
        out-of: 0
        rounding: 1000
        required-graders: 0
        criteria:
          - id: a
            label: {fr: A, en: A}
            weight: -2
            levels:
              - {label: {fr: Bas, en: Low}, points: 0}
              - {label: {fr: bas, en: Lower}, points: 1}
          - id: b
            label: {fr: B, en: B}
            weight: 0
            levels:
              - {label: {fr: Bas, en: Low}, points: 0}
              - {label: {fr: Haut, en: High}, points: 0}
        """
        XCTAssertThrowsError(try rubric(text)) { error in
            let problems = (error as? DefinitionError)?.problems ?? []
            let found = problems.map { "\($0.position?.line ?? 0) \($0.message.en.prefix(24))" }
            XCTAssertEqual(found, ["3 « out-of: 0 »: the mark ", "4 « rounding: 1000 »: roun", "5 « required-graders: 0 »:", "9 « weight: -2 »: a weight",
                                   "12 Two levels of this crite", "15 « weight: 0 »: a weight ", "17 Every level of this crit"], found.joined(separator: "\n"))
        }
    }

    func testOutOfRangeOptionsAreRefused() throws {
        let rubricFile = try write("grille.yaml", Self.plain)
        let scores = try write("notes.csv", "groupe;correcteur;critère;niveau\nA;Ana;fond;Très bien\nA;Ana;forme;Fragile\n")
        for (option, value) in [("--peer-weighting", "50"), ("--peer-weighting", "nan"), ("--disagreement-share", "-0.1")] {
            let run = try AtelierProcess.run(["grade", "--rubric", rubricFile.path, "--scores", scores.path, "\(option)=\(value)", "--lang", "fr"])
            XCTAssertEqual(run.status, 2, "\(option) \(value)")
            XCTAssertTrue(run.error.contains("\(option) ") && run.error.contains("il faut une part entre 0 et 1"), run.error)
        }
    }

    // MARK: Sheet names

    func testGradersWithAwkwardNamesGetValidSheetsAndReadBackInFull() throws {
        let rubric = try rubric()
        let graders = ["Barème", "Marie-Christine de La Tour d'Auvergne-Lauraguais", "Marie-Christine de La Tour d'Auvergne", "Jo: [invitée]?"]
        let url = folder.appendingPathComponent("grille.xlsx")
        try GradingSheet(rubric: rubric, language: .fr).write(groups: ["G1"], graders: graders, to: url)
        let sheets = try XLSXReader.sheetNames(path: url.path)
        XCTAssertEqual(sheets, ["Barème", "Marie-Christine de La Tour d'Au", "Marie-Christine de La Tour (2)", "Jo invitée", "Barème (2)"])
        for index in 1...4 { try SheetFiller.fill(url, sheet: index, ["B2": "Très bien", "D2": "Fragile"]) }
        let (scores, problems) = try ScoreReader(rubric: rubric).read(url.path)
        XCTAssertTrue(problems.isEmpty, problems.map(\.message.fr).joined(separator: "\n"))
        XCTAssertEqual(Set(scores.map(\.grader)), Set(graders), "each grader read back under their full name")
        XCTAssertThrowsError(try GradingSheet(rubric: rubric, language: .fr).write(groups: ["G1"], graders: ["Camille", "camille"], to: url)) { error in
            XCTAssertTrue((error as? UserError)?.message.fr.contains("« Camille » et « camille »") ?? false, "\(error)")
        }
    }

    // MARK: Severity, gradebook, formats

    func testGraderSeverityEqualsScipyOnTheFilledSheet() throws {
        let rubric = try RubricLoader.load(Fixtures.bytes(Fixtures.templates.appendingPathComponent("rubrics/presentation-atelier.yaml")), file: "r")
        let sheet = Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx")
        let groups = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.examples.appendingPathComponent("grading/expected.json"))) as? [String: Any])?["groups"] as? [String])
        let grades = Grading(rubric: rubric).grade(groups: groups, scores: try ScoreReader(rubric: rubric).read(sheet.path).scores, readiness: [:])
        let oracle = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.examples.appendingPathComponent("grading/severity.json"))) as? [String: [String: Any]])
        let severity = GraderSeverity.of(grades)
        XCTAssertEqual(severity.map(\.grader), ["Camille", "Karim"])
        for entry in severity {
            let expected = try XCTUnwrap(oracle[entry.grader])
            XCTAssertEqual(entry.groups, expected["groups"] as? Int)
            XCTAssertEqual(entry.meanDifference, try XCTUnwrap(expected["mean_difference"] as? Double), accuracy: 1e-9)
            let interval = try XCTUnwrap(expected["ci"] as? [Double])
            XCTAssertEqual(try XCTUnwrap(entry.interval?.lowerBound), interval[0], accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(entry.interval?.upperBound), interval[1], accuracy: 1e-9)
        }
        XCTAssertEqual(ReadingGuide.severity(severity[0]).fr,
                       "Camille : −1,7 point(s) en moyenne par rapport aux autres correcteurs, sur 5 groupe(s) (IC à 95 % : −3,8 à +0,5) — pas d'écart systématique net.")
        let strict = GraderSeverity(grader: "Élodie", groups: 8, meanDifference: -2.5, interval: -3.1 ... -1.9)
        XCTAssertEqual(ReadingGuide.severity(strict).fr,
                       "Élodie : −2,5 point(s) en moyenne par rapport aux autres correcteurs, sur 8 groupe(s) (IC à 95 % : −3,1 à −1,9) — note plus sévèrement que les autres : à discuter avant de publier.")
    }

    func testGradebookWrapsLongCommentsWithTheirRowHeight() throws {
        let rubric = try rubric()
        let comment = (1...6).map { "Ligne \($0) d'un commentaire détaillé sur la présentation du groupe." }.joined(separator: "\n")
        let grades = Grading(rubric: rubric).grade(groups: ["A"], scores: [
            Score(group: "A", grader: "Ana", criterion: "fond", level: 3, comment: comment, place: Localized(verbatim: "t")), score("A", "Ana", "forme", 2),
        ], readiness: [:])
        let url = folder.appendingPathComponent("notes.xlsx")
        try GradeWorkbook(rubric: rubric, language: .fr, totalsThreshold: 3).write(grades, agreement: nil, to: url)
        let archive = try Archive(url: url, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try XCTUnwrap(archive["xl/worksheets/sheet2.xml"])) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        let row = try XCTUnwrap(text.range(of: "<row r=\"2\" spans=\"1:6\" ht=\"").map { text[$0.upperBound...].prefix { $0 != "\"" } })
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(Double(row)), 90, "six lines of comment need at least six lines of height")
        XCTAssertTrue(text.contains("customHeight=\"1\""))
    }

    func testAnODSScoreSheetReadsAsItsXLSX() throws {
        let rubric = try RubricLoader.load(Fixtures.bytes(Fixtures.templates.appendingPathComponent("rubrics/presentation-atelier.yaml")), file: "r")
        let xlsx = try ScoreReader(rubric: rubric).read(Fixtures.examples.appendingPathComponent("grading/grille-remplie.xlsx").path)
        let ods = try ScoreReader(rubric: rubric).read(Fixtures.repository.appendingPathComponent("Tests/Fixtures/libreoffice/grille-remplie.ods").path)
        XCTAssertTrue(ods.problems.isEmpty, ods.problems.map(\.message.fr).joined(separator: "\n"))
        XCTAssertEqual(ods.scores.count, xlsx.scores.count)
        XCTAssertEqual(ods.scores.map { "\($0.grader) \($0.group) \($0.criterion) \($0.level)" }, xlsx.scores.map { "\($0.grader) \($0.group) \($0.criterion) \($0.level)" })
    }

    func testCanvasRoundTripKeepsTheAutomaticCriterion() throws {
        let rubric = try RubricLoader.load(Fixtures.bytes(Fixtures.templates.appendingPathComponent("rubrics/presentation-atelier.yaml")), file: "r")
        let url = try write("canvas.csv", CanvasRubric.csv(rubric, language: .fr))
        let back = try CanvasRubric.read(url.path)
        let maquette = try XCTUnwrap(back.criteria.first { $0.id == "maquette" })
        XCTAssertEqual(maquette.source, .readiness(section: nil, thresholds: [0.6, 0.8, 0.95]))
        XCTAssertTrue(try XCTUnwrap(back.criteria.first { $0.id == "remarques" }).feedbackOnly)
    }
}

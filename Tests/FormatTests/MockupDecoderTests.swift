import AtelierCore
import AtelierMockup
import TestSupport
import XCTest

final class MockupDecoderTests: XCTestCase {
    private func findings(replacing old: String, with new: String) -> [String] {
        XCTAssertTrue(Fixtures.minimal.contains(old), "the minimal mockup contains \(old)")
        return Fixtures.summary(Fixtures.decode(Fixtures.minimal.replacingOccurrences(of: old, with: new)).findings)
    }

    func testTheMinimalMockupIsValidAndTyped() throws {
        let decoded = Fixtures.decode(Fixtures.minimal)
        XCTAssertEqual(decoded.findings, [])
        let mockup = try XCTUnwrap(decoded.mockup)
        XCTAssertEqual(mockup.title, "Essai")
        XCTAssertEqual(mockup.span?.end.description, "2026-12-31")
        XCTAssertEqual(mockup.objectives.map(\.id), ["O1"])
        XCTAssertEqual(mockup.activities.first?.tools, ["quiz"])
        XCTAssertEqual(mockup.evaluation?.indicators.first?.questions, ["Q1"])
        XCTAssertEqual(mockup.evaluation?.indicators.first?.source, .survey)
    }

    func testTypesComeFromTheFieldNotFromTheLook() throws {
        let decoded = Fixtures.decode(Fixtures.minimal.replacingOccurrences(of: "title: Essai", with: "title: no")
            .replacingOccurrences(of: "label: Tout public", with: "label: 14:30"))
        XCTAssertEqual(decoded.findings, [])
        XCTAssertEqual(decoded.mockup?.title, "no")
        XCTAssertEqual(decoded.mockup?.audiences.first?.label, "14:30")
    }

    func testMissingKeyIsReportedAtItsParent() {
        XCTAssertEqual(findings(replacing: "institution: {name: Musée, type: museum}", with: "institution: {type: museum}"),
                       ["missing-key 3:1"])
        XCTAssertEqual(findings(replacing: "title: Essai\n", with: ""), ["missing-key 1:1"])
        XCTAssertEqual(findings(replacing: "title: Essai", with: "title:"), ["missing-value 2:1"])
    }

    func testWrongTypeSaysTheExpectedForm() throws {
        let decoded = Fixtures.decode(Fixtures.minimal.replacingOccurrences(of: "dates: {start: 2026-01-01, end: 2026-12-31}", with: "dates: [2026-01-01]"))
        let finding = try XCTUnwrap(decoded.findings.first)
        XCTAssertEqual(Fixtures.summary(decoded.findings), ["wrong-type 4:8"])
        XCTAssertEqual(finding.message.en, "« dates » expects a block of « key: value » lines, not « […] ».")
        XCTAssertEqual(finding.path.description, "dates")
    }

    func testInvalidValuesSayWhatToWrite() throws {
        let decoded = Fixtures.decode(Fixtures.minimal.replacingOccurrences(of: "start: 2026-01-01", with: "start: le 1er de l'an"))
        let finding = try XCTUnwrap(decoded.findings.first)
        XCTAssertEqual(finding.rule, "invalid-value")
        XCTAssertEqual(finding.message.fr, "« le 1er de l'an » n'est pas une date comme 2026-03-02.")
        XCTAssertEqual(finding.fix?.en, "Write a date like 2026-03-02.")
        XCTAssertEqual(findings(replacing: "start: 2026-03-01", with: "start: 2026-03-01, duration: deux heures"), ["invalid-value 8:79"])
    }

    func testUnknownKeySuggestsTheClosestKnownKey() throws {
        let decoded = Fixtures.decode(Fixtures.minimal + "objectifs: []\nsumary: x\n")
        XCTAssertEqual(decoded.findings.map(\.severity), [.warning, .warning])
        XCTAssertEqual(decoded.findings.map(\.message.en), [
            "Unknown key « objectifs » at the top of the file: did you mean « objectives »?",
            "Unknown key « sumary » at the top of the file: did you mean « summary »?",
        ])
        let far = Fixtures.decode(Fixtures.minimal + "zzz: 1\n")
        XCTAssertEqual(far.findings.first?.message.en, "Unknown key « zzz » at the top of the file.")
    }

    func testUnknownEnumValueListsTheAllowedValues() throws {
        let decoded = Fixtures.decode(Fixtures.minimal.replacingOccurrences(of: "type: quiz", with: "type: podcasts"))
        let finding = try XCTUnwrap(decoded.findings.first)
        XCTAssertEqual(finding.message.en, "« podcasts » is not an accepted value for « tools[0].type »: did you mean « podcast »?")
        XCTAssertTrue(finding.fix!.en.hasPrefix("Write one of the values: ar, vr, podcast, video,"))
        XCTAssertEqual(findings(replacing: "type: quiz", with: "type: Quiz"), [], "a difference of case alone is forgiven")
    }

    func testDuplicateIdsAndDanglingReferences() {
        XCTAssertEqual(findings(replacing: "[{id: tous, label: Tout public}]", with: "[{id: tous, label: A}, {id: tous, label: B}]"),
                       ["duplicate-id 5:40"])
        XCTAssertEqual(findings(replacing: "type: quiz, objectives: [O1]}]", with: "type: quiz, objectives: [O1, O3]}]"), ["dangling-ref 7:49"])
        XCTAssertEqual(findings(replacing: "question: Q1}", with: "question: Q9}"), ["dangling-ref 11:72"])
    }

    func testNoCascadeFromAListThatCouldNotBeRead() {
        XCTAssertEqual(findings(replacing: "audiences: [{id: tous, label: Tout public}]", with: "audiences: tous"),
                       ["wrong-type 5:12"], "references to audiences are not judged when the list is broken")
        XCTAssertEqual(findings(replacing: "[{id: tous, label: Tout public}]", with: "[{label: Tout public}]"),
                       ["missing-key 5:13"], "references are not judged when an item has no id")
    }

    func testEndBeforeStart() {
        XCTAssertEqual(findings(replacing: "end: 2026-12-31", with: "end: 2025-12-31"), ["end-before-start 4:33"])
        XCTAssertEqual(findings(replacing: "start: 2026-03-01", with: "start: 2026-03-01 14:00, end: 2026-03-01"), [],
                       "a bare end date lasts the whole day")
        XCTAssertEqual(findings(replacing: "start: 2026-03-01", with: "start: 2026-03-01 14:00, end: 2026-03-01 12:00"),
                       ["end-before-start 8:80"])
    }

    func testScalesMustBeBuiltInOrDeclared() {
        XCTAssertEqual(findings(replacing: "scale: satisfaction-5", with: "scale: satisfaction-7"), ["unknown-scale 10:63"])
        let declared = Fixtures.minimal.replacingOccurrences(of: "scale: satisfaction-5", with: "scale: maison")
            + "  scales:\n    maison: {levels: [Bof, Bien, {fr: Super, en: Great}]}\n"
        XCTAssertEqual(Fixtures.summary(Fixtures.decode(declared).findings), [])
        XCTAssertEqual(Fixtures.decode(declared).mockup?.evaluation?.scales.first?.scale.levels.last, Localized(fr: "Super", en: "Great"))
        XCTAssertEqual(Fixtures.decode(declared).mockup?.evaluation?.scales.first?.scale.values, [1, 2, 3])
    }

    func testFormatVersionAndEmptyFile() {
        XCTAssertEqual(findings(replacing: "format: atelier/1", with: "format: atelier/2"), ["format-version 1:9"])
        XCTAssertEqual(Fixtures.summary(Fixtures.decode("").findings), ["empty-file 1:1"])
        XCTAssertEqual(Fixtures.summary(Fixtures.decode("# rien\n").findings), ["empty-file 1:1"])
        XCTAssertEqual(Fixtures.summary(Fixtures.decode("- a\n").findings), ["wrong-type 1:1"])
    }

    func testAliasInAListDoesNotCascade() {
        XCTAssertEqual(findings(replacing: "title: Essai", with: "title: &t Essai\nsummary: *t"), ["yaml-anchor 2:8", "yaml-alias 3:10"])
    }

    func testEveryExampleMockupPassesWithNoFinding() throws {
        let examples = try Fixtures.files(in: Fixtures.examples, ending: ".yaml")
        XCTAssertGreaterThanOrEqual(examples.count, 6)
        for file in examples {
            let decoded = Fixtures.decoder.decode(Fixtures.bytes(file))
            XCTAssertEqual(Fixtures.summary(decoded.findings), [], file.lastPathComponent)
            XCTAssertNotNil(decoded.mockup, file.lastPathComponent)
        }
        let english = try Fixtures.files(in: Fixtures.examples, ending: ".yaml").compactMap { Fixtures.decoder.decode(Fixtures.bytes($0)).mockup?.language }
        XCTAssertEqual(english.filter { $0 == .en }.count, 1)
    }

    func testBrokenExamplesProduceExactlyTheirExpectedFindings() throws {
        let broken = Fixtures.examples.appendingPathComponent("broken")
        let files = try Fixtures.files(in: broken, ending: ".yaml")
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let expectedFile = file.deletingPathExtension().appendingPathExtension("expected")
            let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
            XCTAssertFalse(expected.isEmpty, expectedFile.lastPathComponent)
            XCTAssertEqual(Fixtures.summary(Fixtures.check(Fixtures.bytes(file)).findings), expected, file.lastPathComponent)
        }
    }

    func testEveryTemplatePassesWithNoFinding() {
        let templates = Fixtures.library.mockupTemplateNames
        XCTAssertEqual(templates, ["ar", "archives", "blank", "chatbot", "podcast", "quiz", "vr"])
        for name in templates {
            let text = try! Fixtures.library.mockupTemplate(named: name)
            XCTAssertEqual(Fixtures.summary(Fixtures.decode(text).findings), [], name)
        }
    }

    func testAMisnamedKeyIsOneFindingThatStandsInForTheKey() throws {
        let file = Fixtures.repository.appendingPathComponent("Examples/broken/cles-mal-ecrites.yaml")
        let result = Fixtures.check(Fixtures.bytes(file))
        let title = try XCTUnwrap(result.findings.first { $0.position?.line == 5 })
        XCTAssertEqual(title.severity, .error, "the title is required: written under a wrong name it is missing")
        XCTAssertEqual(title.message.fr, "La clé « title » est suivie d'une espace insécable (U+00A0) avant « : » en tête du fichier : YAML la lit comme une partie du nom, et la clé n'est pas reconnue.")
        XCTAssertEqual(title.message.en, "The key « title » is followed by a no-break (U+00A0) space before « : » at the top of the file: YAML reads it as part of the name, and the key is not recognised.")
        let publics = try XCTUnwrap(result.findings.first { $0.position?.line == 8 })
        XCTAssertEqual(publics.path.description, "audiences")
        XCTAssertFalse(result.findings.contains { ["missing-key", "dangling-ref"].contains($0.rule) }, "consequences of the same mistakes")
        XCTAssertEqual(result.readiness.sections.first { $0.section == .audiences }?.score, 0, "no audiences, no ready audiences")
    }

    func testTheOnlyUnknownKeyWhereOneRequiredKeyIsMissingIsTakenForIt() throws {
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("vr-abbaye.yaml"), encoding: .utf8)
        let objective = try XCTUnwrap(text.range(of: "\n    text: "))
        let renamed = text.replacingCharacters(in: objective, with: "\n    intitulé-libre: ")
        let findings = Fixtures.decode(renamed).findings
        XCTAssertEqual(findings.map(\.rule), ["unknown-key"], "one mistake, one finding: \(findings.map(\.message.fr))")
        XCTAssertEqual(findings.first?.severity, .error, "it stands in for a required key")
        XCTAssertEqual(findings.first?.path.description, "objectives[0].text")
        XCTAssertTrue(findings.first?.message.fr.contains("« text »") == true, findings.first?.message.fr ?? "")
    }
}

import AtelierChecklist
import AtelierCore
import AtelierMockup
import Foundation
import TestSupport
import XCTest

final class ChecklistTests: ScratchFolderTestCase {

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try ChecklistLoader.load(Array(text.utf8), file: "c.yaml")
            return []
        } catch {
            return error.problems.map { "\($0.position?.description ?? "-") \($0.message.en)" }
        }
    }

    private let header = "id: mine\ntitle: {fr: Ma liste, en: My list}\nrules:\n"
    private let ruleTexts = "    message: {fr: m, en: m}\n    why: {fr: w, en: w}\n    fix: {fr: f, en: f}\n"

    // MARK: The built-in checklist

    func testTheBuiltInChecklistCoversTheReferenceTable() {
        let ids = Set(Fixtures.essentials.rules.map(\.id))
        let reference = [
            "objectives-present", "objective-verb", "objective-verb-known", "objective-level", "objective-measurable",
            "objective-time-bound", "objective-taught", "objective-assessed", "tool-serves-objective", "tool-used",
            "audience-reached", "participation", "non-digital-path", "podcast-transcript", "video-captions",
            "ar-motion-alternative", "ar-access", "kiosk-accessibility", "needs-hearing", "needs-visual",
            "personal-data-basis", "retention", "notice", "minors-consent", "processors-outside-eu", "image-release",
            "asset-licence", "licence-compatible", "ai-disclosure", "ai-human-review", "ai-personal-data", "vr-age",
            "vr-session-length", "vr-breaks", "vr-seated", "social-network-age", "social-moderation", "qr-short-url",
            "printing-ventilation", "offline-use", "schedule-inside-span", "schedule-order", "evaluation-phase",
            "indicator-target", "indicator-source", "sample-size", "after-project", "budget-balance",
        ]
        XCTAssertEqual(Set(reference).subtracting(ids), [])
        XCTAssertEqual(Fixtures.essentials.rules.count, 73)
        let severities = Dictionary(uniqueKeysWithValues: Fixtures.essentials.rules.map { ($0.id, $0.severity) })
        XCTAssertEqual(severities["objective-taught"], .error)
        XCTAssertEqual(severities["objective-verb"], .warning)
        XCTAssertEqual(severities["sample-size"], .info)
    }

    func testEveryBuiltInRuleHasValidAndInvalidExamplesThatPass() throws {
        let base = try String(contentsOf: Fixtures.library.exampleBase, encoding: .utf8)
        let report = ExampleRunner(base: base, decoder: Fixtures.decoder, templates: Fixtures.library.templateTexts).run(Fixtures.essentials.rules) { _ in "mediation-essentials.yaml" }
        XCTAssertEqual(report.failures.map { $0.sentence(in: .en) }, [])
        for rule in Fixtures.essentials.rules {
            XCTAssertFalse(rule.validExamples.isEmpty, "\(rule.id) has no valid example")
            XCTAssertFalse(rule.invalidExamples.isEmpty, "\(rule.id) has no invalid example")
        }
        XCTAssertGreaterThanOrEqual(report.examples, 110)
    }

    func testTheExampleBasePassesEveryRuleAtOnce() throws {
        let base = try String(contentsOf: Fixtures.library.exampleBase, encoding: .utf8)
        let result = Fixtures.check(base)
        XCTAssertEqual(Fixtures.summary(result.findings), [])
        XCTAssertEqual(result.readiness.score, 1)
    }

    func testTheExampleRunnerCatchesARuleThatDoesNotFire() throws {
        let checklist = try ChecklistLoader.load(Array((header + """
          - id: always-quiet
            section: objectives
            severity: warning
            target: title
            check: present
        \(ruleTexts)    examples:
              valid: ["title: Un titre"]
              invalid: ["title: Un ↓autre titre"]
        """).utf8), file: "c.yaml")
        let base = try String(contentsOf: Fixtures.library.exampleBase, encoding: .utf8)
        let report = ExampleRunner(base: base, decoder: Fixtures.decoder).run(checklist.rules) { _ in "c.yaml" }
        XCTAssertEqual(report.failures.map { $0.sentence(in: .en) }, [
            "c.yaml:14:17: The invalid example of the rule « always-quiet » (line 14) does not trigger it.",
        ])
    }

    func testEveryExampleMockupHasNoErrorWithTheChecklist() throws {
        for file in try Fixtures.files(in: Fixtures.examples, ending: ".yaml") {
            let result = Fixtures.check(String(decoding: Fixtures.bytes(file), as: UTF8.self))
            XCTAssertEqual(result.findings.filter { $0.severity == .error }.map(\.rule), [], file.lastPathComponent)
            XCTAssertGreaterThan(result.readiness.score, 0.9, file.lastPathComponent)
        }
    }

    // MARK: Loading is strict

    func testLoadingErrorsArePositionedWithSuggestions() {
        let text = header + """
          - id: r1
            section: objectifs
            severity: warnng
            target: tools[type=podcast].acessibility.transcript
            check: {equal: true}
            mesage: {fr: m, en: m}
        \(ruleTexts)
        """
        XCTAssertEqual(problems(text), [
            "5:14 « objectifs » is written « objectives »: this field's values are fixed English words that every tool understands. Write objectives.",
            "6:15 « warnng » is not an accepted value for « rules[0].severity »: did you mean « warning »? Write one of the values: info, warning, error, off.",
            "7:13 In the path « tools[type=podcast].acessibility.transcript », the key « acessibility » does not exist in the mockup format. Did you mean « accessibility »?",
            "8:13 Unknown check « equal ». Did you mean « equals »?",
            "9:5 Unknown key « mesage » in « rules[0] »: did you mean « message »? Keys accepted here: id, section, severity, target, check, builtin, options, when, missing, message, why, fix, reference, examples.",
        ])
    }

    func testBuiltinsOptionsAndPathsAreChecked() {
        let text = header + """
          - id: r1
            section: objectives
            severity: info
            builtin: bloom-verbs
        \(ruleTexts)  - id: r2
            section: objectives
            severity: info
            builtin: bloom-verb
            options: {aspekt: level}
        \(ruleTexts)  - id: r3
            section: schedule
            severity: info
            target: activities.objectives
            check: not-empty
        \(ruleTexts)  - id: r4
            section: objectives
            severity: info
            target: title
            check: {matches: "(unclosed"}
        \(ruleTexts)  - id: r5
            section: objectives
            severity: info
            target: title
            check: present
            message: {fr: seulement en français}
            why: {fr: w, en: w}
            fix: {fr: f, en: f}
        """
        XCTAssertEqual(problems(text), [
            "7:14 « bloom-verbs » is not an accepted value for « rules[0].builtin »: did you mean « bloom-verb »? Write one of the values: "
                + Builtins.all.map { $0.name }.joined(separator: ", ") + ".",
            "15:15 Unknown option « aspekt » for this function. Did you mean « aspect »?",
            "22:13 In the path « activities.objectives », « activities » is a list: write activities[*] or activities[key=value].",
            "31:22 « (unclosed » is not a valid regular expression.",
            "40:5 The key « en » is required in « rules[4].message ». Add « en: » followed by a text.",
        ])
    }

    func testABrokenChecklistIsRefusedWholeByTheSet() throws {
        let path = try write("broken.yaml", header + "  - id: r1\n    section: objectives\n")
        XCTAssertThrowsError(try ChecklistSet.load([path], folder: Fixtures.library.checklistsFolder)) { error in
            let problems = (error as? DefinitionError)?.problems ?? []
            XCTAssertEqual(Set(problems.map(\.message.en)), [
                "The key « severity » is required in « rules[0] ». Add « severity: » followed by one of the values: info, warning, error, off.",
                "The key « message » is required in « rules[0] ». Add « message: » followed by a block with fr: and en: ({fr: …, en: …}).",
                "The key « why » is required in « rules[0] ». Add « why: » followed by a block with fr: and en: ({fr: …, en: …}).",
                "The key « fix » is required in « rules[0] ». Add « fix: » followed by a block with fr: and en: ({fr: …, en: …}).",
                "The key « check » is required here.", "The key « target » is required here.",
            ])
            XCTAssertTrue(problems.allSatisfy { $0.file.hasSuffix("broken.yaml") && $0.position != nil })
        }
        XCTAssertThrowsError(try ChecklistSet.load(["nowhere"], folder: Fixtures.library.checklistsFolder)) { error in
            XCTAssertEqual((error as? DefinitionError)?.problems.first?.message.en,
                           "Checklist « nowhere » not found (neither a file nor a built-in checklist). Accepted values: mediation-essentials.")
        }
    }

    func testUnknownRuleInSeveritiesAndExtendsCycles() throws {
        let typo = try write("typo.yaml", "id: typo\ntitle: {fr: t, en: t}\nextends: [mediation-essentials]\nseverities:\n  objective-mesurable: error\n")
        XCTAssertThrowsError(try ChecklistSet.load([typo], folder: Fixtures.library.checklistsFolder)) { error in
            let problem = (error as? DefinitionError)?.problems.first
            XCTAssertEqual(problem?.position, SourcePosition(line: 5, column: 3))
            XCTAssertEqual(problem?.message.en, "Unknown rule « objective-mesurable » in the extended checklists. Did you mean « objective-measurable »?")
        }
        _ = try write("a.yaml", "id: a\ntitle: {fr: a, en: a}\nextends: [b.yaml]\n")
        _ = try write("b.yaml", "id: b\ntitle: {fr: b, en: b}\nextends: [a.yaml]\n")
        XCTAssertThrowsError(try ChecklistSet.load([folder.appendingPathComponent("a.yaml").path], folder: Fixtures.library.checklistsFolder)) { error in
            XCTAssertTrue((error as? DefinitionError)?.problems.contains { $0.message.en.contains("extends itself") } == true)
        }
    }

    // MARK: Trainers adapt

    func testExtendingRaisesSeveritiesSwitchesOffAndAddsRules() throws {
        let path = Fixtures.examples.appendingPathComponent("checklists/reseau-mediatheques.yaml").path
        let set = try ChecklistSet.load([path], folder: Fixtures.library.checklistsFolder)
        let rules = Dictionary(uniqueKeysWithValues: set.rules.map { ($0.id, $0) })
        XCTAssertEqual(set.rules.count, 75, "73 built-in rules and two added")
        XCTAssertEqual(rules["objective-measurable"]?.severity, .error)
        XCTAssertEqual(rules["after-project"]?.severity, .error)
        XCTAssertNil(rules["offline-use"]?.severity)
        XCTAssertEqual(rules["partner-library"]?.origin, "reseau-mediatheques")
        let engine = ChecklistEngine(rules: set.rules)
        let text = Fixtures.minimal.replacingOccurrences(of: "tools: [{id: quiz, type: quiz, objectives: [O1]}]",
                                                         with: "tools: [{id: quiz, type: quiz, objectives: [O1], access: {network: wifi}}]")
        let findings = engine.check(Fixtures.decoder.decode(Array(text.utf8)), source: text, language: .fr).findings
        XCTAssertEqual(findings.first { $0.rule == "objective-measurable" }?.severity, .error)
        XCTAssertFalse(findings.contains { $0.rule == "offline-use" })
        XCTAssertEqual(findings.first { $0.rule == "partner-library" }?.position, SourcePosition(line: 1, column: 1))
        XCTAssertTrue(Fixtures.check(text).findings.contains { $0.rule == "offline-use" }, "the built-in checklist alone keeps it on")
    }

    func testAChecklistThatDoesNotExtendAddsToTheBuiltInOne() throws {
        let path = try write("extra.yaml", header + """
          - id: summary-present
            section: objectives
            severity: warning
            target: summary
            check: present
        \(ruleTexts)
        """)
        let set = try ChecklistSet.load([path], folder: Fixtures.library.checklistsFolder)
        XCTAssertEqual(set.rules.count, 74)
        XCTAssertEqual(set.rules.last?.id, "summary-present")
        let replaced = try ChecklistSet.load(["mediation-essentials"], folder: Fixtures.library.checklistsFolder)
        XCTAssertEqual(replaced.rules.count, 73, "naming the built-in checklist does not run it twice")
    }

    // MARK: Suppressions

    func testSuppressionWithAReasonSilencesTheFindingAndKeepsIt() {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}]",
            with: "# atelier: ignore objective-verb — le verbe est imposé par le financeur\nobjectives: [{id: O1, text: Découvrir trois œuvres, audiences: [tous]}]")
        let result = Fixtures.check(text)
        let silenced = result.findings.first { $0.rule == "objective-verb" }
        XCTAssertEqual(silenced?.suppression, "le verbe est imposé par le financeur")
        XCTAssertFalse(result.findings.contains { $0.rule == "suppression-reason" })
        let unsilenced = Fixtures.check(text.replacingOccurrences(of: "# atelier: ignore objective-verb — le verbe est imposé par le financeur\n", with: ""))
        XCTAssertLessThan(unsilenced.readiness.score, result.readiness.score, "a silenced finding does not count against readiness")
    }

    func testSuppressionOnTheSameLineAndWithoutAReason() {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}]",
            with: "objectives: [{id: O1, text: Découvrir trois œuvres, audiences: [tous]}]  # atelier: ignore objective-verb, objective-measurable")
        let result = Fixtures.check(text)
        XCTAssertEqual(result.findings.first { $0.rule == "objective-verb" }?.suppression, "")
        XCTAssertEqual(result.findings.first { $0.rule == "objective-measurable" }?.suppression, "")
        let warning = result.findings.first { $0.rule == "suppression-reason" }
        XCTAssertEqual(warning?.severity, .warning)
        XCTAssertEqual(warning?.position, SourcePosition(line: 6, column: 74))
        XCTAssertEqual(warning?.fix?.fr, "Ajoutez la raison après un tiret : # atelier: ignore objective-verb, objective-measurable — la raison.")
        let parsed = Suppression.all(in: "a: 1 # atelier: ignore r1 : parce que\nb: 2 # un commentaire\n")
        XCTAssertEqual(parsed.map(\.rules), [["r1"]])
        XCTAssertEqual(parsed.map(\.reason), ["parce que"])
        XCTAssertEqual(parsed.map(\.position), [SourcePosition(line: 1, column: 6)])
    }

    // MARK: Readiness

    func testReadinessIsTheWeightedShareOfApplicableRulesSatisfied() throws {
        let set = try ChecklistSet.load([try write("r.yaml", """
        id: r
        title: {fr: r, en: r}
        extends: [mediation-essentials]
        severities: {\(Fixtures.essentials.rules.map { "\($0.id): off" }.joined(separator: ", "))}
        rules:
          - {id: e1, section: objectives, severity: error, target: summary, check: present, message: {fr: m, en: m}, why: {fr: w, en: w}, fix: {fr: f, en: f}}
          - {id: w1, section: objectives, severity: warning, target: title, check: present, message: {fr: m, en: m}, why: {fr: w, en: w}, fix: {fr: f, en: f}}
          - {id: i1, section: schedule, severity: info, target: "activities[*].staff", check: present, message: {fr: m, en: m}, why: {fr: w, en: w}, fix: {fr: f, en: f}}
          - {id: n1, section: technology, severity: error, target: "tools[type=vr].safety", check: present, message: {fr: m, en: m}, why: {fr: w, en: w}, fix: {fr: f, en: f}}
        """)], folder: Fixtures.library.checklistsFolder)
        let result = ChecklistEngine(rules: set.rules).check(Fixtures.decoder.decode(Array(Fixtures.minimal.utf8)), source: Fixtures.minimal, language: .fr)
        XCTAssertEqual(result.findings.map(\.rule), ["e1", "i1"])
        XCTAssertEqual(result.readiness.score, 2.0 / 6.0, accuracy: 1e-12, "error 3 unsatisfied, warning 2 satisfied, info 1 unsatisfied; the VR rule does not apply")
        XCTAssertEqual(result.readiness.sections.map(\.section), [.objectives, .schedule])
        XCTAssertEqual(result.readiness.sections.map(\.score), [0.4, 0])
        let broken = Fixtures.minimal.replacingOccurrences(of: "start: 2026-03-01", with: "start: demain")
        let withError = ChecklistEngine(rules: set.rules).check(Fixtures.decoder.decode(Array(broken.utf8)), source: broken, language: .fr)
        XCTAssertEqual(withError.readiness.score, 2.0 / 9.0, accuracy: 1e-12, "a structural error weighs as one more unsatisfied error rule")
        XCTAssertEqual(Fixtures.check("a: [").readiness, .unreadable)
    }

    // MARK: Paths

    func testPathsSelectWhatTheySay() throws {
        let root = try XCTUnwrap(Fixtures.decode(Fixtures.minimal).mockup?.record)
        let all = try TargetPath(parsing: "activities[*].tools")
        XCTAssertEqual(all.matches(in: root).map(\.path.description), ["activities[0].tools"])
        let filtered = try TargetPath(parsing: "tools[type=podcast].accessibility.transcript")
        XCTAssertEqual(filtered.matches(in: root).count, 0)
        let missing = try TargetPath(parsing: "tools[type=quiz].accessibility.transcript")
        let match = try XCTUnwrap(missing.matches(in: root).first)
        XCTAssertEqual(match.path.description, "tools[0].accessibility.transcript")
        XCTAssertNil(match.value)
        XCTAssertEqual(match.item?.text("id"), "quiz")
        XCTAssertThrowsError(try TargetPath(parsing: "tools[type=quiz"))
        XCTAssertThrowsError(try TargetPath(parsing: "title[*]")) { XCTAssertEqual($0 as? TargetPathError, .notAList("title[*]", "title")) }
        XCTAssertThrowsError(try TargetPath(parsing: "tools[access=x]")) { XCTAssertEqual($0 as? TargetPathError, .badSelector("tools[access=x]", "access")) }
    }

    func testStarSelectsEachPlainValueWithItsEnclosingItem() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "audiences: [{id: tous, label: Tout public}]",
                                                         with: "audiences: [{id: tous, label: Tout public, needs: [visual, other]}, {id: b, label: B, needs: [cognitive]}]")
        let root = try XCTUnwrap(Fixtures.decode(text).mockup?.record)
        let needs = try TargetPath(parsing: "audiences[*].needs[*]")
        let matches = needs.matches(in: root)
        XCTAssertEqual(matches.map(\.path.description), ["audiences[0].needs[0]", "audiences[0].needs[1]", "audiences[1].needs[0]"])
        XCTAssertEqual(matches.map { $0.item?.text("id") }, ["tous", "tous", "b"])
        XCTAssertThrowsError(try TargetPath(parsing: "audiences[*].needs[kind=x]")) { XCTAssertEqual($0 as? TargetPathError, .badSelector("audiences[*].needs[kind=x]", "kind")) }
    }
}

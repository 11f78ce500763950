import Foundation
import TestSupport
import XCTest

/// Runs the built `atelier` binary as a user would.
final class CommandTests: ScratchFolderTestCase {

    @discardableResult
    func atelier(_ arguments: [String], environment: [String: String] = [:], binary: URL = AtelierProcess.binary) throws -> AtelierProcess.Run {
        try AtelierProcess.run(arguments, environment: environment, binary: binary)
    }

    func testCheckingTheExamplesExitsZero() throws {
        let run = try atelier(["check", "Examples", "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.output + run.error)
        XCTAssertTrue(run.output.hasSuffix("6 file(s) checked: 0 error(s), 1 warning(s), 7 info(s).\n"), run.output)
        XCTAssertTrue(run.output.contains("Examples/voix-du-quartier.yaml: Readiness: 100% (Objectives 100%,"), run.output)
    }

    func testFindingsAtTheFailureLevelExitOne() throws {
        let broken = try atelier(["check", "Examples/broken/structure.yaml", "--lang", "fr"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.output.contains("Examples/broken/structure.yaml:4:40: erreur: « librairie » n'est pas une valeur acceptée"))
        XCTAssertEqual(try atelier(["check", "Examples/broken/structure.yaml", "--fail-on", "never"]).status, 0)
        let warningOnly = folder.appendingPathComponent("w.yaml")
        let base = try String(contentsOf: Fixtures.library.exampleBase, encoding: .utf8)
        try (base + "zzz: 1\n").write(to: warningOnly, atomically: true, encoding: .utf8)
        XCTAssertEqual(try atelier(["check", warningOnly.path]).status, 0)
        XCTAssertEqual(try atelier(["check", warningOnly.path, "--fail-on", "warning"]).status, 1)
        XCTAssertEqual(try atelier(["check", "Examples/broken/citation.yaml"]).status, 1, "a YAML syntax error is a finding")
    }

    func testInputsThatCannotBeReadExitTwoWithOneSentence() throws {
        let missing = try atelier(["check", "nulle-part.yaml"], environment: ["LANG": "fr_FR.UTF-8"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.error, "atelier: nulle-part.yaml : ce fichier ou ce dossier n'existe pas.\n")
        XCTAssertEqual(missing.output, "")
        let empty = try atelier(["check", folder.path])
        XCTAssertEqual(empty.status, 2)
        XCTAssertEqual(empty.error, "atelier: \(folder.path): this folder holds no .yaml or .yml file.\n")
    }

    func testBadArgumentsExitTwo() throws {
        let run = try atelier(["check", "Examples", "--format", "pdf"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("pdf"), run.error)
        XCTAssertEqual(try atelier(["frobnicate"]).status, 2)
        XCTAssertEqual(try atelier(["check", "--help"]).status, 0)
    }

    func testJSONAndMarkdownFormats() throws {
        let json = try atelier(["check", "Examples/broken/tabulation.yaml", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual((object["summary"] as? [String: Int])?["errors"], 1)
        let markdown = try atelier(["check", "Examples/broken/tabulation.yaml", "--format", "markdown", "--lang", "en"])
        XCTAssertTrue(markdown.output.hasPrefix("# Mockup check\n\n## Examples/broken/tabulation.yaml\n"))
        XCTAssertEqual(markdown.status, 1)
    }

    func testLanguageComesFromTheEnvironmentUnlessGiven() throws {
        let french = try atelier(["check", "Examples/broken/tabulation.yaml"], environment: ["LC_ALL": "fr_FR.UTF-8"])
        XCTAssertTrue(french.output.contains("erreur: Une tabulation sert à indenter cette ligne."))
        let english = try atelier(["check", "Examples/broken/tabulation.yaml", "--lang", "en"], environment: ["LC_ALL": "fr_FR.UTF-8"])
        XCTAssertTrue(english.output.contains("error: A tab is used to indent this line."))
        XCTAssertFalse(english.output.contains("\u{1B}["), "no colour when the output is not a terminal")
    }

    func testNewThenCheckForEveryTemplate() throws {
        for template in ["blank", "ar", "podcast", "quiz", "archives", "chatbot", "vr"] {
            let file = folder.appendingPathComponent("sub/\(template).yaml")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let created = try atelier(["new", file.path, "--template", template, "--lang", "fr"])
            XCTAssertEqual(created.status, 0, created.error)
            XCTAssertTrue(created.output.contains("créé à partir du modèle « \(template) »"))
            let text = try String(contentsOf: file, encoding: .utf8)
            let firstLine = String(text.prefix { $0 != "\n" })
            XCTAssertTrue(firstLine.hasPrefix("# yaml-language-server: $schema="), firstLine)
            let schemaPath = String(firstLine.dropFirst("# yaml-language-server: $schema=".count))
            XCTAssertTrue(schemaPath.hasPrefix("../"), "relative to the new file: \(schemaPath)")
            let resolved = file.deletingLastPathComponent().appendingPathComponent(schemaPath).standardized
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.path), resolved.path)
            // Untouched, a template is well formed but not ready: its placeholders and its
            // example's sentences stand where the project should describe itself.
            let checked = try atelier(["check", file.path, "--lang", "en"])
            XCTAssertEqual(checked.status, 1, template + checked.output)
            let errorRules = Set(checked.output.split(separator: "\n").filter { $0.contains(": error: ") }.compactMap { $0.split(separator: "[").last?.dropLast() })
            XCTAssertEqual(errorRules, template == "blank" ? ["placeholder-left", "template-example", "template-plan"] : ["template-example", "template-plan"], template + checked.output)
            XCTAssertFalse(checked.output.contains(": warning: "), template + checked.output)
            let readiness = try XCTUnwrap(checked.output.firstMatch(of: /Readiness: (\d+)%/).flatMap { Int($0.1) }, checked.output)
            XCTAssertLessThan(readiness, template == "blank" ? 50 : 90, template)
        }
    }

    func testNewNeverOverwrites() throws {
        let file = folder.appendingPathComponent("mine.yaml")
        try "mine".write(to: file, atomically: true, encoding: .utf8)
        let run = try atelier(["new", file.path, "--lang", "en"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.error, "atelier: \(file.path) already exists: Atelier does not overwrite it. Choose another name or remove the file.\n")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "mine")
        let unknown = try atelier(["new", folder.appendingPathComponent("x.yaml").path, "--template", "nope", "--lang", "en"])
        XCTAssertEqual(unknown.error, "atelier: Unknown template « nope ». Available templates: ar, archives, blank, chatbot, podcast, quiz, vr.\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(leftovers, ["mine.yaml"], "no temporary file is left behind")
    }

    func testSchemaCommandPrintsTheCommittedSchema() throws {
        let run = try atelier(["schema"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.output, try String(contentsOf: Fixtures.library.schemaFile, encoding: .utf8))
        let output = folder.appendingPathComponent("schema.json")
        XCTAssertEqual(try atelier(["schema", "--output", output.path]).status, 0)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), run.output)
    }

    func testTemplatesAreFoundInTheDocumentedOrder() throws {
        let copy = folder.appendingPathComponent("share/atelier/Templates")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.templates, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("mockups/vr.yaml"))
        let viaVariable = try atelier(["new", folder.appendingPathComponent("a.yaml").path, "--template", "vr", "--lang", "en"],
                                      environment: ["ATELIER_TEMPLATES": copy.path])
        XCTAssertEqual(viaVariable.status, 2, "the variable wins over the source tree")
        XCTAssertTrue(viaVariable.error.contains("Available templates: ar, archives, blank, chatbot, podcast, quiz."))
        let viaOption = try atelier(["new", folder.appendingPathComponent("b.yaml").path, "--template", "vr",
                                     "--templates", Fixtures.templates.path], environment: ["ATELIER_TEMPLATES": copy.path])
        XCTAssertEqual(viaOption.status, 0, "the option wins over the variable")
        let nowhere = try atelier(["new", folder.appendingPathComponent("c.yaml").path, "--templates", "/nonexistent", "--lang", "en"],
                                  environment: ["ATELIER_TEMPLATES": "/also-missing"])
        XCTAssertEqual(nowhere.status, 2, "an explicit option is not a hint")
        XCTAssertEqual(nowhere.error, "atelier: The Atelier templates folder was not found. Places tried: /nonexistent. Name it with --templates or the ATELIER_TEMPLATES variable.\n")
        let badVariable = try atelier(["new", folder.appendingPathComponent("d.yaml").path], environment: ["ATELIER_TEMPLATES": "/also-missing"])
        XCTAssertEqual(badVariable.status, 0, "the variable is one place among those searched")
    }

    func testAnInstalledBinaryFindsItsTemplatesNextToIt() throws {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: AtelierProcess.binary, to: bin.appendingPathComponent("atelier"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("share/atelier"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.templates, to: folder.appendingPathComponent("share/atelier/Templates"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("share/atelier/Templates/mockups/quiz.yaml"))
        let installed = bin.appendingPathComponent("atelier")
        let run = try atelier(["new", folder.appendingPathComponent("q.yaml").path, "--template", "quiz", "--lang", "en"], binary: installed)
        XCTAssertEqual(run.status, 2, "the installed templates are used before the source tree")
        XCTAssertTrue(run.error.contains("Available templates: ar, archives, blank, chatbot, podcast, vr."), run.error)
    }
}

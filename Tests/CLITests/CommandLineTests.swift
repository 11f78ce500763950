import Foundation
import TestSupport
import XCTest

/// The command line as a newcomer meets it: help and argument errors in their language, every
/// example of every `--help` and of the README running as shown, completion of the real names,
/// the manual page.
final class CommandLineTests: ScratchFolderTestCase {
    private let french = ["LANG": "fr_FR.UTF-8"]
    /// Wide enough that no example line is wrapped.
    private let wide = ["COLUMNS": "1000"]

    /// Every command path, read from the help's own list of subcommands.
    private func commands(_ path: [String] = []) throws -> [[String]] {
        let help = try AtelierProcess.run(path + ["--help"], environment: wide.merging(["LANG": "en_US.UTF-8"]) { $1 }).output
        guard let start = help.range(of: "\nSUBCOMMANDS:\n") else { return [path] }
        let names = help[start.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  ") && !$0.hasPrefix("  See") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
        return try [path] + names.flatMap { try commands(path + [$0]) }
    }

    func testEveryHelpSpeaksFrenchToAFrenchSystem() throws {
        let paths = try commands()
        XCTAssertGreaterThan(paths.count, 15, "\(paths)")
        let english = ["OVERVIEW", "USAGE", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show help", "Show the version", "(default:", "(values:",
                       "See '", "for detailed help", "Write ", "The ", "Examples:"]
        for path in paths {
            let run = try AtelierProcess.run(path + ["--help"], environment: french)
            XCTAssertEqual(run.status, 0)
            for phrase in english {
                XCTAssertFalse(run.output.contains(phrase), "« \(phrase) » in atelier \(path.joined(separator: " ")) --help:\n\(run.output)")
            }
            XCTAssertTrue(run.output.hasPrefix("PRÉSENTATION : "), run.output)
            let english = try AtelierProcess.run(path + ["--help", "--lang", "en"], environment: french)
            XCTAssertTrue(english.output.hasPrefix("OVERVIEW: "), "--lang en wins over LANG")
        }
    }

    func testArgumentErrorsAreOneSentenceInTheUsersLanguage() throws {
        let cases: [([String], String)] = [
            (["check", "x.yaml", "--format", "pdf"],
             "atelier: La valeur « pdf » n'est pas acceptée pour « --format <format> ». Valeurs acceptées : « text », « json » ou « markdown ». Voir « atelier check --help ».\n"),
            (["check", "x.yaml", "--fomat", "json"], "atelier: Option inconnue « --fomat ». Vouliez-vous dire « --format » ? Voir « atelier check --help ».\n"),
            (["check"], "atelier: Il manque l'argument « <files> ... ». Voir « atelier check --help ».\n"),
            (["new", "x.yaml", "--template"], "atelier: Il manque la valeur de « --template <template> ». Voir « atelier new --help ».\n"),
            (["chek", "x.yaml"], "atelier: 2 arguments inattendus : « chek », « x.yaml ». Vouliez-vous dire « check » ? Voir « atelier --help ».\n"),
        ]
        for (arguments, expected) in cases {
            let run = try AtelierProcess.run(arguments, environment: french)
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(run.error, expected)
        }
        let english = try AtelierProcess.run(["check", "x.yaml", "--format", "pdf", "--lang", "en"], environment: french)
        XCTAssertEqual(english.error, "atelier: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'markdown'. See « atelier check --help ».\n")
        let equals = try AtelierProcess.run(["check", "x.yaml", "--format", "pdf", "--lang=en"], environment: french)
        XCTAssertEqual(equals.error, english.error, "--lang=en is read before parsing, as --lang en is")
        let unknown = try AtelierProcess.run(["check", "x.yaml", "--format", "pdf", "--lang", "de"], environment: french)
        XCTAssertTrue(unknown.error.hasPrefix("atelier: La valeur « "), "an unknown language falls back to the environment: \(unknown.error)")
        let template = try AtelierProcess.run(["new", folder.appendingPathComponent("v.yaml").path, "--template", "ar-museum"], environment: french)
        XCTAssertEqual(template.status, 2)
        XCTAssertEqual(template.error, "atelier: Modèle « ar-museum » inconnu. Modèles disponibles : ar, archives, blank, chatbot, podcast, quiz, vr.\n")
    }

    /// A folder like a clone's root: the examples and templates, nothing else.
    private func cloneLikeFolder() throws -> URL {
        let root = try Fixtures.scratchFolder()
        for name in ["Examples", "Templates"] {
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    func testEveryExampleOfEveryHelpRuns() throws {
        var count = 0
        for path in try commands() {
            let help = try AtelierProcess.run(path + ["--help"], environment: wide.merging(["LANG": "en_US.UTF-8"]) { $1 }).output
            guard let start = help.range(of: "Examples:\n") else { continue }
            let examples = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
                .prefix { $0.hasPrefix("  atelier ") }.map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertFalse(examples.isEmpty, "atelier \(path.joined(separator: " ")) --help announces examples")
            let root = try cloneLikeFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            for example in examples {
                // A server serves until stopped: it passes when it is still serving after three seconds.
                let serves = example.hasPrefix("atelier serve") && !example.contains("--export") && !example.contains("--import")
                let run = try AtelierProcess.shell(serves ? "timeout 3 \(example) --host 127.0.0.1 --data served" : example, in: root,
                                                   environment: ["ATELIER_TEMPLATES": "Templates"])
                XCTAssertTrue(serves ? run.status == 124 && run.output.contains("http://127.0.0.1:") : [0, 1].contains(run.status),
                              "\(example)\n→ \(run.status)\n\(run.output)\n\(run.error)")
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 20)
    }

    /// The README's ```console blocks, in order, in one clone-like folder, as a reader following
    /// it from the top would: every `$` line runs, exits as its shown output implies (2 when it
    /// shows the error line `atelier: …`), and prints every line shown, except the elided ones (`…`).
    func testEveryREADMEConsoleBlockRunsAsShown() throws {
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```console\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        XCTAssertGreaterThan(blocks.count, 10)
        let root = try cloneLikeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for block in blocks {
            var commands: [(line: String, shown: [String])] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("$ ") {
                    commands.append((String(line.dropFirst(2)), []))
                } else if !commands.isEmpty {
                    commands[commands.count - 1].shown.append(line)
                }
            }
            for (line, shown) in commands {
                let run = try AtelierProcess.shell(line, in: root, environment: french.merging(["ATELIER_TEMPLATES": "Templates"]) { $1 })
                let printed = run.output + run.error
                let showsError = shown.first?.hasPrefix("atelier: ") ?? false
                XCTAssertTrue(showsError ? run.status == 2 : [0, 1].contains(run.status), "$ \(line)\n→ \(run.status)\n\(printed)")
                for expected in shown where !expected.contains("…") && !expected.trimmingCharacters(in: .whitespaces).isEmpty {
                    XCTAssertTrue(printed.contains(expected), "$ \(line)\nshows « \(expected) », which it does not print:\n\(printed)")
                }
            }
        }
    }

    func testBashCompletesTheRealTemplateNames() throws {
        let script = folder.appendingPathComponent("atelier.bash")
        let generated = try AtelierProcess.run(["--generate-completion-script", "bash"], environment: french)
        XCTAssertEqual(generated.status, 0)
        try generated.output.write(to: script, atomically: true, encoding: .utf8)
        let templates = try FileManager.default.contentsOfDirectory(atPath: Fixtures.templates.appendingPathComponent("mockups").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        for (typed, expected) in [("", templates), ("p", templates.filter { $0.hasPrefix("p") })] {
            let line = "atelier new --template \(typed)"
            let completion = try AtelierProcess.shell("""
                source '\(script.path)'; COMP_WORDS=(atelier new --template '\(typed)'); COMP_CWORD=3; COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                _atelier atelier '\(typed)' --template; printf '%s\\n' "${COMPREPLY[@]}"
                """, in: folder)
            XCTAssertEqual(completion.output.split(separator: "\n").map(String.init), expected, completion.error)
        }
        let zsh = try AtelierProcess.run(["--generate-completion-script", "zsh"], environment: french)
        XCTAssertTrue(zsh.output.contains("'new:Créer une maquette commentée à partir d'\\''un modèle.'"), "descriptions in French, quoted for zsh")
    }

    func testTheManualPageIsTheHelpInEachLanguage() throws {
        for (language, heading, usage) in [("fr", "NOM", "UTILISATION : atelier check"), ("en", "NAME", "USAGE: atelier check")] {
            let run = try AtelierProcess.run(["manual", "--lang", language])
            XCTAssertEqual(run.status, 0, run.error)
            XCTAssertTrue(run.output.hasPrefix(".TH ATELIER 1 "), run.output)
            XCTAssertTrue(run.output.contains(".SH \(heading)\n"))
            XCTAssertTrue(run.output.contains(".SH \"ATELIER GRADE SHEET\"\n.nf\n"))
            XCTAssertTrue(run.output.contains(usage), run.output)
        }
    }
}

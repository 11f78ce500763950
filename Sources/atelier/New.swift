import ArgumentParser
import AtelierCore
import AtelierMockup
import AtelierReport
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLI.say(.newAbstract),
        discussion: CLI.discussion(.newDiscussion, examples: [
            "atelier new ma-maquette.yaml",
            "atelier new visite.yaml --template \(CLI.templateNames.first { $0 != "blank" } ?? "blank")",
        ], ["templates": CLI.templateNames.joined(separator: ", ")])
    )

    @Argument(help: ArgumentHelp(CLI.say(.newFileHelp)), completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(help: ArgumentHelp(CLI.say(.newTemplateHelp, ["templates": CLI.templateNames.joined(separator: ", ")])), completion: .list(CLI.templateNames))
    var template: String = "blank"

    @OptionGroup var common: CommonOptions

    func run() throws {
        let library = try common.templateLibrary()
        let text = try library.mockupTemplate(named: template)
        let target = URL(fileURLWithPath: file).standardizedFileURL
        let schema = RelativePath.from(folder: target.deletingLastPathComponent(), to: library.schemaFile.standardizedFileURL)
        try OutputFile.write(ModeLine.replacing(in: text, schemaPath: schema), to: file, existing: .refuse)
        Console.print(Words.text(.cliCreated, ["path": file, "name": template])[common.language] + "\n")
    }
}

/// The first line of a mockup that tells editors where the JSON Schema is.
enum ModeLine {
    static let prefix = "# yaml-language-server: $schema="

    static func replacing(in text: String, schemaPath: String) -> String {
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let rest = lines.first?.hasPrefix(prefix) == true ? (lines.count > 1 ? String(lines[1]) : "") : text
        return prefix + schemaPath + "\n" + rest
    }
}

/// A path from one folder to a file, with `..` where needed.
enum RelativePath {
    static func from(folder: URL, to file: URL) -> String {
        let base = folder.resolvingSymlinksInPath().pathComponents
        let target = file.resolvingSymlinksInPath().pathComponents
        let shared = zip(base, target).prefix { $0 == $1 }.count
        let ups = Array(repeating: "..", count: base.count - shared)
        return (ups + target[shared...]).joined(separator: "/")
    }
}

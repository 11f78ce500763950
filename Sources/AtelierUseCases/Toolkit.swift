// AtelierUseCases: the jobs Atelier does — check, render, survey, impact, merge, compare,
// grade sheet, grade, demo — each a request and an outcome, free of command-line arguments,
// printing and exit codes. The `atelier` command maps its options to these requests and their
// outcomes to files, lines and exit statuses; the workshop server calls the same ones.

import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierImpact
import AtelierMockup
import Foundation

/// What every job reads from the template library: the decoder that knows its scales, the
/// checklists, the rubrics and the templates' own sentences.
public struct Toolkit: Sendable {
    public let library: TemplateLibrary
    public let decoder: MockupDecoder

    public init(library: TemplateLibrary) {
        self.library = library
        self.decoder = MockupDecoder(builtinScales: library.scaleNames)
    }

    /// The built-in answer scales, by name.
    public func scales() throws -> [String: Mockup.Scale] {
        try ScaleLibrary.load(folder: library.folder.appendingPathComponent("scales"), decoder: decoder)
    }

    /// The rules in effect: the built-in checklist, and those `requested` by name or path.
    public func checklists(_ requested: [String]) throws -> ChecklistSet {
        try ChecklistSet.load(requested, folder: library.checklistsFolder)
    }

    /// The checker with the rules in effect, knowing what the templates write.
    public func engine(checklists requested: [String]) throws -> ChecklistEngine {
        ChecklistEngine(rules: try checklists(requested).rules, templates: library.templateTexts)
    }

    public var rubricsFolder: URL { library.folder.appendingPathComponent("rubrics") }

    /// The built-in rubrics' names.
    public var rubricNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: rubricsFolder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The rubric `name` names: a file (YAML, or a Canvas CSV export), else a built-in rubric.
    public func rubric(_ name: String) throws -> Rubric {
        let candidates = [URL(fileURLWithPath: name), rubricsFolder.appendingPathComponent("\(name).yaml")]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw UserError(UseCaseMessage.unknownRubric, ["value": name, "names": rubricNames.joined(separator: ", ")])
        }
        if url.pathExtension.lowercased() == "csv" { return try CanvasRubric.read(url.path) }
        return try RubricLoader.load([UInt8](data), file: url.path == name ? name : url.relativePath)
    }

    /// The groups the mockups describe, each checked with the built-in rules.
    public func groups(of mockups: [SourceDocument], language: Language) throws -> [GradedGroup] {
        try Checker(toolkit: self).groups(of: mockups, language: language)
    }

    /// The mockup `document` holds, or an error saying it could not be read as one.
    func mockup(_ document: SourceDocument, unreadable: UseCaseMessage) throws -> Mockup {
        guard let mockup = decoder.decode(document.bytes).mockup else { throw UserError(unreadable, ["file": document.path]) }
        return mockup
    }
}

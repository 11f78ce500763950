import AtelierChecklist
import AtelierCore
import AtelierMockup
import AtelierYAML
import Foundation
import XCTest

/// Paths and helpers shared by the tests.
public enum Fixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let examples = repository.appendingPathComponent("Examples")
    public static let templates = repository.appendingPathComponent("Templates")
    public static let library = TemplateLibrary(folder: templates)
    public static let decoder = MockupDecoder(builtinScales: library.scaleNames)
    public static let essentials = try! ChecklistSet.load([], folder: library.checklistsFolder)
    public static let engine = ChecklistEngine(rules: essentials.rules, templates: library.templateTexts)

    /// Checks a mockup with the built-in checklist, as `atelier check` does.
    public static func check(_ text: String, language: Language = .fr) -> CheckResult {
        check(Array(text.utf8), language: language)
    }

    /// Checks raw bytes, as `atelier check` does with a file (invalid UTF-8 included).
    public static func check(_ bytes: [UInt8], language: Language = .fr) -> CheckResult {
        engine.check(decoder.decode(bytes), source: String(decoding: bytes, as: UTF8.self), language: language)
    }

    /// A new empty folder for one test; the test removes it in its tear-down.
    public static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The files of `folder` whose names end with `suffix`, sorted; a missing or unreadable folder
    /// is an error, never an empty list that would let a loop over it pass without testing anything.
    /// The files of `folder` whose name ends with `suffix`, sorted; a missing folder, or one
    /// without such a file, is an error: a test never passes by looking at nothing.
    public static func files(in folder: URL, ending suffix: String) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let files = names.filter { $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else { throw NoFixture(folder: folder.path, suffix: suffix) }
        return files
    }

    /// A fixture folder without the files a test reads.
    public struct NoFixture: Error, CustomStringConvertible {
        public let folder: String
        public let suffix: String
        public var description: String { "no file ending in \(suffix) in \(folder)" }
    }

    public static func bytes(_ url: URL) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: url.path) ?? Data())
    }

    /// Decodes a mockup written in the test.
    public static func decode(_ text: String) -> DecodedMockup {
        decoder.decode(Array(text.utf8))
    }

    /// The smallest mockup that passes, to which tests add one flaw.
    public static let minimal = """
    format: atelier/1
    title: Essai
    institution: {name: Musée, type: museum}
    dates: {start: 2026-01-01, end: 2026-12-31}
    audiences: [{id: tous, label: Tout public}]
    objectives: [{id: O1, text: Nommer trois œuvres, audiences: [tous]}]
    tools: [{id: quiz, type: quiz, objectives: [O1]}]
    activities: [{id: A1, title: Visite, phase: run, start: 2026-03-01, tools: [quiz], objectives: [O1]}]
    evaluation:
      questions: [{id: Q1, text: Satisfait ?, type: scale, scale: satisfaction-5}]
      indicators: [{id: I1, label: Satisfaits, measure: top-box, question: Q1}]

    """

    /// Rule and position of each finding, as `rule line:column`.
    public static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.position.map(\.description) ?? "-")" }
    }
}

/// A test case with a new empty folder for each test, removed afterwards.
open class ScratchFolderTestCase: XCTestCase {
    public var folder: URL!

    override open func setUpWithError() throws {
        try super.setUpWithError()
        folder = try Fixtures.scratchFolder()
    }

    override open func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
        try super.tearDownWithError()
    }
}

import AtelierCore
import Foundation

/// The folder of built-in templates: mockups, checklists, rubrics, scales, the JSON Schema.
public struct TemplateLibrary: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Whether `folder` holds templates.
    public static func isTemplateFolder(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("mockups").path)
    }

    public var checklistsFolder: URL { folder.appendingPathComponent("checklists") }

    /// The mockup that checklist examples are laid over.
    public var exampleBase: URL { checklistsFolder.appendingPathComponent("example-base.yaml") }

    public var schemaFile: URL { folder.appendingPathComponent("schema/mockup.schema.json") }

    /// The sibling `Examples` folder, when the templates sit in a clone or an installation.
    public var examplesFolder: URL { folder.deletingLastPathComponent().appendingPathComponent("Examples") }

    private func names(in subfolder: String) -> [String] {
        let url = folder.appendingPathComponent(subfolder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    public var mockupTemplateNames: [String] { names(in: "mockups") }

    public var scaleNames: Set<String> { Set(names(in: "scales")) }

    /// The sentences and plans of the mockup templates, for the checker to recognise one left
    /// as it is.
    public var templateTexts: TemplateTexts {
        let decoder = MockupDecoder(builtinScales: scaleNames)
        return TemplateTexts(templates: mockupTemplateNames.compactMap { name in
            (try? mockupTemplate(named: name)).flatMap { decoder.decode(Array($0.utf8)).mockup }
        })
    }

    public func mockupTemplate(named name: String) throws -> String {
        let names = mockupTemplateNames
        guard names.contains(name) else {
            throw UserError(MockupMessage.cliUnknownTemplate, ["name": name, "names": names.joined(separator: ", ")])
        }
        let url = folder.appendingPathComponent("mockups/\(name).yaml")
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw UserError(CoreMessage.unreadable, ["path": url.path, "reason": error.localizedDescription])
        }
    }
}

import AtelierCore
import Foundation

/// A workshop written out: one YAML file per group (its latest mockup, which `atelier check`
/// reads unchanged) and `manifest.json` with the workshop, its groups and every version.
public struct WorkshopArchive: Codable, Sendable, Equatable {
    public static let formatName = "atelier-workshop/1"

    public struct Group: Codable, Sendable, Equatable {
        public let name: String
        public let versions: [MockupVersion]
    }

    public enum Problem: Error, Equatable {
        case noSuchWorkshop
        case codeInUse(String)
        case notAnArchive(String)
    }

    public let format: String
    public let code: String
    public let title: String
    public let language: String
    /// The trainer's password as bcrypt keeps it: never the password itself.
    public let passwordHash: String
    public let groups: [Group]
    public var rubric: String?
    public var dates: WorkshopDates?
    public var checklists: [WorkshopChecklist]?
    public var coTrainers: [CoTrainer]?

    public struct CoTrainer: Codable, Sendable, Equatable {
        public let name: String
        public let passwordHash: String
    }

    /// The file name of each group's mockup: letters and digits of its name, never two alike.
    public var fileNames: [String] {
        var names = FileNames()
        return groups.map { group in
            let stem = FileNames.stem(group.name)
            return names.unique(stem.isEmpty ? "groupe" : stem) + ".yaml"
        }
    }

    /// Writes the group files and the manifest into `folder`; returns the paths written.
    public func write(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (group, name) in zip(groups, fileNames) {
            guard let latest = group.versions.last else { continue }
            let url = folder.appendingPathComponent(name)
            try Data(latest.yaml.utf8).write(to: url, options: .atomic)
            written.append(url.path)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let manifest = folder.appendingPathComponent("manifest.json")
        try encoder.encode(self).write(to: manifest, options: .atomic)
        return written + [manifest.path]
    }

    /// The archive `folder/manifest.json` describes.
    public static func read(from folder: URL) throws -> WorkshopArchive {
        let manifest = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifest.path),
              let archive = try? JSONDecoder().decode(WorkshopArchive.self, from: data), archive.format == formatName else {
            throw Problem.notAnArchive(manifest.path)
        }
        return archive
    }
}

import AtelierChecklist
import AtelierCore
import AtelierUseCases
import Foundation

/// One checker per workshop, with the checklists its trainer chose, loaded once. A checklist
/// the trainer uploaded is kept as a file under the data folder, where `extends` and examples
/// resolve as they do on the command line.
actor CheckerCache {
    private let store: WorkshopStore
    private let toolkit: Toolkit
    private let folder: URL
    private var checkers: [Int64: Checker] = [:]

    init(store: WorkshopStore, toolkit: Toolkit, folder: URL) {
        self.store = store
        self.toolkit = toolkit
        self.folder = folder
    }

    func checker(for workshop: Workshop) throws -> Checker {
        if let checker = checkers[workshop.id] { return checker }
        let checker = try Checker(toolkit: toolkit, checklists: try paths(try store.checklists(of: workshop.id), in: folder.appendingPathComponent(workshop.code)))
        checkers[workshop.id] = checker
        return checker
    }

    /// Refuses, with every problem, checklists that do not load.
    nonisolated func validate(_ checklists: [WorkshopChecklist], language: Language) throws {
        guard !checklists.isEmpty else { return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-checklists-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for checklist in checklists {
            do {
                _ = try ChecklistSet.load(try paths([checklist], in: scratch), folder: toolkit.library.checklistsFolder)
            } catch let error as DefinitionError {
                throw Refusal(.badRequest, .badChecklist, ["name": checklist.name, "problems": error.problems.map { $0.sentence(in: language) }.joined(separator: " ; ")],
                              language: language)
            }
        }
    }

    /// What `ChecklistSet.load` takes: a built-in checklist's name, an uploaded one's file.
    private nonisolated func paths(_ checklists: [WorkshopChecklist], in folder: URL) throws -> [String] {
        try checklists.map { checklist in
            guard let yaml = checklist.yaml else { return checklist.name }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let stem = FileNames.stem(checklist.name)
            let file = folder.appendingPathComponent((stem.isEmpty ? "grille" : stem) + ".yaml")
            try Data(yaml.utf8).write(to: file, options: .atomic)
            return file.path
        }
    }
}

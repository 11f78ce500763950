import AtelierCore
import AtelierReport
import Foundation

/// One output of a job, ready to be written to a file or sent over HTTP: a text, or a workbook
/// that a closure writes at a path and that says how many cell texts it had to cut.
public enum Artefact: Sendable {
    case text(String)
    case workbook(@Sendable (URL) throws -> Int)

    /// Writes the artefact atomically at `path`, never over one of `inputs`; the notice says
    /// when texts had to be cut to fit their cells (each cut text ends with « […] »).
    public func write(to path: String, inputs: [String], existing: OutputFile.Existing = .replace) throws -> Localized? {
        switch self {
        case .text(let text):
            try OutputFile.write(text, to: path, inputs: inputs, existing: existing)
            return nil
        case .workbook(let write):
            var cut = 0
            try OutputFile.produce(path, inputs: inputs, existing: existing) { cut = try write($0) }
            return cut > 0 ? UseCaseMessage.text(.cellsCut, ["path": path, "count": "\(cut)"]) : nil
        }
    }
}

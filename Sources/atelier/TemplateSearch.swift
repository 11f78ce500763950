import AtelierCore
import AtelierMockup
import Foundation

/// Where the command finds its template library, in a documented order so that an installed
/// binary works as well as a clone:
/// 1. the `--templates` option (which must then be right: it is not a hint);
/// 2. the `ATELIER_TEMPLATES` variable;
/// 3. next to the binary: `../share/atelier/Templates`, then `Templates`;
/// 4. the source tree the binary was built from.
enum TemplateSearch {
    /// Finds the folder, or says which places were tried.
    static func locate(option: String?, environment: [String: String], executable: URL,
                       sourceFile: String = #filePath) throws -> TemplateLibrary {
        if let option {
            let folder = URL(fileURLWithPath: option)
            guard TemplateLibrary.isTemplateFolder(folder) else { throw UserError(Words.templatesNotFound, ["places": folder.path]) }
            return TemplateLibrary(folder: folder)
        }
        var candidates: [URL] = []
        if let variable = environment["ATELIER_TEMPLATES"], !variable.isEmpty { candidates.append(URL(fileURLWithPath: variable)) }
        let binaryFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binaryFolder.appendingPathComponent("../share/atelier/Templates").standardized)
        candidates.append(binaryFolder.appendingPathComponent("Templates"))
        candidates.append(URL(fileURLWithPath: sourceFile).appendingPathComponent("../../../Templates").standardized)
        for candidate in candidates where TemplateLibrary.isTemplateFolder(candidate) {
            return TemplateLibrary(folder: candidate)
        }
        throw UserError(Words.templatesNotFound, ["places": candidates.map(\.path).joined(separator: ", ")])
    }
}

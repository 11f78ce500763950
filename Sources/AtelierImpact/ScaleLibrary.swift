import AtelierCore
import AtelierMockup
import Foundation

/// The built-in scales of `Templates/scales/`, read and checked like a mockup's own.
public enum ScaleLibrary {
    public static func load(folder: URL, decoder: MockupDecoder) throws -> [String: Mockup.Scale] {
        var scales: [String: Mockup.Scale] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let (scale, findings) = decoder.decodeScale([UInt8](FileManager.default.contents(atPath: url.path) ?? Data()))
            guard let scale else {
                let first = findings.first { $0.severity == .error }
                let place = first?.position.map { "\(url.path):\($0.line):\($0.column)" } ?? url.path
                throw UserError(ImpactMessage.text(.impactBadScale, localized: ["file": Localized(verbatim: place), "message": first?.message ?? Localized(verbatim: "")]))
            }
            scales[String(name.dropLast(5))] = scale
        }
        return scales
    }
}

import AtelierCore
import AtelierMockup

/// Creative Commons: ND forbids adaptations (an AR overlay, a cut, a remix); NC forbids
/// commercial use, which a commercial partner may make.
struct LicenceCompatible: BuiltinFunction {
    static let name = "licence-compatible"
    static let summary = Localized(fr: "Les licences permettent l'usage prévu (ND et modification, NC et partenaire commercial).",
                                   en: "Licences allow the intended use (ND and modification, NC and a commercial partner).")

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let assets = context.mockup.record.record("rights")?.records("assets") ?? []
        guard !assets.isEmpty else { return .notApplicable }
        let commercial = context.mockup.record.records("partners").first { $0.text("type") == "commercial" }
        var violations: [Outcome.Violation] = []
        for asset in assets {
            guard let license = asset.text("license") else { continue }
            let title = asset.text("title") ?? ""
            if license.contains("nd"), asset.bool("modified") == true {
                violations.append(Outcome.Violation(path: asset.path.appending("license"), arguments: ["label": title, "value": license, "partner": ""]))
            } else if license.contains("nc"), let commercial {
                violations.append(Outcome.Violation(path: asset.path.appending("license"),
                                                    arguments: ["label": title, "value": license, "partner": commercial.text("name") ?? ""]))
            }
        }
        return Outcome(applicable: true, violations: violations)
    }
}

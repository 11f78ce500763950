import AtelierCore
import AtelierMockup
import Foundation

/// An audience whose label gives ages (« Enfants (6-10 ans) », « les 12 à 15 ans », « 60 ans et
/// plus ») that its `age:` contradicts: the rules on minors, platforms and headsets read `age:`,
/// so a template's `age: {min: 12}` left under « 6-10 ans » checks the wrong audience.
struct AgeInLabel: BuiltinFunction {
    static let name = "age-in-label"
    static let summary = Localized(fr: "Les âges écrits dans le libellé d'un public s'accordent avec son « age ».",
                                   en: "The ages written in an audience's label agree with its « age ».")

    /// « 6-10 ans », « 6 à 10 ans », « 6–10 years »; « 60 ans et plus », « 60+ ».
    private static let range = try! NSRegularExpression(pattern: #"(\d{1,3})\s*(?:-|–|à|to)\s*(\d{1,3})\s*(?:ans|years)"#, options: .caseInsensitive)
    private static let over = try! NSRegularExpression(pattern: #"(\d{1,3})\s*(?:ans et plus|ans ou plus|years and over|\+)"#, options: .caseInsensitive)

    /// The ages the label gives, as a minimum and a maximum (nil when open).
    static func ages(in label: String) -> (min: Int, max: Int?)? {
        let whole = NSRange(label.startIndex..., in: label)
        func number(_ match: NSTextCheckingResult, _ group: Int) -> Int? {
            Range(match.range(at: group), in: label).flatMap { Int(label[$0]) }
        }
        if let match = range.firstMatch(in: label, range: whole), let low = number(match, 1), let high = number(match, 2), low <= high {
            return (low, high)
        }
        if let match = over.firstMatch(in: label, range: whole), let low = number(match, 1) { return (low, nil) }
        return nil
    }

    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome {
        let audiences = context.mockup.audiences.filter { $0.record.record("age") != nil && ages(in: $0.label) != nil }
        guard !audiences.isEmpty else { return .notApplicable }
        var violations: [Outcome.Violation] = []
        for audience in audiences {
            guard let written = ages(in: audience.label), let age = audience.record.record("age") else { continue }
            let minimum = age.integer("min"), maximum = age.integer("max")
            let contradicts = minimum.map { $0 != written.min } ?? false || (maximum != nil && written.max != nil && maximum != written.max)
            guard contradicts else { continue }
            let declared = [minimum.map { "min: \($0)" }, maximum.map { "max: \($0)" }].compactMap { $0 }.joined(separator: ", ")
            violations.append(Outcome.Violation(path: age.path, arguments: [
                "id": audience.id, "label": audience.label, "age": "{\(declared)}",
                "written": written.max.map { "\(written.min)–\($0)" } ?? "\(written.min)+",
            ]))
        }
        return Outcome(applicable: true, violations: violations)
    }
}

import AtelierCore
import AtelierMockup

/// What a group presents beyond objectives and schedule, in words: its tools (type, purpose,
/// access), partners, how the public takes part in each activity, accessibility and inclusion,
/// data and rights, sustainability and budget.
/// French values are shown in French words (the schema's descriptions), English ones as
/// plain words; dates are written out. Both formats of the project sheet render these rows.
struct ProjectDetails {
    let language: Language

    struct Section {
        let title: String
        let rows: [(label: String, text: String)]
    }

    private func words(_ value: String, _ choices: [Choice]) -> String {
        language == .fr ? MockupSchema.words(for: value, in: choices) : value.replacingOccurrences(of: "-", with: " ")
    }

    private static let measures: [String: Localized] = [
        "easy-read": Localized(fr: "version FALC", en: "easy-read version"),
        "sign-language": Localized(fr: "langue des signes", en: "sign language"),
        "large-print": Localized(fr: "gros caractères", en: "large print"),
        "tactile": Localized(fr: "supports tactiles", en: "tactile media"),
        "step-free": Localized(fr: "lieux sans marche", en: "step-free places"),
        "hearing-loop": Localized(fr: "boucle magnétique", en: "hearing loop"),
        "translations": Localized(fr: "contenus traduits", en: "translated contents"),
        "pictograms": Localized(fr: "pictogrammes", en: "pictograms"),
    ]

    private func say(_ key: ReportMessage, _ arguments: [String: String] = [:]) -> String { ReportMessage.text(key, arguments)[language] }

    /// A date written out: « 5 janvier 2026 », "5 January 2026".
    func date(_ date: CalendarDate) -> String {
        let months = say(.monthsLong).split(separator: "|")
        return "\(date.day == 1 && language == .fr ? "1er" : "\(date.day)") \(months[date.month - 1]) \(date.year)"
    }

    /// A whole amount with its thousands grouped: « 1 200 EUR », "1,200 EUR".
    private func amount(_ value: Double, currency: String) -> String {
        let digits = String(Int(value.rounded()))
        let grouped = digits.reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0 && pair.offset % 3 == 0 { text.append(language == .fr ? "\u{202F}" : ",") }
            text.append(pair.element)
        }
        return String(grouped.reversed()) + " " + currency
    }

    func needs(_ needs: [String]) -> String {
        needs.map { words($0, MockupSchema.needs) }.joined(separator: ", ")
    }

    func sections(_ mockup: Mockup) -> [Section] {
        let root = mockup.record
        var sections: [Section] = []
        let tools = mockup.tools.map { tool -> (String, String) in
            let access = tool.record.record("access")
            let parts = [words(tool.type.rawValue, ToolType.choices), tool.record.text("purpose"),
                         access?.text("devices").map { say(.projectDevices, ["devices": words($0, MockupSchema.devices)]) },
                         access?.bool("offline") == true ? say(.projectOffline) : nil].compactMap { $0 }
            return (tool.name ?? tool.id, parts.joined(separator: " — "))
        }
        if !tools.isEmpty { sections.append(Section(title: say(.projectTools), rows: tools)) }
        let partners = root.records("partners").compactMap { partner in partner.text("name").map { ($0, partner.text("role") ?? "") } }
        if !partners.isEmpty { sections.append(Section(title: say(.projectPartners), rows: partners)) }
        let participation = mockup.activities.compactMap { activity in
            activity.participation.map { (activity.title, words($0, MockupSchema.participationLevels)) }
        }
        if !participation.isEmpty { sections.append(Section(title: say(.projectParticipation), rows: participation)) }
        if let accessibility = root.record("accessibility") {
            var rows: [(String, String)] = []
            if let path = accessibility.text("non-digital-alternative") { rows.append((say(.projectNonDigital), path)) }
            let measures = ["easy-read", "sign-language", "large-print", "tactile", "step-free", "hearing-loop", "translations", "pictograms"]
                .filter { accessibility.bool($0) == true }
            if !measures.isEmpty { rows.append((say(.projectMeasures), measures.compactMap { Self.measures[$0]?[language] }.joined(separator: ", "))) }
            if let notes = accessibility.text("notes") { rows.append((say(.projectNotes), notes)) }
            if !rows.isEmpty { sections.append(Section(title: say(.projectAccessibility), rows: rows)) }
        }
        if let data = root.record("data") {
            var rows: [(String, String)] = [(say(.projectPersonalData), data.bool("personal") == true ? (data.texts("kinds").joined(separator: ", ").nonEmpty ?? say(.projectYes)) : say(.projectNo))]
            if let basis = data.text("legal-basis") { rows.append((say(.projectLegalBasis), words(basis, MockupSchema.legalBases))) }
            if let months = data.integer("retention-months") { rows.append((say(.projectRetention), say(.projectMonths, ["count": "\(months)"]))) }
            if data.bool("minors") == true { rows.append((say(.projectMinors), data.bool("parental-consent") == true ? say(.projectParentalConsent) : say(.projectYes))) }
            let processors = data.records("processors").compactMap { processor in processor.text("name").map { name in processor.text("country").map { "\(name) (\($0))" } ?? name } }
            if !processors.isEmpty { rows.append((say(.projectProcessors), processors.joined(separator: ", "))) }
            sections.append(Section(title: say(.projectData), rows: rows))
        }
        if let sustainability = root.record("sustainability") {
            let rows = [("after-project", ReportMessage.projectAfter), ("maintenance", .projectMaintenance)].compactMap { key, label in
                sustainability.text(key).map { (say(label), $0) }
            }
            if !rows.isEmpty { sections.append(Section(title: say(.projectSustainability), rows: rows)) }
        }
        if let budget = root.record("budget") {
            let currency = budget.text("currency") ?? "EUR"
            func total(_ key: String) -> Double { budget.records(key).compactMap { $0.number("amount") }.reduce(0, +) }
            let rows = [(say(.projectExpenses), amount(total("lines"), currency: currency)),
                        (say(.projectFunding), amount(total("funding"), currency: currency))]
            sections.append(Section(title: say(.projectBudget), rows: rows))
        }
        return sections
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

import AtelierCore

/// How ready a mockup is, overall and per section: the weighted share of the applicable
/// rules it satisfies. An applicable rule weighs 3 at error, 2 at warning, 1 at info; it is
/// satisfied when it has no finding left standing (a finding silenced with a reason does not
/// count against it). Rules that are off, or do not apply to the mockup (no podcast, no
/// personal data…), are left out. Structural errors (YAML, format) weigh as one more error
/// rule, unsatisfied, in the overall score; a mockup that cannot be read scores 0. A section
/// left without substance (a placeholder or a template's sentence where the project should
/// describe itself) has all its rules unsatisfied, plus one more error rule, so it shows 0 %.
public struct Readiness: Sendable, Equatable {
    public let score: Double
    public let sections: [(section: Section, score: Double)]

    public static func == (lhs: Readiness, rhs: Readiness) -> Bool {
        lhs.score == rhs.score && lhs.sections.map(\.section) == rhs.sections.map(\.section)
            && lhs.sections.map(\.score) == rhs.sections.map(\.score)
    }

    public static let unreadable = Readiness(score: 0, sections: [])

    static func weight(_ severity: Severity) -> Double {
        switch severity {
        case .error: 3
        case .warning: 2
        case .info: 1
        }
    }

    /// One applicable rule's contribution.
    struct Entry {
        let section: Section
        let weight: Double
        let satisfied: Bool
    }

    init(score: Double, sections: [(section: Section, score: Double)]) {
        self.score = score
        self.sections = sections
    }

    init(entries: [Entry], structuralErrors: Bool) {
        func share(_ entries: [Entry], extra: Double = 0) -> Double {
            let total = entries.map(\.weight).reduce(0, +) + extra
            guard total > 0 else { return 1 }
            return entries.filter(\.satisfied).map(\.weight).reduce(0, +) / total
        }
        score = share(entries, extra: structuralErrors ? Readiness.weight(.error) : 0)
        sections = Section.allCases.compactMap { section in
            let inSection = entries.filter { $0.section == section }
            return inSection.isEmpty ? nil : (section, share(inSection))
        }
    }
}

// AtelierGrading: rubrics, grading sheets read back, marks only from complete evidence,
// disagreements, agreement, graders' severity, peer ratings and WebPA; the grading use case.

import AtelierChecklist
import AtelierCore
import AtelierStatistics

/// One group's grade on one criterion.
public struct CriterionGrade: Sendable {
    public let criterion: Rubric.Criterion
    /// Each grader's level (position in the rubric), by grader.
    public let levels: [String: Int]
    /// The level computed from the mockup, for an automatic criterion.
    public let autoLevel: Int?
    public let comments: [(grader: String, text: String)]

    /// The mean of the graders' points (or the automatic level's points); nil when nobody graded.
    public var points: Double? {
        if let autoLevel { return criterion.levels[autoLevel].points }
        guard !levels.isEmpty else { return nil }
        return levels.values.map { criterion.levels[$0].points }.reduce(0, +) / Double(levels.count)
    }

    /// The mean level, counted from 1.
    public var meanLevel: Double? {
        if let autoLevel { return Double(autoLevel + 1) }
        guard !levels.isEmpty else { return nil }
        return levels.values.map { Double($0 + 1) }.reduce(0, +) / Double(levels.count)
    }

    /// Two graders two or more levels apart.
    public var disagreement: Bool {
        guard let low = levels.values.min(), let high = levels.values.max() else { return false }
        return high - low >= 2
    }
}

/// Whether a group has a mark, and why not.
public enum GradeStatus: Sendable, Equatable {
    /// Every counted criterion has its level(s): the mark stands.
    case marked
    /// No grader gave any level to the group.
    case notGraded
    /// These counted criteria lack a level (or the graders the rubric requires): no mark.
    case incomplete(missing: [String])
}

/// One group's mark.
public struct GroupGrade: Sendable {
    public let group: String
    public let criteria: [CriterionGrade]
    /// Out of the rubric's `out-of`, rounded and kept on the scale; nil unless every counted
    /// criterion has its level (see `status`).
    public let mark: Double?
    public let status: GradeStatus
    /// Each grader's own total, out of `out-of` (unrounded), on the criteria graders grade.
    public let graderTotals: [(grader: String, total: Double)]
    /// The graders who gave a level on every counted graded criterion: only their totals are
    /// compared (severity, agreement).
    public let completeGraders: Set<String>
    /// The automatic criteria's share of the mark, out of `out-of` (nil without them).
    public let automaticPoints: Double?
    /// The graders' totals further apart than the configured share of the scale.
    public let disagreement: Bool
}

/// How far graders agree, with what each figure means.
public struct AgreementReport: Sendable {
    public struct CriterionAgreement: Sendable {
        public let id: String
        public let krippendorffOrdinal: Double?
        public let kappaLinear: Double?
        public let kappaQuadratic: Double?
    }

    public let criteria: [CriterionAgreement]
    public let icc: IntraclassCorrelation?
    public let graders: Int
    public let groups: Int
    /// Groups left out of the ICC because a grader did not grade them fully.
    public let leftOut: Int
}

/// Combines graders' scores and the mockups' readiness into marks, as the grading reference
/// says: per criterion the mean of the graders' points (missing stays missing), weighted, on
/// the rubric's scale, rounded.
public struct Grading: Sendable {
    public let rubric: Rubric
    /// Totals further apart than this share of the scale flag a group.
    public let disagreementShare: Double

    public init(rubric: Rubric, disagreementShare: Double = 0.15) {
        self.rubric = rubric
        self.disagreementShare = disagreementShare
    }

    /// The level an automatic criterion gets from a readiness.
    static func autoLevel(_ criterion: Rubric.Criterion, readiness: Readiness?) -> Int? {
        guard case .readiness(let section, let thresholds) = criterion.source, let readiness else { return nil }
        let score = section.map { wanted in readiness.sections.first { $0.section == wanted }?.score } ?? readiness.score
        guard let score else { return nil }
        return thresholds.filter { score >= $0 - 1e-12 }.count
    }

    /// The marks of `groups` (in that order) from `scores` and each group's readiness.
    /// A group gets a mark only when every counted criterion has its level: a graded one from at
    /// least `requiredGraders` graders, an automatic one from the group's readiness. Scores
    /// are expected reconciled (`ScoreSet.reconcile`): one level per group, grader and criterion.
    public func grade(groups: [String], scores: [Score], readiness: [String: Readiness]) -> [GroupGrade] {
        groups.map { group in
            let mine = scores.filter { $0.group == group }
            let criteria = rubric.criteria.map { criterion in
                let graded = mine.filter { $0.criterion == criterion.id }
                return CriterionGrade(criterion: criterion,
                                      levels: Dictionary(graded.map { ($0.grader, $0.level) }, uniquingKeysWith: { first, _ in first }),
                                      autoLevel: Self.autoLevel(criterion, readiness: readiness[group]),
                                      comments: graded.compactMap { score in score.comment.map { (score.grader, $0) } })
            }
            let status = status(of: criteria)
            let mark = status == .marked ? total(criteria.map { ($0.criterion, $0.points) }).map(rubric.rounded) : nil
            let graders = Array(Set(mine.map(\.grader))).sorted()
            let countedGraded = criteria.filter { $0.criterion.source == .graders && !$0.criterion.feedbackOnly }
            let complete = Set(graders.filter { grader in countedGraded.allSatisfy { $0.levels[grader] != nil } })
            let automatic = criteria.filter { $0.criterion.source != .graders && !$0.criterion.feedbackOnly }
            let totals = graders.compactMap { grader -> (String, Double)? in
                let points = criteria.filter { $0.criterion.source == .graders }.map { grade in
                    (grade.criterion, grade.levels[grader].map { grade.criterion.levels[$0].points })
                }
                return total(points).map { (grader, $0) }
            }
            let spread = (totals.map(\.1).max() ?? 0) - (totals.map(\.1).min() ?? 0)
            return GroupGrade(group: group, criteria: criteria, mark: mark, status: status, graderTotals: totals, completeGraders: complete,
                              automaticPoints: automatic.isEmpty ? nil : share(automatic.map { ($0.criterion, $0.points) }),
                              disagreement: spread > disagreementShare * rubric.outOf + 1e-9)
        }
    }

    private func status(of criteria: [CriterionGrade]) -> GradeStatus {
        guard criteria.contains(where: { !$0.levels.isEmpty }) else { return .notGraded }
        let missing = criteria.filter { grade in
            guard !grade.criterion.feedbackOnly, grade.criterion.maximum > 0 else { return false }
            return grade.criterion.source == .graders ? grade.levels.count < rubric.requiredGraders : grade.autoLevel == nil
        }
        return missing.isEmpty ? .marked : .incomplete(missing: missing.map(\.criterion.id))
    }

    /// What `points` earn out of `out-of` over all counted criteria (those without points earn 0).
    private func share(_ points: [(Rubric.Criterion, Double?)]) -> Double? {
        let possible = rubric.scored.map { $0.weight * $0.maximum }.reduce(0, +)
        guard possible > 0 else { return nil }
        return points.map { $0.0.weight * ($0.1 ?? 0) }.reduce(0, +) / possible * rubric.outOf
    }

    /// Σ weight·points / Σ weight·maximum × out-of, over the counted criteria that have points.
    func total(_ points: [(Rubric.Criterion, Double?)]) -> Double? {
        let counted = points.filter { !$0.0.feedbackOnly && $0.1 != nil && $0.0.maximum > 0 }
        guard !counted.isEmpty else { return nil }
        let earned = counted.map { $0.0.weight * $0.1! }.reduce(0, +)
        let possible = counted.map { $0.0.weight * $0.0.maximum }.reduce(0, +)
        return earned / possible * rubric.outOf
    }

    /// Agreement between graders, when two or more graded the same groups.
    public func agreement(_ grades: [GroupGrade]) -> AgreementReport? {
        let graders = Array(Set(grades.flatMap { $0.criteria.flatMap { $0.levels.keys } })).sorted()
        guard graders.count >= 2 else { return nil }
        let criteria = rubric.criteria.filter { $0.source == .graders }.map { criterion in
            let per = grades.compactMap { grade in grade.criteria.first { $0.criterion.id == criterion.id } }
            let units = per.map { $0.levels.values.map(Double.init) }
            let order = criterion.levels.indices.map(Double.init)
            var kappas: (Double?, Double?) = (nil, nil)
            if graders.count == 2 {
                var table = Array(repeating: Array(repeating: 0.0, count: criterion.levels.count), count: criterion.levels.count)
                for grade in per {
                    if let a = grade.levels[graders[0]], let b = grade.levels[graders[1]] { table[a][b] += 1 }
                }
                kappas = (CohenKappa.kappa(table: table, weights: .linear), CohenKappa.kappa(table: table, weights: .quadratic))
            }
            return AgreementReport.CriterionAgreement(id: criterion.id,
                                                      krippendorffOrdinal: KrippendorffAlpha.alpha(units: units, metric: .ordinal, order: order),
                                                      kappaLinear: kappas.0, kappaQuadratic: kappas.1)
        }
        let gradedCriteria = Set(rubric.criteria.filter { $0.source == .graders && !$0.feedbackOnly }.map(\.id))
        let complete = grades.filter { grade in
            grade.criteria.filter { gradedCriteria.contains($0.criterion.id) }.allSatisfy { $0.levels.count == graders.count }
        }
        let table = complete.map { grade in graders.map { grader in grade.graderTotals.first { $0.grader == grader }?.total ?? 0 } }
        return AgreementReport(criteria: criteria, icc: IntraclassCorrelation(ratings: table), graders: graders.count,
                               groups: complete.count, leftOut: grades.count - complete.count)
    }
}

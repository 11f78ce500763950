import AtelierStatistics

/// How much more severely (negative) or generously (positive) one grader marks than the
/// others on the same groups: for each group the grader graded fully beside at least one other
/// grader, the grader's total minus the mean of the others' totals (out of `out-of`); their mean
/// with a 95 % Student interval.
public struct GraderSeverity: Sendable {
    public let grader: String
    /// The groups compared.
    public let groups: Int
    public let meanDifference: Double
    /// The 95 % interval of the mean difference; nil with a single group.
    public let interval: ClosedRange<Double>?

    /// A systematic gap: the interval leaves out 0.
    public var isSystematic: Bool {
        guard let interval else { return false }
        return !interval.contains(0)
    }

    /// One severity per grader who shares at least one fully graded group with another grader.
    public static func of(_ grades: [GroupGrade]) -> [GraderSeverity] {
        let graders = Set(grades.flatMap(\.completeGraders)).sorted()
        return graders.compactMap { grader in
            let differences = grades.compactMap { grade -> Double? in
                let totals = Dictionary(grade.graderTotals.filter { grade.completeGraders.contains($0.grader) }.map { ($0.grader, $0.total) },
                                        uniquingKeysWith: { first, _ in first })
                guard let own = totals[grader] else { return nil }
                let others = totals.filter { $0.key != grader }.map(\.value)
                guard !others.isEmpty else { return nil }
                return own - others.reduce(0, +) / Double(others.count)
            }
            guard !differences.isEmpty else { return nil }
            let count = Double(differences.count)
            let mean = differences.reduce(0, +) / count
            var interval: ClosedRange<Double>?
            if differences.count >= 2 {
                let variance = differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (count - 1)
                let half = StudentT(degreesOfFreedom: count - 1).quantile(0.975) * (variance / count).squareRoot()
                interval = (mean - half)...(mean + half)
            }
            return GraderSeverity(grader: grader, groups: differences.count, meanDifference: mean, interval: interval)
        }
    }
}

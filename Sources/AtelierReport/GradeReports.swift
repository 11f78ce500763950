import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierStatistics

/// The grades as the overview's JSON contract describes them (`grade --json`).
public enum GradeJSON {
    public static func document(_ grades: [GroupGrade], agreement: AgreementReport?, peers: [PeerAssessment] = [], rubric: Rubric) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        var members: [(String, JSONValue)] = [
            ("groups", .array(grades.map { grade in
                .object([
                    ("group", .string(grade.group)), ("grade", number(grade.mark)), ("out_of", .number(rubric.outOf)),
                    ("criteria", .array(grade.criteria.map { criterion in
                        .object([
                            ("id", .string(criterion.criterion.id)), ("mean_level", number(criterion.meanLevel)),
                            ("points", number(criterion.points)), ("graders", .integer(criterion.levels.count)),
                            ("disagreement", .bool(criterion.disagreement)),
                        ])
                    })),
                    ("graders", .object(grade.graderTotals.map { ($0.grader, .number($0.total)) })),
                    ("disagreement", .bool(grade.disagreement)),
                ] + peer(peers.first { $0.group == grade.group }))
            })),
        ]
        if let agreement {
            var totals: [(String, JSONValue)] = []
            if let icc = agreement.icc {
                let forms = [("icc_1", icc.icc1), ("icc_a1", icc.iccA1), ("icc_c1", icc.iccC1), ("icc_1k", icc.icc1k), ("icc_ak", icc.iccAk), ("icc_ck", icc.iccCk)]
                totals += forms.map { ($0.0, $0.1.map(JSONValue.number) ?? .null) }
            }
            totals += [("graders", .integer(agreement.graders)), ("groups", .integer(agreement.groups)), ("left_out", .integer(agreement.leftOut))]
            members.append(("agreement", .object([
                ("criteria", .array(agreement.criteria.map { criterion in
                    var fields: [(String, JSONValue)] = [("id", .string(criterion.id)), ("krippendorff_ordinal", number(criterion.krippendorffOrdinal))]
                    if criterion.kappaLinear != nil || criterion.kappaQuadratic != nil {
                        fields += [("kappa_linear", number(criterion.kappaLinear)), ("kappa_quadratic", number(criterion.kappaQuadratic))]
                    }
                    return .object(fields)
                })),
                ("totals", .object(totals)),
            ])))
        }
        return .object(members)
    }

    private static func peer(_ assessment: PeerAssessment?) -> [(String, JSONValue)] {
        guard let assessment else { return [] }
        return [("peer", .object([
            ("submitted", .integer(assessment.submitted)),
            ("members", .array(assessment.members.map { member in
                .object([("name", .string(member.name)), ("webpa_score", member.score.map { .number($0) } ?? .null),
                         ("mark", member.mark.map { .number($0) } ?? .null)])
            })),
        ]))]
    }
}

/// The reading guides of the grading reference.
public enum ReadingGuide {
    /// Koo & Li 2016.
    public static func icc(_ value: Double?) -> Localized {
        guard let value else { return Catalogue.text(.guideUndefined) }
        return Catalogue.text(value < 0.5 ? .guidePoor : value < 0.75 ? .guideModerate : value < 0.9 ? .guideGood : .guideExcellent)
    }

    /// Krippendorff: ≥ 0.800 reliable, 0.667–0.800 tentative.
    public static func krippendorff(_ value: Double) -> Localized {
        Catalogue.text(value >= 0.8 ? .guideReliable : value >= 0.667 ? .guideTentative : .guideUnreliable)
    }

    /// Landis & Koch 1977.
    public static func kappa(_ value: Double) -> Localized {
        Catalogue.text(value <= 0.2 ? .guideSlight : value <= 0.4 ? .guideFair : value <= 0.6 ? .guideModerate : value <= 0.8 ? .guideSubstantial : .guideAlmostPerfect)
    }
}

/// One feedback file per group: the mark, strengths and points to work on from the levels'
/// descriptors, the graders' comments, and the checklist findings of the group's mockup.
public struct Feedback: Sendable {
    public let rubric: Rubric
    public let language: Language

    public init(rubric: Rubric, language: Language) {
        self.rubric = rubric
        self.language = language
    }

    public func markdown(_ grade: GroupGrade, findings: [Finding], peer: PeerAssessment? = nil) -> String {
        let escape = MarkdownReporter.escape
        let mark = grade.mark.map { "\(language.number($0)) / \(language.number(rubric.outOf))" } ?? "—"
        var output = "# \(escape(grade.group)) — \(mark)\n\n"
        let graded = grade.criteria.filter { $0.points != nil && !$0.criterion.levels.isEmpty }
        func level(_ criterion: CriterionGrade) -> Int { Int((criterion.meanLevel ?? 1).rounded()) - 1 }
        let strengths = graded.filter { level($0) >= $0.criterion.levels.count - 1 }
        let work = graded.filter { level($0) <= max(0, $0.criterion.levels.count - 3) }
        for (title, list) in [(MessageKey.feedbackStrengths, strengths), (.feedbackToWork, work)] where !list.isEmpty {
            output += "## \(Catalogue.text(title)[language])\n\n"
            for criterion in list {
                let chosen = criterion.criterion.levels[min(max(0, level(criterion)), criterion.criterion.levels.count - 1)]
                output += "- **\(escape(criterion.criterion.label[language]))**\(language.colon)\(escape(chosen.label[language]))"
                output += chosen.descriptor.map { " — \(escape($0[language]))" } ?? ""
                output += "\n"
            }
            output += "\n"
        }
        output += "## \(Catalogue.text(.feedbackCriteria)[language])\n\n| \(Catalogue.text(.feedbackColumns)[language]) |\n|---|---|---|\n"
        for criterion in grade.criteria {
            let levelText = criterion.meanLevel.map { language.number($0, decimals: 1) } ?? "—"
            let points = criterion.points.map { language.number($0) } ?? "—"
            output += "| \(escape(criterion.criterion.label[language])) | \(levelText) | \(points) |\n"
        }
        let comments = grade.criteria.flatMap { criterion in criterion.comments.map { (criterion.criterion.label[language], $0) } }
        if !comments.isEmpty {
            output += "\n## \(Catalogue.text(.feedbackComments)[language])\n\n"
            for (label, comment) in comments {
                output += "- \(escape(label)) — \(escape(comment.grader))\(language.colon)\(escape(comment.text))\n"
            }
        }
        if let peer, !peer.members.isEmpty {
            output += "\n## \(Catalogue.text(.feedbackPeers)[language])\n\n| \(Catalogue.text(.feedbackPeerColumns)[language]) |\n|---|---|---|\n"
            for member in peer.members {
                output += "| \(escape(member.name)) | \(member.score.map { language.number($0, decimals: 2) } ?? "—") | \(member.mark.map { language.number($0) } ?? "—") |\n"
            }
        }
        let standing = findings.filter { !$0.isSuppressed && $0.severity >= .warning }
        if !standing.isEmpty {
            output += "\n## \(Catalogue.text(.feedbackFindings)[language])\n\n"
            for finding in standing {
                let place = finding.position.map { " (\(Catalogue.text(.reportColumnPlace)[language].lowercased()) \($0.line))" } ?? ""
                output += "- \(finding.severity.word(in: language))\(place)\(language.colon)\(escape(finding.message[language]))\n"
            }
        }
        return output
    }
}

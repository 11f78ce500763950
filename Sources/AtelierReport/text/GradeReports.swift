import AtelierChecklist
import AtelierCore
import AtelierGrading
import AtelierStatistics

/// The grades as the overview's JSON contract describes them (`grade --json`).
public enum GradeJSON {
    public static func document(_ grades: [GroupGrade], agreement: AgreementReport?, severity: [GraderSeverity] = [], peers: [PeerAssessment] = [],
                                rubric: Rubric) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        var members: [(String, JSONValue)] = [
            ("groups", .array(grades.map { grade in
                .object([
                    ("group", .string(grade.group)), ("grade", number(grade.mark)), ("out_of", .number(rubric.outOf))] + status(grade) + [
                    ("automatic_points", number(grade.automaticPoints)),
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
        if !severity.isEmpty {
            members.append(("severity", .array(severity.map { entry in
                .object([("grader", .string(entry.grader)), ("groups", .integer(entry.groups)), ("mean_difference", .number(entry.meanDifference)),
                         ("ci", entry.interval.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
                         ("systematic", .bool(entry.isSystematic))])
            })))
        }
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

    private static func status(_ grade: GroupGrade) -> [(String, JSONValue)] {
        switch grade.status {
        case .marked: [("status", .string("marked"))]
        case .notGraded: [("status", .string("not-graded"))]
        case .incomplete(let missing): [("status", .string("incomplete")), ("missing", .array(missing.map(JSONValue.string)))]
        }
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
        guard let value else { return ReportMessage.text(.guideUndefined) }
        return ReportMessage.text(value < 0.5 ? .guidePoor : value < 0.75 ? .guideModerate : value < 0.9 ? .guideGood : .guideExcellent)
    }

    /// Krippendorff: ≥ 0.800 reliable, 0.667–0.800 tentative.
    public static func krippendorff(_ value: Double) -> Localized {
        ReportMessage.text(value >= 0.8 ? .guideReliable : value >= 0.667 ? .guideTentative : .guideUnreliable)
    }

    /// A grader's severity in a sentence: the mean gap to the other graders, its interval, and
    /// what to do about it.
    public static func severity(_ entry: GraderSeverity) -> Localized {
        func signed(_ value: Double) -> Localized {
            let sign = value < -0.005 ? "−" : "+"
            return Localized(fr: sign + Language.fr.number(abs(value), decimals: 1), en: sign + Language.en.number(abs(value), decimals: 1))
        }
        let reading: ReportMessage = entry.interval == nil ? .severityOneGroup
            : !entry.isSystematic ? .severityNone : entry.meanDifference < 0 ? .severityStricter : .severityMoreGenerous
        let interval = entry.interval.map { ReportMessage.text(.severityInterval, localized: ["low": signed($0.lowerBound), "high": signed($0.upperBound)]) }
        return ReportMessage.text(.severityLine, localized: [
            "grader": Localized(verbatim: entry.grader), "difference": signed(entry.meanDifference), "groups": Localized(verbatim: "\(entry.groups)"),
            "interval": interval ?? Localized(verbatim: ""), "reading": ReportMessage.text(reading),
        ])
    }

    /// Landis & Koch 1977.
    public static func kappa(_ value: Double) -> Localized {
        ReportMessage.text(value <= 0.2 ? .guideSlight : value <= 0.4 ? .guideFair : value <= 0.6 ? .guideModerate : value <= 0.8 ? .guideSubstantial : .guideAlmostPerfect)
    }
}

/// One feedback file per group, and one per member when peers rated each other: the mark (or
/// why there is none), strengths and points to work on from the levels' descriptors, the
/// graders' comments, and the checklist findings of the group's mockup. A member's file adds
/// their own WebPA score and individual mark; the group's file shows no member's score unless
/// asked to (`sharePeerScores`).
public struct Feedback: Sendable {
    public let rubric: Rubric
    public let language: Language

    public init(rubric: Rubric, language: Language) {
        self.rubric = rubric
        self.language = language
    }

    /// The mark as a sentence: « 13,5 / 20 », or « non noté (incomplet : …) ».
    public func markText(_ grade: GroupGrade) -> String {
        switch grade.status {
        case .marked: grade.mark.map { "\(language.number($0)) / \(language.number(rubric.outOf))" } ?? "—"
        case .notGraded: ReportMessage.text(.gradeStatusNotGraded)[language]
        case .incomplete(let missing): ReportMessage.text(.gradeStatusIncomplete, ["criteria": labels(missing)])[language]
        }
    }

    /// The criteria `ids` by their labels.
    public func labels(_ ids: [String]) -> String {
        ids.map { id in rubric.criteria.first { $0.id == id }?.label[language] ?? id }.joined(separator: ", ")
    }

    public func markdown(_ grade: GroupGrade, findings: [Finding], peer: PeerAssessment? = nil, sharePeerScores: Bool = false) -> String {
        let escape = MarkdownReporter.prose
        var output = "# \(escape(grade.group)) — \(escape(markText(grade)))\n\n" + body(grade)
        if let peer, !peer.members.isEmpty {
            output += "\n## \(ReportMessage.text(.feedbackPeers)[language])\n\n"
            output += ReportMessage.text(.feedbackPeersAnswered, ["submitted": "\(peer.submitted)", "members": "\(peer.members.count)"])[language] + "\n"
            if sharePeerScores {
                output += "\n| \(ReportMessage.text(.feedbackPeerColumns)[language]) |\n|---|---|---|\n"
                for member in peer.members {
                    output += "| \(MarkdownReporter.escape(member.name)) | \(member.score.map { language.number($0, decimals: 2) } ?? "—") | \(member.mark.map { language.number($0) } ?? "—") |\n"
                }
            }
        }
        return output + findingsSection(findings)
    }

    /// The file one member receives: their own WebPA score and individual mark, then the group's feedback.
    public func memberMarkdown(_ grade: GroupGrade, member: PeerAssessment.Member, peer: PeerAssessment, findings: [Finding]) -> String {
        let escape = MarkdownReporter.prose
        var output = "# \(escape(member.name)) — \(escape(grade.group))\n\n"
        output += "- " + ReportMessage.text(.feedbackGroupMark, ["mark": markText(grade)])[language] + "\n"
        let score = member.score.map { language.number($0, decimals: 2) } ?? ReportMessage.text(.feedbackNoPeerScore)[language]
        output += "- " + ReportMessage.text(.feedbackOwnScore, ["score": score, "submitted": "\(peer.submitted)", "members": "\(peer.members.count)"])[language] + "\n"
        output += "- " + ReportMessage.text(.feedbackOwnMark, ["mark": member.mark.map { "\(language.number($0)) / \(language.number(rubric.outOf))" } ?? markText(grade)])[language] + "\n\n"
        return output + body(grade) + findingsSection(findings)
    }

    private func body(_ grade: GroupGrade) -> String {
        let escape = MarkdownReporter.prose
        var output = ""
        let graded = grade.criteria.filter { $0.points != nil && !$0.criterion.levels.isEmpty }
        func level(_ criterion: CriterionGrade) -> Int { Int((criterion.meanLevel ?? 1).rounded()) - 1 }
        let strengths = graded.filter { level($0) >= $0.criterion.levels.count - 1 }
        let work = graded.filter { level($0) <= max(0, $0.criterion.levels.count - 3) }
        for (title, list) in [(ReportMessage.feedbackStrengths, strengths), (.feedbackToWork, work)] where !list.isEmpty {
            output += "## \(ReportMessage.text(title)[language])\n\n"
            for criterion in list {
                let chosen = criterion.criterion.levels[min(max(0, level(criterion)), criterion.criterion.levels.count - 1)]
                output += "- **\(escape(criterion.criterion.label[language]))**\(language.colon)\(escape(chosen.label[language]))"
                output += chosen.descriptor.map { " — \(escape($0[language]))" } ?? ""
                output += "\n"
            }
            output += "\n"
        }
        output += "## \(ReportMessage.text(.feedbackCriteria)[language])\n\n| \(ReportMessage.text(.feedbackColumns)[language]) |\n|---|---|---|\n"
        for criterion in grade.criteria {
            let levelText = criterion.meanLevel.map { language.number($0, decimals: 1) } ?? "—"
            let points = criterion.points.map { language.number($0) } ?? "—"
            output += "| \(MarkdownReporter.escape(criterion.criterion.label[language])) | \(levelText) | \(points) |\n"
        }
        let comments = grade.criteria.flatMap { criterion in criterion.comments.map { (criterion.criterion.label[language], $0) } }
        if !comments.isEmpty {
            output += "\n## \(ReportMessage.text(.feedbackComments)[language])\n\n"
            for (label, comment) in comments {
                output += "- \(escape(label)) — \(escape(comment.grader))\(language.colon)\(escape(comment.text))\n"
            }
        }
        return output
    }

    private func findingsSection(_ findings: [Finding]) -> String {
        let standing = findings.filter { !$0.isSuppressed && $0.severity >= .warning }
        guard !standing.isEmpty else { return "" }
        var output = "\n## \(ReportMessage.text(.feedbackFindings)[language])\n\n"
        for finding in standing {
            let place = finding.position.map { " (\(ReportMessage.text(.reportColumnPlace)[language].lowercased()) \($0.line))" } ?? ""
            output += "- \(finding.severity.word(in: language))\(place)\(language.colon)\(MarkdownReporter.prose(finding.message[language]))\n"
        }
        return output
    }
}

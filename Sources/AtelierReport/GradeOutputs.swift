import AtelierCore
import AtelierGrading
import Foundation

/// The feedback folder of a grading: one file per group, and one per member when peers rated
/// each other; file names made from the names, never two alike.
public struct FeedbackFolder: Sendable {
    public let path: String
    /// The files read, never written over.
    public let inputs: [String]

    public init(path: String, inputs: [String]) {
        self.path = path
        self.inputs = inputs
    }

    public func write(_ outcome: GradeOutcome, writer: Feedback, sharePeerScores: Bool) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw UserError(ReportMessage.cliCannotWrite, ["path": path, "reason": error.localizedDescription])
        }
        for file in Self.files(outcome, writer: writer, sharePeerScores: sharePeerScores) {
            try OutputFile.write(file.markdown, to: (path as NSString).appendingPathComponent(file.name), inputs: inputs)
        }
    }

    /// The feedback files and their names: one per group, and one per member when peers rated
    /// each other (`<group>--<member>.md`); two groups whose names differ only by case or
    /// punctuation get two files, never one.
    public static func files(_ outcome: GradeOutcome, writer: Feedback, sharePeerScores: Bool) -> [(name: String, markdown: String)] {
        var names = FileNames()
        var files: [(name: String, markdown: String)] = []
        for grade in outcome.grades {
            let findings = outcome.groups.first { $0.name == grade.group }?.check?.findings ?? []
            let peer = outcome.peers.first { $0.group == grade.group }
            let stem = names.unique(FileNames.stem(grade.group))
            files.append((stem + ".md", writer.markdown(grade, findings: findings, peer: peer, sharePeerScores: sharePeerScores)))
            for member in peer?.members ?? [] {
                files.append((names.unique("\(stem)--\(FileNames.stem(member.name))") + ".md", writer.memberMarkdown(grade, member: member, peer: peer!, findings: findings)))
            }
        }
        return files
    }
}

/// What `grade` prints: each group's mark (or why it has none) with its disagreements, the
/// peers' marks, the agreement between graders and each grader's severity.
public struct GradeSummary: Sendable {
    public let rubric: Rubric
    public let language: Language

    public init(rubric: Rubric, language: Language) {
        self.rubric = rubric
        self.language = language
    }

    public func text(_ outcome: GradeOutcome) -> String {
        let feedback = Feedback(rubric: rubric, language: language)
        var output = ""
        for grade in outcome.grades {
            let disagreeing = grade.criteria.filter(\.disagreement).map(\.criterion.id)
            let flag = disagreeing.isEmpty ? "" : ReportMessage.text(.gradeDisagreementFlag, ["criteria": disagreeing.joined(separator: ", ")])[language]
            output += ReportMessage.text(.gradeSummary, ["group": TerminalText.safe(grade.group), "mark": feedback.markText(grade), "flag": flag])[language] + "\n"
            if let peer = outcome.peers.first(where: { $0.group == grade.group }) {
                let marks = peer.members.map { "\(TerminalText.safe($0.name)) \($0.mark.map { language.number($0) } ?? "—")" }.joined(separator: ", ")
                output += ReportMessage.text(.peerSummary, ["submitted": "\(peer.submitted)", "members": "\(peer.members.count)", "marks": marks])[language] + "\n"
            }
        }
        if let agreement = outcome.agreement, let icc = agreement.icc {
            output += "\n" + ReportMessage.text(.gradeAgreementLine, [
                "graders": "\(agreement.graders)", "groups": "\(agreement.groups)", "leftOut": "\(agreement.leftOut)",
                "iccAbsolute": icc.iccA1.map { language.number($0) } ?? "—", "iccGuide": ReadingGuide.icc(icc.iccA1)[language],
                "iccConsistency": icc.iccC1.map { language.number($0) } ?? "—", "iccAverage": icc.iccAk.map { language.number($0) } ?? "—",
            ])[language] + "\n"
        }
        for criterion in outcome.agreement?.criteria ?? [] {
            guard let alpha = criterion.krippendorffOrdinal else { continue }
            output += ReportMessage.text(.gradeCriterionAgreement, ["id": criterion.id, "alpha": language.number(alpha),
                                                                 "guide": ReadingGuide.krippendorff(alpha)[language]])[language] + "\n"
        }
        if !outcome.severity.isEmpty {
            output += "\n" + ReportMessage.text(.gradeSeverityHeading)[language] + "\n"
            for entry in outcome.severity {
                output += "  " + TerminalText.safe(ReadingGuide.severity(entry)[language]) + "\n"
            }
        }
        return output
    }
}

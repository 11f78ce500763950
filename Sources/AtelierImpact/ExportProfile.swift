import AtelierCore

/// The survey tool that wrote an export, recognised from its headers, with the columns that
/// carry the tool's conventions: LimeSurvey's date of submission (empty: an incomplete
/// response), KoboToolbox's submission id (a resubmission keeps it) and validation status (a
/// submission « Not Approved » is left out), SurveyMonkey's second header row. The user writes
/// the plan once; every tool's export of the same survey reads the same.
public struct ExportProfile: Sendable, Equatable {
    public enum Tool: String, Sendable, Codable, CaseIterable {
        case googleForms, microsoftForms, limeSurvey, koboToolbox, surveyMonkey, other
    }

    public let tool: Tool
    /// The header that gave the tool away, as written.
    public let evidence: String?
    /// LimeSurvey's « submitdate » / « Date submitted » / « Date de soumission ».
    public let submitColumn: Int?
    /// KoboToolbox's `_uuid` (else `meta/instanceID`, `meta/rootUuid`).
    public let uuidColumn: Int?
    /// KoboToolbox's `_validation_status`.
    public let validationColumn: Int?

    static let submitHeaders = ["submitdate", "date submitted", "date de soumission"]
    static let limeSurveyCompanions = ["lastpage", "last page", "derniere page", "startlanguage", "start language", "langue de depart",
                                       "id de la reponse", "response id"]
    static let koboUUIDs = ["_uuid", "meta/instanceid", "meta/rootuuid"]
    static let surveyMonkeyIDs = ["respondent id", "respondentid"]
    static let microsoftForms = ["completion time", "heure de fin", "heure de fin de l'operation"]
    static let googleTimestamps = ["timestamp", "horodateur", "marque temporelle", "horodatage"]

    /// The profile of an export whose first row is `header`.
    public static func recognise(_ header: [String]) -> ExportProfile {
        let normalized = header.map(ColumnMatcher.normalizedHeader)
        func column(_ names: [String]) -> Int? { normalized.firstIndex { names.contains($0) } }
        if let submit = column(submitHeaders), column(limeSurveyCompanions) != nil || normalized.first == "id" {
            return ExportProfile(tool: .limeSurvey, evidence: header[submit], submitColumn: submit, uuidColumn: nil, validationColumn: nil)
        }
        let uuid = column(koboUUIDs), validation = column(["_validation_status"]), submission = column(["_submission_time", "_id"])
        if let found = uuid ?? validation ?? submission {
            return ExportProfile(tool: .koboToolbox, evidence: header[found], submitColumn: nil, uuidColumn: uuid, validationColumn: validation)
        }
        if let found = column(surveyMonkeyIDs) {
            return ExportProfile(tool: .surveyMonkey, evidence: header[found], submitColumn: nil, uuidColumn: nil, validationColumn: nil)
        }
        if let found = column(microsoftForms), normalized.first == "id" {
            return ExportProfile(tool: .microsoftForms, evidence: header[found], submitColumn: nil, uuidColumn: nil, validationColumn: nil)
        }
        if let first = normalized.first, googleTimestamps.contains(first) {
            return ExportProfile(tool: .googleForms, evidence: header[0], submitColumn: nil, uuidColumn: nil, validationColumn: nil)
        }
        return ExportProfile(tool: .other, evidence: nil, submitColumn: nil, uuidColumn: nil, validationColumn: nil)
    }

    /// LimeSurvey writes « N/A » for a question the respondent was never shown, and may give
    /// levels their default codes (`A1`, `AO01`…).
    public var readsToolCodes: Bool { tool == .limeSurvey }

    /// Cells that mean « not asked » for this tool: no answer, never a refused one.
    public var notShown: Set<String> {
        switch tool {
        case .limeSurvey, .koboToolbox, .surveyMonkey: ["n/a", "na"]
        default: []
        }
    }

    /// Whether `status` (a `_validation_status` cell) says the submission was not approved.
    static func isNotApproved(_ status: String) -> Bool {
        ["not approved", "validation_status_not_approved", "non approuve", "non approuvee", "rejected", "rejete"]
            .contains(TextMatching.normalized(status))
    }

    /// SurveyMonkey's second header row: empty under the respondent's columns, and `Response`,
    /// `Open-Ended Response` or an option's label under the questions.
    static func isSecondHeaderRow(_ cells: [String], header: [String]) -> Bool {
        guard let id = header.map(ColumnMatcher.normalizedHeader).firstIndex(where: surveyMonkeyIDs.contains) else { return false }
        let answers = cells.map(ColumnMatcher.normalizedHeader)
        return (id >= answers.count || answers[id].isEmpty) && answers.contains { $0 == "response" || $0 == "open-ended response" }
    }

    /// The two header rows of a SurveyMonkey export made one: a question's text over its first
    /// column stands for the empty cells after it; under it, `Response` and `Open-Ended
    /// Response` add nothing, an option's label makes the header `Question [Option]`.
    static func mergedHeader(_ first: [String], _ second: [String]) -> [String] {
        var question = ""
        return first.indices.map { index in
            if !first[index].trimmingCharacters(in: .whitespaces).isEmpty { question = first[index] }
            let sub = index < second.count ? second[index].trimmingCharacters(in: .whitespaces) : ""
            let normalized = ColumnMatcher.normalizedHeader(sub)
            if sub.isEmpty || normalized == "response" || normalized == "open-ended response" { return first[index].isEmpty ? question : first[index] }
            return "\(question) [\(sub)]"
        }
    }

    public var name: Localized {
        switch tool {
        case .googleForms: Localized(verbatim: "Google Forms")
        case .microsoftForms: Localized(verbatim: "Microsoft Forms")
        case .limeSurvey: Localized(verbatim: "LimeSurvey")
        case .koboToolbox: Localized(verbatim: "KoboToolbox")
        case .surveyMonkey: Localized(verbatim: "SurveyMonkey")
        case .other: ImpactMessage.text(.profileOther)
        }
    }
}

/// How one export was read: the tool recognised and why, and what its conventions left out.
public struct FileReading: Sendable, Equatable, Codable {
    public let file: String
    public let tool: ExportProfile.Tool
    public let evidence: String?
    public internal(set) var incomplete = 0
    public internal(set) var resubmitted = 0
    public internal(set) var notApproved = 0
    public internal(set) var secondHeaderRow = false

    init(file: String, profile: ExportProfile) {
        self.file = file
        tool = profile.tool
        evidence = profile.evidence
    }

    /// One sentence for the run summary: « voix.csv : export LimeSurvey (colonne « Date de
    /// soumission ») — réponses complètes seulement : 3 incomplètes écartées ».
    public var sentence: Localized {
        let toolName = ExportProfile(tool: tool, evidence: nil, submitColumn: nil, uuidColumn: nil, validationColumn: nil).name
        var parts: [Localized] = []
        if secondHeaderRow { parts.append(ImpactMessage.text(.profileSecondHeader)) }
        if tool == .limeSurvey { parts.append(ImpactMessage.text(.profileIncomplete, ["count": "\(incomplete)"])) }
        if tool == .koboToolbox {
            parts.append(ImpactMessage.text(.profileResubmitted, ["count": "\(resubmitted)"]))
            parts.append(ImpactMessage.text(.profileNotApproved, ["count": "\(notApproved)"]))
        }
        let details = Localized(fr: parts.map(\.fr).joined(separator: " ; "), en: parts.map(\.en).joined(separator: "; "))
        return ImpactMessage.text(evidence == nil ? .profileLineUnknown : .profileLine, localized: [
            "file": Localized(verbatim: file), "tool": toolName, "evidence": Localized(verbatim: evidence ?? ""),
            "details": parts.isEmpty ? Localized(verbatim: "") : Localized(fr: " — " + details.fr, en: " — " + details.en),
        ])
    }
}

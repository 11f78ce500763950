import AtelierCore

/// How an impact report is presented, the same in its workbook and its page: in which
/// language, from which files (each with how it was read: encoding, delimiter), and whether
/// the open answers are listed (`impact --no-verbatims` leaves them out).
public struct ImpactPresentation: Sendable {
    public let language: Language
    public let sources: [(file: String, method: Localized)]
    public let listsVerbatims: Bool

    public init(language: Language, sources: [(file: String, method: Localized)], listsVerbatims: Bool = true) {
        self.language = language
        self.sources = sources
        self.listsVerbatims = listsVerbatims
    }
}

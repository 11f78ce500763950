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

/// A form of the impact report (its page, its workbook), presented the one way.
public protocol PresentsImpact: Sendable {
    var presentation: ImpactPresentation { get }
}

extension PresentsImpact {
    var language: Language { presentation.language }
    var sources: [(file: String, method: Localized)] { presentation.sources }
    var listsVerbatims: Bool { presentation.listsVerbatims }
}

import AtelierCore
import AtelierMockup

/// What a built-in function sees: the typed mockup and the language its objectives are in.
public struct CheckContext: Sendable {
    public let mockup: Mockup
    public let language: Language
    /// What Atelier's templates write, to recognise a sentence or a plan left as it is.
    public let templates: TemplateTexts

    public init(mockup: Mockup, language: Language, templates: TemplateTexts = .none) {
        self.mockup = mockup
        self.language = language
        self.templates = templates
    }
}

/// The kind of value an option of a built-in function takes.
public enum OptionKind: Sendable {
    case text([String])
    case number
    case list
}

/// A check that a declaration cannot express, called by name from a checklist rule:
/// `builtin: objective-taught`, `options: {…}`.
public protocol BuiltinFunction: Sendable {
    static var name: String { get }
    /// What the function checks, for `atelier checklist doc`.
    static var summary: Localized { get }
    static var options: [String: OptionKind] { get }
    static func evaluate(_ context: CheckContext, options: BuiltinOptions) -> Outcome
    /// Whether a finding of this function leaves its section without substance: the section's
    /// readiness is 0 while it stands, and the other findings at or under its place are its
    /// consequences, not reported.
    static var voidsSection: Bool { get }
}

extension BuiltinFunction {
    public static var options: [String: OptionKind] { [:] }
    public static var voidsSection: Bool { false }
}

/// Every built-in function, by name.
public enum Builtins {
    public static let all: [any BuiltinFunction.Type] = [
        BloomVerbCheck.self, ObjectiveTaught.self, ObjectiveAssessed.self, ObjectiveTimeBound.self,
        ToolUsed.self, AudienceReached.self, ParticipationLevel.self, NonDigitalPath.self,
        NeedsAccommodated.self, MinorsConsent.self, ProcessorsOutsideEU.self, ImageRelease.self,
        LicenceCompatible.self, MinimumAge.self, ScheduleInsideSpan.self, ScheduleOrder.self,
        SampleSize.self, IndicatorSource.self, BudgetBalance.self, OfflineUse.self, SatisfactionEvidence.self, PlaceholderLeft.self, TemplateExample.self, TemplatePlan.self, AIUse.self, Platforms.self, MinorsData.self, MinorsAccounts.self, AgeInLabel.self,
    ]

    public static func named(_ name: String) -> (any BuiltinFunction.Type)? {
        all.first { $0.name == name }
    }
}

extension Mockup {
    /// Activities that list `id` under `key` (`objectives`, `tools`, `audiences`).
    func activities(using id: String, in key: KeyPath<Activity, [String]>) -> [Activity] {
        activities.filter { $0[keyPath: key].contains(id) }
    }

    /// The audiences of the activities that use the tool `id`.
    func audiences(usingTool id: String) -> [Audience] {
        let ids = Set(activities(using: id, in: \.tools).flatMap(\.audiences))
        return audiences.filter { ids.contains($0.id) }
    }
}

/// The participation levels of Nina Simon's ladder, in order.
enum Participation {
    static let levels = MockupSchema.participationLevels.map(\.value)

    static func rank(_ level: String?) -> Int? {
        level.flatMap { levels.firstIndex(of: $0) }
    }
}

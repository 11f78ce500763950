/// The languages Atelier speaks to its users.
public enum Language: String, CaseIterable, Sendable, Codable {
    case fr, en

    /// The language asked for by the environment, as a POSIX program would read it:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty;
    /// a value starting with `fr` gives French, anything else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

extension Language {
    /// `value` as this language writes it for a reader: at most `decimals` places, trailing
    /// zeros dropped, a decimal comma in French.
    public func number(_ value: Double, decimals: Int = 2) -> String {
        let scale = (0..<decimals).reduce(1.0) { product, _ in product * 10 }
        return decimalSeparated(JSONValue.format((value * scale).rounded() / scale))
    }

    /// What separates a label from its value: « : » with a space before it in French.
    public var colon: String { self == .fr ? " : " : ": " }

    /// A percentage as this language writes it (« 80 % », "80%").
    public func percent(_ share: Double, decimals: Int = 0) -> String {
        number(share * 100, decimals: decimals) + (self == .fr ? " %" : "%")
    }

    /// A number already written with a decimal point, with this language's separator.
    public func decimalSeparated(_ text: String) -> String {
        self == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// A text in every language Atelier speaks.
public struct Localized: Hashable, Sendable {
    public let fr: String
    public let en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    /// The same text in both languages (a name, a number, a quotation).
    public init(verbatim: String) {
        self.init(fr: verbatim, en: verbatim)
    }

    /// Both texts changed the same way (a place made of a file name and a localized word).
    public func map(_ transform: (String) -> String) -> Localized {
        Localized(fr: transform(fr), en: transform(en))
    }

    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}

extension Localized {
    /// The text with its `{name}` placeholders replaced by `arguments` in both languages.
    public func filled(_ arguments: [String: String]) -> Localized {
        Localized(fr: Catalogue.fill(fr, arguments), en: Catalogue.fill(en, arguments))
    }
}

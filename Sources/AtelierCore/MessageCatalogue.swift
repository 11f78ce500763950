/// The machinery of Atelier's words. Each module owns its sentences as a `MessageCatalogue`:
/// a closed enum whose every case has a French and an English template (a missing
/// translation does not compile). Placeholders are written `{name}`.
public protocol MessageCatalogue: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    var french: String { get }
    var english: String { get }
}

extension MessageCatalogue {
    /// The template in `language`, placeholders unfilled.
    public func template(in language: Language) -> String {
        switch language {
        case .fr: french
        case .en: english
        }
    }

    /// The message `key` in both languages, with `{name}` placeholders replaced by `arguments`.
    public static func text(_ key: Self, _ arguments: [String: String] = [:]) -> Localized {
        Localized(fr: Catalogue.fill(key.french, arguments), en: Catalogue.fill(key.english, arguments))
    }

    /// The message `key` with placeholders that are themselves localized (an expected form,
    /// a place), each filled in the matching language.
    public static func text(_ key: Self, localized arguments: [String: Localized]) -> Localized {
        Localized(fr: Catalogue.fill(key.french, arguments.mapValues(\.fr)),
                  en: Catalogue.fill(key.english, arguments.mapValues(\.en)))
    }
}

/// Placeholder filling, shared by every catalogue.
public enum Catalogue {
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let (range, name) = nextPlaceholder(in: rest) {
            result += rest[..<range.lowerBound]
            result += arguments[name] ?? "{\(name)}"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The placeholder names a template uses.
    public static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let (range, name) = nextPlaceholder(in: rest) {
            names.insert(name)
            rest = rest[range.upperBound...]
        }
        return names
    }

    /// The next `{name}` whose name is letters only; other braces are text (« { »).
    private static func nextPlaceholder(in text: Substring) -> (Range<Substring.Index>, String)? {
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstIndex(of: "{") {
            let nameStart = text.index(after: open)
            let name = text[nameStart...].prefix { $0.isASCII && $0.isLetter }
            if !name.isEmpty, name.endIndex < text.endIndex, text[name.endIndex] == "}" {
                return (open..<text.index(after: name.endIndex), String(name))
            }
            searchStart = nameStart
        }
        return nil
    }
}

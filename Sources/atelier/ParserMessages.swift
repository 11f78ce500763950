import AtelierCore
import Foundation

/// The argument parser's own sentences (help headings, its errors) in the user's language. The
/// parser writes them in English only; each of its sentence shapes is listed here once, with
/// its French form, and anything else is left as the parser wrote it.
enum ParserMessages {
    /// A help text with the parser's headings and fixed phrases in `language`.
    static func help(_ text: String, in language: Language) -> String {
        guard language == .fr else { return text }
        var result = text
        for (english, french) in helpPhrases {
            result = result.replacingOccurrences(of: english, with: french)
        }
        return result
    }

    /// One line for an argument error: what is wrong, in `language`, and where to read the help
    /// (`Voir « atelier check --help ».`); the parser's usage block is left out.
    /// `commands` are the subcommand names, for a « did you mean » after a mistyped one.
    static func error(_ text: String, in language: Language, commands: [String] = []) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var message = lines.first.map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 } ?? text
        // A list of accepted values comes as bullets on the following lines.
        let bullets = lines.dropFirst().filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
        if !bullets.isEmpty { message += " " + bullets.map { "'\($0)'" }.joined(separator: ", ") + "." }
        let help = lines.first { $0.hasPrefix("See '") && $0.hasSuffix("' for more information.") }
            .map { String($0.dropFirst(5).dropLast("' for more information.".count)) }
        var sentence = translate(message, in: language)
        if !sentence.hasSuffix(".") && !sentence.hasSuffix("?") { sentence += "." }
        if message.hasPrefix("Unexpected argument '") || message.contains(" unexpected arguments: '"),
           let word = message.split(separator: "'").dropFirst().first,
           let closest = TextMatching.closest(to: String(word), among: commands).first {
            sentence = String(sentence.dropLast()) + ". " + Words.text(.didYouMean, ["word": closest])[language]
        }
        if let help {
            let command = help.hasSuffix(" --help") ? String(help.dropLast(7)) : help
            sentence += " " + Words.text(.seeHelp, ["command": command])[language]
        }
        return sentence
    }

    private static let helpPhrases: [(String, String)] = [
        ("OVERVIEW: ", "PRÉSENTATION : "),
        ("USAGE: ", "UTILISATION : "),
        ("\nARGUMENTS:\n", "\nARGUMENTS :\n"),
        ("\nOPTIONS:\n", "\nOPTIONS :\n"),
        ("\nSUBCOMMANDS:\n", "\nSOUS-COMMANDES :\n"),
        ("Show help information.", "Afficher l'aide."),
        ("Show the version.", "Afficher la version."),
        ("(default:", "(par défaut :"),
        ("(values:", "(valeurs :"),
        (" (default)", " (par défaut)"),
        ("<subcommand>' for detailed help.", "<sous-commande> » pour l'aide détaillée."),
        ("  See '", "  Voir « "),
    ]

    /// The parser's error shapes, over its sentence once its 'quotes' are « guillemets », each
    /// with its French form.
    private static let errorShapes: [(pattern: String, french: String)] = [
        (#"^Unknown option « (.+) »\. Did you mean « (.+) »\?$"#, "option inconnue « $1 ». Vouliez-vous dire « $2 » ?"),
        (#"^Unknown option « (.+) »$"#, "option inconnue « $1 »"),
        (#"^Missing value for « (.+) »$"#, "il manque la valeur de « $1 »"),
        (#"^Missing expected argument « (.+) »$"#, "il manque l'argument « $1 »"),
        (#"^Missing one of: (.+)$"#, "il manque l'un de ces arguments : $1"),
        (#"^Unexpected argument « (.+) »$"#, "argument inattendu « $1 »"),
        (#"^(\d+) unexpected arguments: (.+)$"#, "$1 arguments inattendus : $2"),
        (#"^The value « (.*) » is invalid for « (.+) »\. Please provide one of (.+)\.$"#, "la valeur « $1 » n'est pas acceptée pour « $2 ». Valeurs acceptées : $3."),
        (#"^The value « (.*) » is invalid for « (.+) »\. Please provide one of the following: (.+)$"#, "la valeur « $1 » n'est pas acceptée pour « $2 ». Valeurs acceptées : $3"),
        (#"^The value « (.*) » is invalid for « (.+) »: (.+)$"#, "la valeur « $1 » n'est pas acceptée pour « $2 » : $3"),
        (#"^The value « (.*) » is invalid for « (.+) »$"#, "la valeur « $1 » n'est pas acceptée pour « $2 »"),
        (#"^Invalid option: (.+)$"#, "option non valide : $1"),
        (#"^Missing required subcommand\.$"#, "il manque la sous-commande"),
    ]

    static func translate(_ message: String, in language: Language) -> String {
        guard language == .fr else { return message }
        let quoted = guillemets(message).replacingOccurrences(of: " » or « ", with: " » ou « ").replacingOccurrences(of: " » and « ", with: " » et « ")
        for (pattern, french) in errorShapes {
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { continue }
            let range = NSRange(quoted.startIndex..., in: quoted)
            guard expression.firstMatch(in: quoted, range: range) != nil else { continue }
            return capitalized(expression.stringByReplacingMatches(in: quoted, range: range, withTemplate: french))
        }
        return message
    }

    /// The parser's 'value' quotes as « value »: its English sentences hold no other apostrophe.
    private static func guillemets(_ text: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: #"'([^']*)'"#) else { return text }
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "« $1 »")
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

import ArgumentParser
import AtelierCore

struct Manual: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLI.say(.manualAbstract), discussion: CLI.say(.manualDiscussion))

    @OptionGroup var common: CommonOptions

    func run() throws {
        Console.print(ManualPage(language: CLI.language).roff())
    }
}

/// The manual page `atelier.1`: the help of every command, in the language of the command line,
/// as roff. Made from the same help as `--help`, so the two never disagree.
struct ManualPage {
    let language: Language

    func roff() -> String {
        let french = language == .fr
        var page = ".TH ATELIER 1 \"\" \"Atelier 0.1.0\" \"\(french ? "Manuel d'Atelier" : "Atelier manual")\"\n"
        page += ".SH \(french ? "NOM" : "NAME")\natelier \\- \(Self.escape(CLI.say(.rootAbstract)))\n"
        page += ".SH SYNOPSIS\n.B atelier\n.I \(french ? "commande" : "command")\n[\(french ? "options" : "options")]\n"
        for (path, command) in Self.commands(Atelier.self, path: "atelier") {
            let help = ParserMessages.help(Atelier.helpMessage(for: command, columns: 100), in: language)
            page += ".SH \"\(path.uppercased())\"\n.nf\n" + help.split(separator: "\n", omittingEmptySubsequences: false).map { Self.escape(String($0)) }.joined(separator: "\n") + "\n.fi\n"
        }
        return page
    }

    /// Every command under `root`, depth first, with the words that call it.
    static func commands(_ root: ParsableCommand.Type, path: String) -> [(String, ParsableCommand.Type)] {
        [(path, root)] + root.configuration.subcommands.flatMap { command in
            commands(command, path: path + " " + (command.configuration.commandName ?? String(describing: command).lowercased()))
        }
    }

    /// A line as roff shows it: backslashes escaped, a leading dot or quote kept as text.
    static func escape(_ line: String) -> String {
        let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}

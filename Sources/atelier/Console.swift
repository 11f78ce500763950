import AtelierChecklist
import AtelierCore
import AtelierReport
import AtelierUseCases
import Foundation

/// Where the command speaks: standard output for results, standard error for failures.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One line on standard error; whatever it quotes from files stays text (no escape
    /// sequence, no line break of its own).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("atelier: " + TerminalText.safe(text) + "\n").utf8))
    }

    /// The language of this command line, for messages printed outside a command's run.
    static var language: Language { CLI.language }

    /// Prints a user error and exits with status 2.
    static func fail(_ error: UserError) -> Never {
        Self.error(error.message[language])
        exit(2)
    }

    /// Prints every problem of a refused checklist, one per line, and exits with status 2.
    static func fail(_ error: DefinitionError) -> Never {
        for problem in error.problems {
            Self.error(problem.sentence(in: language))
        }
        exit(2)
    }

    /// Writes an artefact atomically, and says so when texts had to be cut to fit their cells
    /// (each cut text ends with « […] »): nothing is left out without a word.
    static func write(_ artefact: Artefact, to path: String, inputs: [String]) throws {
        if let notice = try artefact.write(to: path, inputs: inputs) { error(notice[language]) }
    }

    /// `word` as a shell reads it back: as is when it holds only safe characters, else in single quotes.
    static func quoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:,+@".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var usesColour: Bool {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColour && isatty(STDOUT_FILENO) != 0
    }
}

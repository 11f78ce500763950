/// A failure the user can fix, explained in both languages (a missing input, an output
/// that cannot be written, a template that does not exist). The command prints it and
/// exits with status 2.
public struct UserError: Error, Sendable {
    public let message: Localized

    public init(_ message: Localized) {
        self.message = message
    }

    public init<Message: MessageCatalogue>(_ key: Message, _ arguments: [String: String] = [:]) {
        self.message = Message.text(key, arguments)
    }
}

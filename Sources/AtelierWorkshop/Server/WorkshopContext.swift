import Hummingbird
import NIOCore

/// What a handler knows of a request beyond the request: who sent it (for rate limits).
public struct WorkshopContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}

/// The bounds of what the server accepts.
public enum WorkshopLimits {
    /// A request body (a mockup with its JSON wrapping): 1 MB.
    public static let requestBytes = 1_048_576
    /// Failed join or sign-in attempts allowed per client and minute.
    public static let attemptsPerMinute = 10
}

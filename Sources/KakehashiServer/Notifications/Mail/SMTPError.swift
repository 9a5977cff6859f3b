/// Why sending an e-mail failed: the command and the server's reply when there was one.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The server could not be reached.
        case connect
        /// The server did not answer in time.
        case timeout
        /// The server answered a command with a 4xx or 5xx reply.
        case rejected
        /// The server does not offer what the configuration needs (STARTTLS, an AUTH mechanism).
        case unsupported
        /// The server sent something that is not SMTP, or closed the connection.
        case protocolViolation
        case tls
    }

    public var kind: Kind
    /// What the client had sent, credentials left out (`AUTH PLAIN`, `RCPT TO:<a@b.jp>`, `greeting`).
    public var command: String?
    public var reply: SMTPReply?
    public var message: String
    public var underlying: (any Error & Sendable)?

    public init(_ kind: Kind, _ message: String, command: String? = nil, reply: SMTPReply? = nil, underlying: (any Error & Sendable)? = nil) {
        self.kind = kind
        self.message = message
        self.command = command
        self.reply = reply
        self.underlying = underlying
    }

    /// A refusal of `command` with `reply`.
    static func rejected(_ command: String, _ reply: SMTPReply) -> SMTPError {
        SMTPError(.rejected, "the server answered \(command) with \(reply)", command: command, reply: reply)
    }

    /// Whether trying again later cannot help: a 5xx reply, or a server that lacks what is required.
    public var isPermanent: Bool {
        if let reply { return reply.isPermanentFailure }
        return kind == .unsupported
    }

    public var description: String {
        var text = message
        if let underlying { text += " (\(underlying))" }
        return text
    }
}

import Foundation
import KakehashiCore
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// What a finished SMTP transaction achieved.
public struct SMTPDelivery: Sendable, Equatable {
    /// The recipients the server accepted; the message went to them.
    public var accepted: [EmailAddress]
    /// The recipients the server refused, with its reply to their `RCPT TO`.
    public var refused: [Refusal]

    public struct Refusal: Sendable, Equatable, CustomStringConvertible {
        public var address: EmailAddress
        public var reply: SMTPReply
        public var description: String { "RCPT TO:<\(address.value)> was answered \(reply)" }
    }
}

/// Sends one message at a time.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws -> SMTPDelivery
}

/// A small RFC 5321 client on SwiftNIO: one connection per message; EHLO, STARTTLS (required with
/// `smtp://`), AUTH PLAIN or LOGIN when credentials are configured, MAIL FROM, RCPT TO each, DATA, QUIT.
///
/// Every reply outside 2xx/3xx becomes an ``SMTPError`` naming the command and the reply.
public struct SMTPClient: MailTransport {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup
    let logger: Logger

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) {
        self.configuration = configuration
        self.group = group
        self.logger = logger
    }

    /// Sends `message` to the recipients the server accepts.
    /// - Throws: ``SMTPError`` when the connection fails, a command is refused, or no recipient is accepted.
    public func send(_ message: MailMessage) async throws -> SMTPDelivery {
        let channel = try await connect()
        return try await channel.executeThenClose { inbound, outbound in
            var conversation = SMTPConversation(
                configuration: configuration, channel: channel.channel, lines: inbound.makeAsyncIterator(), outbound: outbound, logger: logger)
            return try await conversation.deliver(message)
        }
    }

    /// Opens the connection: TLS at once for `smtps://`, reply lines decoded, a read timeout.
    func connect() async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let configuration = self.configuration
        let tlsContext = configuration.security == .implicitTLS ? try Self.tlsContext(configuration) : nil
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(configuration.timeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        if let tlsContext {
                            try sync.addHandler(try NIOSSLClientHandler(context: tlsContext, serverHostname: Self.serverName(configuration.host)))
                        }
                        try sync.addHandler(IdleStateHandler(readTimeout: configuration.timeout))
                        try sync.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        try sync.addHandler(SMTPTimeoutHandler())
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError(.connect, "cannot connect to \(configuration.displayURL)", underlying: error)
        }
    }

    static func tlsContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: configuration.tls)
        } catch {
            throw SMTPError(.tls, "cannot set up TLS for \(configuration.displayURL)", underlying: error)
        }
    }

    /// The name for SNI and certificate checks; none for an IP address, which SNI does not carry.
    static func serverName(_ host: String) -> String? {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (try? SocketAddress(ipAddress: bare, port: 0)) == nil ? host : nil
    }
}

import Foundation
import KakehashiCore
import Logging
import NIOCore
import NIOSSL

/// One SMTP session over an open connection: the dialogue of ``SMTPClient``.
struct SMTPConversation {
    let configuration: SMTPConfiguration
    let channel: any Channel
    var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let logger: Logger
    var parser = SMTPReplyParser()

    init(configuration: SMTPConfiguration, channel: any Channel, lines: NIOAsyncChannelInboundStream<String>.AsyncIterator,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, logger: Logger) {
        self.configuration = configuration
        self.channel = channel
        self.lines = lines
        self.outbound = outbound
        self.logger = logger
    }

    mutating func deliver(_ message: MailMessage) async throws -> SMTPDelivery {
        do {
            return try await transact(message)
        } catch let error as SMTPError where error.kind == .rejected || error.kind == .unsupported {
            // The server still listens: say goodbye properly.
            _ = try? await send(.quit)
            throw error
        }
    }

    mutating func transact(_ message: MailMessage) async throws -> SMTPDelivery {
        try expect(try await reply(to: "greeting"), for: "greeting", code: 220)
        var extensions = try await hello()
        if configuration.security == .startTLS {
            guard extensions.offers("STARTTLS") else {
                throw SMTPError(.unsupported, "\(configuration.displayURL) does not offer STARTTLS; the hub does not send mail unencrypted unless told so with smtp+plain://", command: "EHLO")
            }
            try expect(try await send(.startTLS), for: .startTLS, code: 220)
            try await startTLS()
            extensions = try await hello()
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, offered: extensions)
        }
        try expect(try await send(.mailFrom(configuration.from.value)), for: .mailFrom(configuration.from.value), code: 250)
        var delivery = SMTPDelivery(accepted: [], refused: [])
        var lastRefusal: SMTPError?
        for recipient in message.to {
            let command = SMTPCommand.rcptTo(recipient.value)
            let answer = try await send(command)
            if (200..<300).contains(answer.code) {
                delivery.accepted.append(recipient)
            } else if answer.code >= 400 {
                delivery.refused.append(.init(address: recipient, reply: answer))
                lastRefusal = .rejected(command.name, answer)
            } else {
                throw SMTPError.rejected(command.name, answer)
            }
        }
        guard !delivery.accepted.isEmpty else {
            throw lastRefusal ?? SMTPError(.rejected, "no recipient was given")
        }
        try expect(try await send(.data), for: .data, code: 354)
        try await outbound.write(ByteBuffer(string: SMTPCommand.dataPayload(message.rendered())))
        try expect(try await reply(to: "end of data"), for: "end of data", code: 250)
        // The message is accepted; a failing QUIT changes nothing.
        _ = try? await send(.quit)
        return delivery
    }

    /// EHLO; answers the extensions the server lists.
    mutating func hello() async throws -> SMTPExtensions {
        let command = SMTPCommand.ehlo(configuration.heloName)
        let answer = try await send(command)
        try expect(answer, for: command, code: 250)
        return SMTPExtensions(answer)
    }

    /// Puts TLS under the connection after the server's `220` to STARTTLS.
    mutating func startTLS() async throws {
        let context = try SMTPClient.tlsContext(configuration)
        let host = SMTPClient.serverName(configuration.host)
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: host), position: .first)
            }.get()
        } catch {
            throw SMTPError(.tls, "cannot start TLS with \(configuration.displayURL)", command: "STARTTLS", underlying: error)
        }
    }

    /// AUTH PLAIN if offered, else AUTH LOGIN.
    mutating func authenticate(_ credentials: SMTPConfiguration.Credentials, offered extensions: SMTPExtensions) async throws {
        let mechanisms = extensions.parameters(of: "AUTH")
        if mechanisms.contains("PLAIN") {
            let command = SMTPCommand.authPlain(user: credentials.user, password: credentials.password)
            try expect(try await send(command), for: command, code: 235)
        } else if mechanisms.contains("LOGIN") {
            try expect(try await send(.authLogin), for: .authLogin, code: 334)
            try expect(try await send(.authResponse(credentials.user)), for: .authResponse(""), code: 334)
            try expect(try await send(.authResponse(credentials.password)), for: .authResponse(""), code: 235)
        } else {
            let offered = mechanisms.isEmpty ? "no AUTH mechanism" : "only AUTH " + mechanisms.joined(separator: " ")
            throw SMTPError(.unsupported, "\(configuration.displayURL) offers \(offered); the hub speaks PLAIN and LOGIN", command: "EHLO")
        }
    }

    /// Sends one command and reads its reply.
    mutating func send(_ command: SMTPCommand) async throws -> SMTPReply {
        logger.trace("smtp command", metadata: ["smtp.command": "\(command.name)"])
        do {
            try await outbound.write(ByteBuffer(string: command.wire + "\r\n"))
        } catch {
            // A failed TLS handshake also fails the write that waited for it; the reason is in the inbound stream.
            if error is NIOSSLError { throw SMTPError(.tls, "TLS with \(configuration.displayURL) failed before \(command.name)", command: command.name, underlying: error) }
            do {
                _ = try await reply(to: command.name)
            } catch let reason as SMTPError where reason.kind == .tls {
                throw reason
            } catch {}
            throw SMTPError(.protocolViolation, "the connection to \(configuration.displayURL) broke while sending \(command.name)", command: command.name, underlying: error)
        }
        return try await reply(to: command.name)
    }

    /// Reads one whole reply.
    mutating func reply(to command: String) async throws -> SMTPReply {
        do {
            while let line = try await lines.next() {
                if let reply = try parser.feed(line) {
                    logger.trace("smtp reply", metadata: ["smtp.command": "\(command)", "smtp.reply": "\(reply.code)"])
                    return reply
                }
            }
        } catch var error as SMTPError {
            error.command = error.command ?? command
            if error.kind == .timeout { error.message = "\(configuration.displayURL) did not answer \(command) within \(configuration.timeout.nanoseconds / 1_000_000_000) s" }
            throw error
        } catch let error as NIOSSLError {
            throw SMTPError(.tls, "TLS with \(configuration.displayURL) failed while waiting for the reply to \(command)", command: command, underlying: error)
        } catch {
            throw SMTPError(.protocolViolation, "the connection to \(configuration.displayURL) failed while waiting for the reply to \(command)", command: command, underlying: error)
        }
        throw SMTPError(.protocolViolation, "\(configuration.displayURL) closed the connection instead of answering \(command)", command: command)
    }

    func expect(_ reply: SMTPReply, for command: SMTPCommand, code: Int) throws {
        try expect(reply, for: command.name, code: code)
    }

    func expect(_ reply: SMTPReply, for command: String, code: Int) throws {
        guard reply.code == code else { throw SMTPError.rejected(command, reply) }
    }
}

/// The extensions an EHLO reply lists: `STARTTLS`, `AUTH PLAIN LOGIN`, `SIZE 10240000`…
struct SMTPExtensions: Sendable {
    let keywords: [String: [String]]

    init(_ reply: SMTPReply) {
        var keywords: [String: [String]] = [:]
        // The first line greets; each further line names one extension.
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            keywords[keyword] = Array(words.dropFirst())
        }
        self.keywords = keywords
    }

    func offers(_ keyword: String) -> Bool { keywords[keyword] != nil }

    func parameters(of keyword: String) -> [String] { keywords[keyword] ?? [] }
}

import Foundation
@testable import KakehashiServer
import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP server on 127.0.0.1 for tests: it records the dialogue and answers as its ``Behaviour`` says.
final class FakeSMTPServer: @unchecked Sendable {
    struct Behaviour: Sendable {
        /// The first reply; anything but 220 ends the connection after it.
        var greeting = "220 fake.example.jp ESMTP ready"
        /// The extensions EHLO lists.
        var extensions = ["PIPELINING", "AUTH PLAIN LOGIN", "8BITMIME"]
        /// The user and password AUTH accepts; `nil` accepts none.
        var credentials: (user: String, password: String)?
        /// Replies to RCPT TO by address, e.g. `["gone@example.jp": "550 5.1.1 user unknown"]`.
        var recipientReplies: [String: String] = [:]
        var dataReply = "250 2.0.0 queued as F4KE"
        /// A command (by prefix) the server reads and never answers.
        var stallOn: String?
        /// With a context, EHLO offers STARTTLS, or (with `implicitTLS`) TLS starts with the connection.
        var tls: NIOSSLContext?
        var implicitTLS = false
    }

    /// A message the server accepted.
    struct Received: Sendable {
        let from: String
        let recipients: [String]
        /// The message as the client meant it: CRLF lines, dot-stuffing undone, without the closing dot.
        let data: String
    }

    let behaviour: Behaviour
    private let lock = NSLock()
    private var _transcript: [String] = []
    private var _messages: [Received] = []
    private var _connections = 0

    /// Every line the client sent outside DATA, in order, over all connections.
    var transcript: [String] { lock.withLock { _transcript } }
    var messages: [Received] { lock.withLock { _messages } }
    var connections: Int { lock.withLock { _connections } }

    init(_ behaviour: Behaviour = Behaviour()) {
        self.behaviour = behaviour
    }

    /// Serves until `body`, given the port, returns.
    func serve<R: Sendable>(_ body: @Sendable (Int) async throws -> R) async throws -> R {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { [behaviour] channel in
                channel.eventLoop.makeCompletedFuture {
                    if behaviour.implicitTLS, let tls = behaviour.tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let accepting = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    try? await self.converse(connection)
                }
            }
        }
        defer { accepting.cancel() }
        do {
            let result = try await body(port)
            try? await server.channel.close()
            return result
        } catch {
            try? await server.channel.close()
            throw error
        }
    }

    private func record(_ line: String) {
        lock.withLock { _transcript.append(line) }
    }

    private func converse(_ connection: NIOAsyncChannel<String, ByteBuffer>) async throws {
        lock.withLock { _connections += 1 }
        try await connection.executeThenClose { inbound, outbound in
            func say(_ lines: String...) async throws {
                try await outbound.write(ByteBuffer(string: lines.map { $0 + "\r\n" }.joined()))
            }
            try await say(behaviour.greeting)
            guard behaviour.greeting.hasPrefix("220") else { return }
            var lines = inbound.makeAsyncIterator()
            var from = "", recipients: [String] = []
            while let line = try await lines.next() {
                record(line)
                let upper = line.uppercased()
                if let stall = behaviour.stallOn, upper.hasPrefix(stall) {
                    while try await lines.next() != nil {}
                    return
                }
                if upper == "STARTTLS", let tls = behaviour.tls, !behaviour.implicitTLS {
                    try await say("220 2.0.0 go ahead")
                    let channel = connection.channel
                    try await channel.eventLoop.submit {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                    }.get()
                } else if upper.hasPrefix("EHLO") {
                    let starttls = behaviour.tls != nil && !behaviour.implicitTLS ? ["STARTTLS"] : []
                    let all = ["fake.example.jp greets you"] + starttls + behaviour.extensions
                    try await say(all.enumerated().map { "250\($0.offset == all.count - 1 ? " " : "-")\($0.element)" }.joined(separator: "\r\n"))
                } else if upper.hasPrefix("AUTH PLAIN ") {
                    let decoded = Data(base64Encoded: String(line.dropFirst(11))).map { String(decoding: $0, as: UTF8.self) } ?? ""
                    let parts = decoded.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
                    try await say(accepts(user: parts.count == 3 ? parts[1] : "", password: parts.count == 3 ? parts[2] : "") ? "235 2.7.0 ok" : "535 5.7.8 bad credentials")
                } else if upper == "AUTH LOGIN" {
                    try await say("334 VXNlcm5hbWU6")
                    let user = try await lines.next().flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    record("(user)")
                    try await say("334 UGFzc3dvcmQ6")
                    let password = try await lines.next().flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    record("(password)")
                    try await say(accepts(user: user, password: password) ? "235 2.7.0 ok" : "535 5.7.8 bad credentials")
                } else if upper.hasPrefix("MAIL FROM:") {
                    from = Self.address(in: line)
                    recipients = []
                    try await say("250 2.1.0 ok")
                } else if upper.hasPrefix("RCPT TO:") {
                    let address = Self.address(in: line)
                    if let reply = behaviour.recipientReplies[address] {
                        try await say(reply)
                    } else {
                        recipients.append(address)
                        try await say("250 2.1.5 ok")
                    }
                } else if upper == "DATA" {
                    try await say("354 end with <CRLF>.<CRLF>")
                    var data: [String] = []
                    while let dataLine = try await lines.next(), dataLine != "." {
                        data.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                    }
                    try await say(behaviour.dataReply)
                    if behaviour.dataReply.hasPrefix("250") {
                        let received = Received(from: from, recipients: recipients, data: data.joined(separator: "\r\n") + "\r\n")
                        lock.withLock { _messages.append(received) }
                    }
                } else if upper == "QUIT" {
                    try await say("221 2.0.0 bye")
                    return
                } else {
                    try await say("500 5.5.2 command not recognised")
                }
            }
        }
    }

    private func accepts(user: String, password: String) -> Bool {
        guard let credentials = behaviour.credentials else { return false }
        return credentials.user == user && credentials.password == password
    }

    /// `a@b.jp` from `RCPT TO:<a@b.jp>`.
    static func address(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return "" }
        return String(line[line.index(after: open)..<close])
    }

    static let openssl = "/usr/bin/openssl"
    static var canMakeCertificates: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    /// A TLS context for `localhost` from a self-signed certificate made with the `openssl` tool, and that
    /// certificate for the client to trust; `nil` without the tool.
    static func localhostTLS() throws -> (server: NIOSSLContext, certificate: NIOSSLCertificate)? {
        guard canMakeCertificates else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path, cert = directory.appendingPathComponent("cert.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let certificate = try NIOSSLCertificate(file: cert, format: .pem)
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .file(key))
        return (try NIOSSLContext(configuration: configuration), certificate)
    }
}

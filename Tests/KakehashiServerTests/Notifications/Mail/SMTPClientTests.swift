import Foundation
import KakehashiCore
@testable import KakehashiServer
import Logging
import NIOCore
import NIOSSL
import Testing

@Suite struct SMTPClientTests {
    /// A client of the fake server; the timeout is generous because the whole suite shares two busy cores.
    static func client(port: Int, credentials: SMTPConfiguration.Credentials? = nil, url: String? = nil, timeout: TimeAmount = .seconds(20)) throws -> SMTPClient {
        let configuration = try SMTPConfiguration(url: url ?? "smtp+plain://127.0.0.1:\(port)", from: "hub@kakehashi.example.jp",
                                                  credentials: credentials, heloName: "hub.kakehashi.example.jp", timeout: timeout)
        return SMTPClient(configuration: configuration, logger: TestHub.logger)
    }

    /// The error `body` throws, or `nil`.
    static func failure(_ body: @Sendable () async throws -> Void) async -> (any Error)? {
        do { try await body(); return nil } catch { return error }
    }

    @Test func theDialogueSendsToEveryRecipientAndEndsWithQuit() async throws {
        let server = FakeSMTPServer()
        let message = try MailMessageTests.message(body: ".starts with a dot\n本文")

        let delivery = try await server.serve { port in try await Self.client(port: port).send(message) }

        #expect(delivery.accepted.map(\.value) == ["soc@mlit.example.jp", "duty@mlit.example.jp"])
        #expect(delivery.refused.isEmpty)
        #expect(server.transcript == [
            "EHLO hub.kakehashi.example.jp", "MAIL FROM:<hub@kakehashi.example.jp>",
            "RCPT TO:<soc@mlit.example.jp>", "RCPT TO:<duty@mlit.example.jp>", "DATA", "QUIT",
        ])
        let received = try #require(server.messages.first)
        #expect(received.from == "hub@kakehashi.example.jp")
        #expect(received.recipients == ["soc@mlit.example.jp", "duty@mlit.example.jp"])
        #expect(received.data == message.rendered(), "dot-stuffing is undone to the very message")
    }

    @Test func authPlainIsUsedWhenOffered() async throws {
        let server = FakeSMTPServer(.init(credentials: ("hub", "pa55 word")))
        let message = try MailMessageTests.message()

        _ = try await server.serve { port in try await Self.client(port: port, credentials: .init(user: "hub", password: "pa55 word")).send(message) }

        #expect(server.transcript[1] == "AUTH PLAIN " + Data("\0hub\0pa55 word".utf8).base64EncodedString())
        #expect(server.messages.count == 1)
    }

    @Test func authLoginIsUsedWhenPlainIsNotOffered() async throws {
        let server = FakeSMTPServer(.init(extensions: ["AUTH LOGIN"], credentials: ("hub", "pa55 word")))
        let message = try MailMessageTests.message()

        _ = try await server.serve { port in try await Self.client(port: port, credentials: .init(user: "hub", password: "pa55 word")).send(message) }

        #expect(Array(server.transcript[1...3]) == ["AUTH LOGIN", "(user)", "(password)"])
        #expect(server.messages.count == 1)
    }

    @Test func badCredentialsAreReportedWithoutThePassword() async throws {
        let server = FakeSMTPServer(.init(credentials: ("hub", "right")))
        let message = try MailMessageTests.message()

        let error = await Self.failure { _ = try await server.serve { port in try await Self.client(port: port, credentials: .init(user: "hub", password: "wrong-secret")).send(message) } }

        let smtp = try #require(error as? SMTPError)
        #expect(smtp.command == "AUTH PLAIN")
        #expect(smtp.reply?.code == 535)
        #expect(smtp.isPermanent)
        #expect(!"\(smtp)".contains("wrong-secret") && !"\(smtp)".contains(Data("\0hub\0wrong-secret".utf8).base64EncodedString()))
        #expect(server.transcript.last == "QUIT")
        #expect(server.messages.isEmpty)
    }

    @Test func aRefusedRecipientIsReportedAndTheOthersGetTheMessage() async throws {
        let server = FakeSMTPServer(.init(recipientReplies: ["soc@mlit.example.jp": "550 5.1.1 <soc@mlit.example.jp>: user unknown"]))
        let message = try MailMessageTests.message()

        let delivery = try await server.serve { port in try await Self.client(port: port).send(message) }

        #expect(delivery.accepted.map(\.value) == ["duty@mlit.example.jp"])
        #expect(delivery.refused.map(\.description) == ["RCPT TO:<soc@mlit.example.jp> was answered 550 5.1.1 <soc@mlit.example.jp>: user unknown"])
        #expect(server.messages.first?.recipients == ["duty@mlit.example.jp"])
    }

    @Test func whenEveryRecipientIsRefusedNothingIsSentAndTheReplyIsKept() async throws {
        let server = FakeSMTPServer(.init(recipientReplies: ["soc@mlit.example.jp": "550 5.1.1 user unknown", "duty@mlit.example.jp": "550 5.1.1 user unknown"]))
        let message = try MailMessageTests.message()

        let error = await Self.failure { _ = try await server.serve { port in try await Self.client(port: port).send(message) } }

        let smtp = try #require(error as? SMTPError)
        #expect(smtp.command == "RCPT TO:<duty@mlit.example.jp>")
        #expect(smtp.reply == SMTPReply(code: 550, lines: ["5.1.1 user unknown"]))
        #expect("\(smtp)" == "the server answered RCPT TO:<duty@mlit.example.jp> with 550 5.1.1 user unknown")
        #expect(!server.transcript.contains("DATA"))
        #expect(server.transcript.last == "QUIT")
    }

    @Test func aBusyServerAtConnectIsATransientFailure() async throws {
        let server = FakeSMTPServer(.init(greeting: "421 4.3.2 too busy, try later"))
        let message = try MailMessageTests.message()

        let error = await Self.failure { _ = try await server.serve { port in try await Self.client(port: port).send(message) } }

        let smtp = try #require(error as? SMTPError)
        #expect(smtp.command == "greeting")
        #expect(smtp.reply?.code == 421)
        #expect(!smtp.isPermanent)
    }

    @Test func aSilentServerTimesOutNamingTheCommand() async throws {
        let server = FakeSMTPServer(.init(stallOn: "MAIL FROM"))
        let message = try MailMessageTests.message()

        // The timeout is per reply, so it also bounds the greeting: with the whole suite and the Python oracles on
        // two cores a greeting once took over 4 s. 10 s leaves room; the stall itself never ends, so the test
        // still ends at MAIL FROM (it waits the full 10 s, beside the other tests).
        let error = await Self.failure { _ = try await server.serve { port in try await Self.client(port: port, timeout: .seconds(10)).send(message) } }

        let smtp = try #require(error as? SMTPError)
        #expect(smtp.kind == .timeout)
        #expect(smtp.command == "MAIL FROM:<hub@kakehashi.example.jp>")
        #expect(!smtp.isPermanent)
    }

    @Test func starttlsIsRequiredWithSMTPURLs() async throws {
        let server = FakeSMTPServer()
        let message = try MailMessageTests.message()

        let error = await Self.failure { _ = try await server.serve { port in try await Self.client(port: port, url: "smtp://127.0.0.1:\(port)").send(message) } }

        let smtp = try #require(error as? SMTPError)
        #expect(smtp.kind == .unsupported)
        #expect("\(smtp)".contains("does not offer STARTTLS"))
        #expect(server.transcript == ["EHLO hub.kakehashi.example.jp", "QUIT"])
    }

    @Test func nothingListeningIsAConnectFailure() async throws {
        // Bind a port, then free it, so nothing listens there.
        let port = try await FakeSMTPServer().serve { port in port }
        let message = try MailMessageTests.message()

        let error = await Self.failure { _ = try await Self.client(port: port).send(message) }

        #expect((error as? SMTPError)?.kind == .connect)
    }

    /// A client for `url` that trusts only `certificate`.
    static func tlsClient(url: String, certificate: NIOSSLCertificate, credentials: SMTPConfiguration.Credentials? = nil) throws -> SMTPClient {
        var configuration = try SMTPConfiguration(url: url, from: "hub@kakehashi.example.jp", credentials: credentials, heloName: "hub.kakehashi.example.jp", timeout: .seconds(20))
        configuration.tls.trustRoots = .certificates([certificate])
        return SMTPClient(configuration: configuration, logger: TestHub.logger)
    }

    @Test(.enabled(if: FakeSMTPServer.canMakeCertificates, "needs the openssl tool to make a test certificate"))
    func starttlsProtectsTheCredentialsAndTheMessage() async throws {
        let tls = try #require(try FakeSMTPServer.localhostTLS())
        let server = FakeSMTPServer(.init(credentials: ("hub", "pa55"), tls: tls.server))
        let message = try MailMessageTests.message()

        _ = try await server.serve { port in
            try await Self.tlsClient(url: "smtp://localhost:\(port)", certificate: tls.certificate, credentials: .init(user: "hub", password: "pa55")).send(message)
        }

        #expect(Array(server.transcript.prefix(4)) == [
            "EHLO hub.kakehashi.example.jp", "STARTTLS", "EHLO hub.kakehashi.example.jp", "AUTH PLAIN " + Data("\0hub\0pa55".utf8).base64EncodedString(),
        ])
        #expect(server.messages.first?.data == message.rendered())
    }

    @Test(.enabled(if: FakeSMTPServer.canMakeCertificates, "needs the openssl tool to make a test certificate"))
    func implicitTLSSpeaksTLSFromTheFirstByte() async throws {
        let tls = try #require(try FakeSMTPServer.localhostTLS())
        let server = FakeSMTPServer(.init(tls: tls.server, implicitTLS: true))
        let message = try MailMessageTests.message()

        _ = try await server.serve { port in try await Self.tlsClient(url: "smtps://localhost:\(port)", certificate: tls.certificate).send(message) }

        #expect(server.transcript.first == "EHLO hub.kakehashi.example.jp")
        #expect(server.messages.count == 1)
    }

    @Test(.enabled(if: FakeSMTPServer.canMakeCertificates, "needs the openssl tool to make a test certificate"))
    func anUntrustedCertificateStopsTheSession() async throws {
        let tls = try #require(try FakeSMTPServer.localhostTLS())
        let other = try #require(try FakeSMTPServer.localhostTLS())
        let server = FakeSMTPServer(.init(credentials: ("hub", "pa55"), tls: tls.server))
        let message = try MailMessageTests.message()

        let error = await Self.failure {
            _ = try await server.serve { port in
                try await Self.tlsClient(url: "smtp://localhost:\(port)", certificate: other.certificate, credentials: .init(user: "hub", password: "pa55")).send(message)
            }
        }

        #expect((error as? SMTPError)?.kind == .tls)
        #expect(server.transcript == ["EHLO hub.kakehashi.example.jp", "STARTTLS"], "nothing is sent after a failed handshake")
        #expect(server.messages.isEmpty)
    }
}

import AsyncHTTPClient
import Foundation
import KakehashiCore
import NIOCore
import NIOHTTP1

/// The HTTP side of an exchange with one peer: the peer's credential read at each call (never kept,
/// never logged), the outbound policy checked for every target, a timeout per call and a cap on what an
/// answer may weigh, and errors that name the call, the URL and the status.
struct PeerHTTPClient: Sendable {
    let peer: Peer
    let outbound: OutboundPolicy
    /// This hub's id, sent to Kakehashi peers as `Kakehashi-Hub-ID`.
    let hubID: String
    var timeout: TimeAmount = .seconds(30)
    /// The most an answer's body may weigh.
    var maximumBytes: Int = 64 * 1024 * 1024
    var client: HTTPClient = Self.shared

    /// The federation's own client: no redirect is followed (a credential never goes to another host), and a
    /// connection that cannot be made fails the call at once instead of being retried until the deadline;
    /// the peer's backoff is the retry, and other peers are not held up by it.
    static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// An answer: status, headers and the whole body.
    struct Answer: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: ByteBuffer

        var text: String { String(buffer: body) }
    }

    /// The `Authorization` header value for the peer's credential, read now: `user:password` is HTTP Basic,
    /// anything else a Bearer token.
    /// - Throws: ``PeerExchangeError`` naming the file or variable (never its content).
    func authorization() throws -> String? {
        let secret: String
        switch peer.credential {
        case .none:
            return nil
        case .file(let path):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PeerExchangeError("cannot read the credential file \(path) of peer \(peer.name)")
            }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw PeerExchangeError("the credential file \(path) of peer \(peer.name) is empty") }
        case .environment(let name):
            guard let text = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw PeerExchangeError("the environment variable \(name) holding the credential of peer \(peer.name) is not set or empty")
            }
            secret = text
        }
        if secret.contains(":") {
            return "Basic " + Data(secret.utf8).base64EncodedString()
        }
        return "Bearer " + secret
    }

    /// Sends one request and reads the whole answer (up to ``maximumBytes``).
    /// - Throws: ``PeerExchangeError`` for a refused target, a failed connection, a timeout or an answer too large.
    func send(_ method: HTTPMethod, _ url: String, body: ByteBuffer? = nil, contentType: String? = nil, accept: String) async throws -> Answer {
        let response = try await open(method, url, body: body, contentType: contentType, accept: accept, timeout: timeout)
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw PeerExchangeError("\(method) \(url) answered more than \(maximumBytes / 1024 / 1024) MiB")
        } catch {
            throw PeerExchangeError("\(method) \(url) broke off while answering: \(error)")
        }
        return Answer(status: Int(response.status.code), headers: response.headers, body: bytes)
    }

    /// Sends one request and returns the answer with its body still streaming (the peer's event stream).
    func open(_ method: HTTPMethod, _ url: String, body: ByteBuffer? = nil, contentType: String? = nil, accept: String, timeout: TimeAmount) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: "Kakehashi-Federation")
        if peer.kind == .kakehashi { request.headers.add(name: "Kakehashi-Hub-ID", value: hubID) }
        if let authorization = try authorization() { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/json")
            request.body = .bytes(body)
        }
        do {
            return try await OutboundHTTP.execute(request, policy: outbound, client: client, timeout: timeout)
        } catch let error as OutboundRefusal {
            throw PeerExchangeError("\(method) \(url): \(error)")
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw PeerExchangeError("\(method) \(url) did not answer within \(timeout.nanoseconds / 1_000_000_000) s")
        } catch let error as PeerExchangeError {
            throw error
        } catch {
            throw PeerExchangeError("\(method) \(url) failed: \(error)")
        }
    }
}

/// An exchange with a peer failed; says which call, where, and what came back (never a credential).
struct PeerExchangeError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// The peer answered `status` where `expected` was due; quotes the start of the body.
    static func status(_ method: HTTPMethod, _ url: String, _ answer: PeerHTTPClient.Answer, expected: String) -> PeerExchangeError {
        let excerpt = answer.text.prefix(300).replacingOccurrences(of: "\n", with: " ")
        return PeerExchangeError("\(method) \(url) answered HTTP \(answer.status) (expected \(expected)): \(excerpt)")
    }
}

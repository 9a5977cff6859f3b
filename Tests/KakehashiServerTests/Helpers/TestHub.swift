import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Logging
import Testing
@_exported import KakehashiTestSupport

/// A hub on a scratch database (SQLite or PostgreSQL) with one operator and one hub-administrator organisation,
/// a user per role, and helpers to sign in and call the API.
struct TestHub: Sendable {
    static let password = "correct horse battery staple"

    let hub: Hub
    let scratch: ScratchDatabase
    let railway: Organisation
    let center: Organisation

    static var logger: Logger {
        var logger = Logger(label: "kakehashi.server-tests")
        logger.logLevel = .warning
        return logger
    }

    /// The tests' hub settings: a cheap bcrypt cost, and outbound calls allowed to 127.0.0.1 only, where
    /// the tests' own receivers listen (every other internal range stays refused, as in production).
    /// The collection stream's safety poll is an hour, so that an event that arrives was pushed.
    static var testConfiguration: HubConfiguration {
        var configuration = HubConfiguration(bcryptCost: 4, outbound: OutboundPolicy(allowing: [try! IPNetwork("127.0.0.1/32")]))
        configuration.streamSafetyPoll = .seconds(3600)
        return configuration
    }

    /// Builds the hub on a fresh database of `engine`, runs `body` against the router, and drops the
    /// database. Without a PostgreSQL server the PostgreSQL case does nothing (see ``TestEngine``).
    /// `setup: .live` serves the app on a free port of 127.0.0.1 (`client.port`) instead of calling the router.
    static func run(on engine: TestEngine, setup: TestingSetup = .router, _ body: @escaping @Sendable (TestHub, any TestClientProtocol) async throws -> Void) async throws {
        try await engine.withScratchDatabase(logger: logger) { scratch in
            let hub = Hub(configuration: testConfiguration, database: scratch.database)
            let railway = Organisation(nameJa: "さくら旅客鉄道", nameEn: "Sakura Railway", kind: .operator, sectors: [.railways], isacTier: .regular)
            let center = Organisation(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter)
            try await hub.organisations.create(railway)
            try await hub.organisations.create(center)
            let hash = try await hub.passwords.hash(password)
            for role in Role.allCases {
                try await hub.users.create(User(organisationID: railway.id, username: "rail-\(role.rawValue)", displayName: "鉄道 \(role.rawValue)", role: role), passwordHash: hash)
            }
            try await hub.users.create(User(organisationID: center.id, username: "center-admin", displayName: "統括室", role: .admin), passwordHash: hash)
            let testHub = TestHub(hub: hub, scratch: scratch, railway: railway, center: center)
            let app = Application(router: try await buildRouter(hub: hub), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
            try await app.test(setup) { client in try await body(testHub, client) }
        }
    }

    /// A signed-in browser: the session cookie and the CSRF token.
    struct Browser: Sendable {
        let cookie: String
        let csrf: String

        var headers: HTTPFields { [.cookie: "\(SessionCookie.name)=\(cookie)"] }
        var headersWithCSRF: HTTPFields {
            var headers = self.headers
            headers[CSRFMiddleware.headerName] = csrf
            headers[.contentType] = "application/json"
            return headers
        }
    }

    /// Signs in through the JSON API and returns the browser's credentials.
    func signIn(_ client: some TestClientProtocol, as username: String) async throws -> Browser {
        let body = #"{"username": "\#(username)", "password": "\#(Self.password)"}"#
        return try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { response in
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            let secret = try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
            return Browser(cookie: String(secret), csrf: try decode(SignInResponse.self, from: response).csrfToken)
        }
    }

    /// Creates an API token through the API for a signed-in browser; returns the secret.
    func createToken(_ client: some TestClientProtocol, browser: Browser, scopes: [String]) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: ["name": "test", "scopes": scopes])
        return try await client.execute(uri: "/api/v1/tokens", method: .post, headers: browser.headersWithCSRF, body: ByteBuffer(bytes: body)) { response in
            #expect(response.status == .created)
            return try decode(TokenCreatedResponse.self, from: response).token
        }
    }
}

/// Reads a JSON error body's `error.code`.
func errorCode(_ response: TestResponse) -> String? {
    try? decode(ErrorResponse.self, from: response).error.code
}

extension Data {
    init(buffer: ByteBuffer) {
        self.init(buffer.readableBytesView)
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct SessionControllerTests {
    static func attempt(_ client: some TestClientProtocol, username: String, password: String) async throws -> TestResponse {
        let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
        return try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)) { $0 }
    }

    @Test(arguments: TestEngine.allCases) func signInSetsAStrictHttpOnlyCookie(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let response = try await Self.attempt(client, username: "rail-analyst", password: TestHub.password)
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("kh_session=s_"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"), "plain HTTP in tests; Secure is set when the hub serves TLS")
            let browser = try await hub.signIn(client, as: "rail-analyst")
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""username":"rail-analyst""#))
            }
        }
    }

    @Test func secureCookieUnderTLS() {
        let cookie = SessionCookie.make(secret: "s_x", lifetime: 60, secure: true)
        #expect(cookie.description.contains("Secure") && cookie.description.contains("HttpOnly"))
    }

    @Test(arguments: TestEngine.allCases) func wrongPasswordIsRefusedAndAudited(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let response = try await Self.attempt(client, username: "rail-analyst", password: "not the password")
            #expect(response.status == .unauthorized)
            #expect(errorCode(response) == "bad-credentials")
            let actions = try await hub.hub.audit.entries().map(\.action)
            #expect(actions == ["session.signin.failed"])
        }
    }

    @Test(arguments: TestEngine.allCases) func unknownUserIsRefusedLikeAWrongPassword(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let unknown = try await Self.attempt(client, username: "no-such-user", password: "anything at all")
            let wrong = try await Self.attempt(client, username: "rail-analyst", password: "anything at all")
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(String(buffer: unknown.body) == String(buffer: wrong.body), "the answer does not tell which accounts exist")
            let decoy = try await hub.hub.passwords.decoyHash()
            #expect(decoy.hasPrefix("$2b$04$") && decoy.count == 60, "the decoy is a real bcrypt hash at the configured cost")
            #expect(try await hub.hub.passwords.decoyHash() == decoy, "made once per process")
        }
    }

    @Test(arguments: TestEngine.allCases) func repeatedFailuresLockTheAccount(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            for _ in 0..<5 {
                #expect(try await Self.attempt(client, username: "rail-viewer", password: "guess").status == .unauthorized)
            }
            let locked = try await Self.attempt(client, username: "rail-viewer", password: TestHub.password)
            #expect(locked.status == .tooManyRequests, "even the right password waits out the lock")
            #expect(errorCode(locked) == "throttled")
        }
    }

    @Test(arguments: TestEngine.allCases) func signOutEndsTheSession(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-viewer")
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: browser.headersWithCSRF) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.headers) { #expect($0.status == .unauthorized) }
        }
    }
}

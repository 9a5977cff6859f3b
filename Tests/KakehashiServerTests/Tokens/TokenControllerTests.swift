import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
import Testing

@Suite struct TokenControllerTests {
    @Test(arguments: TestEngine.allCases) func bearerAndBasicBothWork(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-analyst")
            let token = try await hub.createToken(client, browser: browser, scopes: ["read"])
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#""tokenScopes":["read"]"#))
            }
            let basic = Data("anyone:\(token)".utf8).base64EncodedString()
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Basic \(basic)"]) { #expect($0.status == .ok) }
        }
    }

    @Test(arguments: TestEngine.allCases) func revokedTokenStopsAtOnce(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-analyst")
            let token = try await hub.createToken(client, browser: browser, scopes: ["read"])
            let id = try #require(try await hub.hub.tokens.find(secret: token)?.id)
            try await client.execute(uri: "/api/v1/tokens/\(id.uuidString)", method: .delete, headers: browser.headersWithCSRF) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .unauthorized)
                #expect(errorCode(response) == "revoked-token")
            }
            let actions = try await hub.hub.audit.entries().map(\.action)
            #expect(actions.contains("token.create") && actions.contains("token.revoke"))
        }
    }

    @Test(arguments: TestEngine.allCases) func scopesLimitWhatATokenDoes(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "center-admin")
            let readOnly = try await hub.createToken(client, browser: browser, scopes: ["read"])
            let body = try JSONSerialization.data(withJSONObject: ["nameJa": "ひかり物流", "nameEn": "Hikari Logistics", "kind": "operator", "sectors": ["logistics"]])
            try await client.execute(uri: "/api/v1/organisations", method: .post, headers: [.authorization: "Bearer \(readOnly)", .contentType: "application/json"], body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response) == "insufficient-scope")
            }
            let admin = try await hub.createToken(client, browser: browser, scopes: ["admin"])
            try await client.execute(uri: "/api/v1/organisations", method: .post, headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"], body: ByteBuffer(bytes: body)) {
                #expect($0.status == .created)
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func aViewerCannotHoldWriteScope(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-viewer")
            let body = ByteBuffer(string: #"{"name": "x", "scopes": ["write"]}"#)
            try await client.execute(uri: "/api/v1/tokens", method: .post, headers: browser.headersWithCSRF, body: body) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response) == "scope-beyond-role")
            }
        }
    }

    @Test(arguments: TestEngine.allCases, [
        ("Bearer nonsense", "malformed-token"),
        ("Bearer kh_0000000000000000000000000000000000000000000", "unknown-token"),
        ("Basic !!!", "malformed-credentials"),
        ("Digest x", "unsupported-authorization"),
    ])
    func badCredentialsAreNamed(engine: TestEngine, credentials: (header: String, code: String)) async throws {
        let (header, code) = credentials
        try await TestHub.run(on: engine) { _, client in
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: header]) { response in
                #expect(response.status == .unauthorized)
                #expect(errorCode(response) == code)
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func oversizedBodyIs413(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            let body = ByteBuffer(repeating: UInt8(ascii: "a"), count: 17 * 1024 * 1024)
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorCode(response) == "body-too-large")
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func malformedJSONSaysWhere(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"username": "x"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("password"))
            }
        }
    }
}

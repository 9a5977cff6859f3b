import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import Testing

@Suite struct CSRFTests {
    @Test(arguments: TestEngine.allCases) func sessionWritesNeedTheToken(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-analyst")
            let body = ByteBuffer(string: #"{"name": "x", "scopes": ["read"]}"#)
            var headers = browser.headers
            headers[.contentType] = "application/json"
            try await client.execute(uri: "/api/v1/tokens", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response) == "csrf")
            }
            headers[CSRFMiddleware.headerName] = "c_wrong"
            try await client.execute(uri: "/api/v1/tokens", method: .post, headers: headers, body: body) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/tokens", method: .post, headers: browser.headersWithCSRF, body: body) { #expect($0.status == .created) }
        }
    }

    @Test(arguments: TestEngine.allCases) func signOutFormNeedsTheSessionToken(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-viewer")
            var headers = browser.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/signout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=c_forged")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.headers) { #expect($0.status == .ok, "a forged sign-out changes nothing") }
            try await client.execute(uri: "/signout", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(browser.csrf)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/signin")
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.headers) { #expect($0.status == .unauthorized) }
        }
    }

    @Test(arguments: TestEngine.allCases) func signInFormNeedsItsOwnToken(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { _, client in
            // The page sets a cookie and puts the same token in the form.
            let token = try await client.execute(uri: "/signin", method: .get) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly"))
                let value = try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
                #expect(String(buffer: response.body).contains(#"name="_csrf" value="\#(value)""#))
                return String(value)
            }
            let form = "username=rail-viewer&password=\(TestHub.password.replacingOccurrences(of: " ", with: "+"))&next=/"
            try await client.execute(uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form + "&_csrf=\(token)")) { response in
                #expect(response.status == .forbidden, "no cookie: a cross-site form cannot sign anyone in")
            }
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "\(SessionCookie.preSignInCSRF)=\(token)"]
            try await client.execute(uri: "/signin", method: .post, headers: headers, body: ByteBuffer(string: form + "&_csrf=\(token)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.hasPrefix("kh_session=") == true)
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func tokenRequestsNeedNoCSRF(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { hub, client in
            let browser = try await hub.signIn(client, as: "rail-admin")
            let token = try await hub.createToken(client, browser: browser, scopes: ["read", "admin"])
            let body = try JSONSerialization.data(withJSONObject: ["username": "new-user", "password": "a long enough password", "role": "viewer"])
            try await client.execute(uri: "/api/v1/users", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(bytes: body)) {
                #expect($0.status == .created)
            }
        }
    }
}

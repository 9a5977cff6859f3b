import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

@Suite struct CollectionPagesTests {
    static func form(_ browser: TestHub.Browser, _ fields: [String: String]) -> (HTTPFields, ByteBuffer) {
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = (fields.merging(["_csrf": browser.csrf]) { a, _ in a })
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }

    static func html(_ client: some TestClientProtocol, _ uri: String, _ browser: TestHub.Browser) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: browser.headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test(arguments: TestEngine.allCases) func pagesNeedASessionAndComeBackAfterSignIn(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { _, client in
            try await client.execute(uri: "/collections?q=x", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/signin?next=/collections%3Fq%3Dx")
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func sharingAnIndicatorThroughTheForm(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let browser = try await taxii.base.signIn(client, as: "rail-analyst")
            let path = "/collections/\(taxii.collection.id.uuidString.lowercased())"
            // A wrong value comes back with the error beside the field and the input kept.
            let (badHeaders, badBody) = Self.form(browser, ["kind": "ipv4", "value": "999.1.1.1", "name_ja": "不正なアドレス", "tlp": "amber"])
            try await client.execute(uri: path + "/indicators", method: .post, headers: badHeaders, body: badBody) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains("この種類の値として正しくありません"))
                #expect(page.contains(#"value="999.1.1.1""#) && page.contains("不正なアドレス"))
            }
            let (headers, body) = Self.form(browser, ["kind": "domain", "value": "evil.example.net", "name_ja": "C2ドメイン", "name_en": "C2 <script>alert(1)</script>",
                                                      "description_ja": "港湾システムへの通信先", "tlp": "green"])
            let location = try await client.execute(uri: path + "/indicators", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let (status, detail) = try await Self.html(client, location, browser)
            #expect(status == .ok)
            #expect(detail.contains("C2ドメイン") && detail.contains("港湾システムへの通信先"), "the Japanese page shows the Japanese text")
            #expect(detail.contains("[domain-name:value = &#39;evil.example.net&#39;]"), "the pattern the form built, escaped")
            #expect(!detail.contains("<script>alert(1)</script>"), "output is escaped")
            let (_, english) = try await Self.html(client, location + "?lang=en", browser)
            #expect(english.contains("C2 &lt;script&gt;"), "the English page shows the English name, escaped")

            let (_, listed) = try await Self.html(client, path + "?q=evil.example", browser)
            #expect(listed.contains("TLP:GREEN") && listed.contains("tlp-green"))
            let stored = try await taxii.base.hub.objects.count(in: taxii.collection.id)
            #expect(stored == 2, "the indicator and its Japanese language-content")
        }
    }

    @Test(arguments: TestEngine.allCases) func formsNeedTheSessionToken(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let browser = try await taxii.base.signIn(client, as: "rail-analyst")
            var headers = browser.headers
            headers[.contentType] = "application/x-www-form-urlencoded"
            let uri = "/collections/\(taxii.collection.id.uuidString.lowercased())/indicators"
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: "kind=ipv4&value=192.0.2.1&name_en=x")) { #expect($0.status == .forbidden) }
            #expect(try await taxii.base.hub.objects.count(in: taxii.collection.id) == 0)
        }
    }

    @Test(arguments: TestEngine.allCases) func pagesNeverShowWhatTLPForbids(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let red = TAXIIFixture.indicator(5, markings: [TLPLevel.red.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [red])
            let id = red["id"] as! String
            let path = "/collections/\(taxii.collection.id.uuidString.lowercased())"
            let railway = try await taxii.base.signIn(client, as: "rail-viewer")
            let center = try await taxii.base.signIn(client, as: "center-admin")
            #expect(try await Self.html(client, path, railway).1.contains(id))
            #expect(!(try await Self.html(client, path, center).1.contains(id)))
            let (status, page) = try await Self.html(client, path + "/objects/\(id)", center)
            #expect(status == .notFound && page.contains("ページが見つかりません") && !page.contains(id))
            let (outsiderStatus, _) = try await Self.html(client, "/collections/\(UUID().uuidString)", center)
            #expect(outsiderStatus == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func auditPageIsForOverseers(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let operatorAdmin = try await taxii.base.signIn(client, as: "rail-admin")
            #expect(try await Self.html(client, "/audit", operatorAdmin).0 == .notFound)
            let overseer = try await taxii.base.signIn(client, as: "center-admin")
            let (status, page) = try await Self.html(client, "/audit?action=session", overseer)
            #expect(status == .ok && page.contains("session.signin"))
            let (headers, body) = Self.form(overseer, [:])
            try await client.execute(uri: "/audit/verify", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("監査ログは改ざんされていません"))
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func languageFollowsTheChoice(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let browser = try await taxii.base.signIn(client, as: "rail-viewer")
            try await client.execute(uri: "/collections?lang=en", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<h1>Collections</h1>"))
                #expect(response.headers[.setCookie]?.contains("kh_lang=en") == true)
            }
            #expect(try await Self.html(client, "/collections", browser).1.contains("<h1>共有コレクション</h1>"))
        }
    }
}

@Suite struct DashboardTests {
    @Test(arguments: TestEngine.allCases) func dashboardChartsWhatTheViewerMaySee(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            _ = try await taxii.post(client, as: "railway", objects: (0..<3).map { TAXIIFixture.indicator($0) }
                + [TAXIIFixture.indicator(9, markings: [TLPLevel.red.markingDefinitionID])])
            let center = try await taxii.base.signIn(client, as: "center-admin")
            let (status, page) = try await CollectionPagesTests.html(client, "/", center)
            #expect(status == .ok)
            #expect(page.contains("<svg") && page.contains("<title id=\"chart-title\">"))
            #expect(page.contains("過去7日間: <strong>3</strong>"), "the RED indicator is not counted for the national office")
            let railway = try await taxii.base.signIn(client, as: "rail-viewer")
            #expect(try await CollectionPagesTests.html(client, "/", railway).1.contains("過去7日間: <strong>4</strong>"))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import KakehashiServer
import NIOCore
import Testing

@Suite struct OutboundPolicyTests {
    private func bytes(_ text: String) throws -> IPAddress { try #require(IPAddress(text)) }

    @Test(arguments: [
        ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.31.255.255", "private"), ("192.168.0.10", "private"),
        ("169.254.169.254", "cloud metadata"), ("100.64.0.1", "shared address space"), ("0.0.0.0", "this network"),
        ("224.0.0.251", "multicast"), ("255.255.255.255", "reserved"), ("::1", "loopback"), ("fe80::1", "link-local"),
        ("fd12:3456::1", "unique local"), ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("::", "unspecified"),
    ])
    func internalAddressesAreRefusedByDefault(address: String, kind: String) throws {
        let reason = try #require(OutboundPolicy.publicOnly.refusal(for: try bytes(address)))
        #expect(reason.contains(kind), "\(reason)")
    }

    @Test(arguments: ["8.8.8.8", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.4.4"])
    func publicAddressesPass(address: String) throws {
        #expect(OutboundPolicy.publicOnly.refusal(for: try bytes(address)) == nil)
    }

    @Test func anAllowedRangeOpensOnlyItself() throws {
        let policy = OutboundPolicy(allowing: [try IPNetwork("10.20.0.0/16"), try IPNetwork("fd00:1::/32")])
        #expect(policy.refusal(for: try bytes("10.20.7.9")) == nil)
        #expect(policy.refusal(for: try bytes("::ffff:10.20.7.9")) == nil)
        #expect(policy.refusal(for: try bytes("fd00:1:2::3")) == nil)
        #expect(policy.refusal(for: try bytes("10.21.0.1")) != nil)
        #expect(policy.refusal(for: try bytes("127.0.0.1")) != nil)
    }

    @Test func rangesParseOrSayWhatIsWrong() throws {
        #expect(try IPNetwork("10.1.2.3/8").description == "10.0.0.0/8")
        #expect(try IPNetwork("2001:db8::1/32").description == "2001:db8::/32")
        #expect(try IPNetwork("192.0.2.7").description == "192.0.2.7/32")
        #expect(IPAddress(bytes: [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]) == (try bytes("2001:db8::1")), "resolver bytes and text agree")
        #expect(IPAddress(bytes: [192, 0, 2, 7]) == (try bytes("192.0.2.7")))
        #expect(try IPNetwork("172.16.0.0/12").contains(try bytes("172.20.1.1")))
        #expect(!(try IPNetwork("172.16.0.0/12").contains(try bytes("172.32.1.1"))))
        #expect(!(try IPNetwork("0.0.0.0/0").contains(try bytes("::1"))), "a range never holds the other family")
        #expect(throws: IPNetworkError.self) { try IPNetwork("10.0.0.0/33") }
        do {
            _ = try IPNetwork("intranet/8")
            Issue.record("a name is not a range")
        } catch {
            #expect(error.description.contains("'intranet' is not an IPv4 or IPv6 address"))
        }
    }

    @Test func namesAreCheckedByWhatTheyResolveTo() async throws {
        await #expect(throws: OutboundRefusal.self) { try await OutboundPolicy.publicOnly.check(host: "localhost") }
        await #expect(throws: OutboundRefusal.self) { try await OutboundPolicy.publicOnly.check(host: "[::1]") }
        await #expect(throws: OutboundCallError.self) { try await OutboundPolicy.publicOnly.check(host: "no-such-host.invalid") }
        try await OutboundPolicy(allowing: [try IPNetwork("127.0.0.0/8"), try IPNetwork("::1")]).check(host: "localhost")
        #expect(throws: OutboundRefusal.self) { try OutboundPolicy.publicOnly.checkLiteral(url: URL(string: "http://LOCALHOST:8080/")!) }
        #expect(throws: OutboundRefusal.self) { try OutboundPolicy.publicOnly.checkLiteral(url: URL(string: "http://localhost.:8080/")!) }
        #expect(throws: OutboundRefusal.self) { try OutboundPolicy.publicOnly.checkLiteral(url: URL(string: "http://[fe80::1]/")!) }
        try OutboundPolicy.publicOnly.checkLiteral(url: URL(string: "https://hooks.example.jp/kakehashi")!)
    }

    @Test(arguments: TestEngine.allCases) func webhookAndFeedURLsToInternalAddressesAreRefused(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            // The tests' hub allows 127.0.0.1 alone (its receivers); everything else internal is refused.
            for url in ["http://169.254.169.254/latest/meta-data", "http://[::1]:8080/hook", "http://127.0.0.2/hook", "http://10.0.0.8/hook"] {
                let created = try await world.call(.post, "/api/v1/webhooks", as: "mlit-admin", json: ["url": url])
                #expect(created.status == .badRequest, "\(url)")
                #expect(created.body.contains("the hub does not call"), "\(created.body)")
                #expect(created.body.contains("outbound-allow"))
            }
            let feed = try await world.call(.post, "/api/v1/advisory-feeds", as: "center-admin", json: ["url": "http://192.168.1.20/kev.json"])
            #expect(feed.status == .badRequest)
            #expect(feed.body.contains("192.168.0.0/16 (private)"), "\(feed.body)")
        }
    }

    @Test(arguments: TestEngine.allCases) func aWebhookToAnAddressThePolicyRefusesIsNeverCalled(engine: TestEngine) async throws {
        let receiver = WebhookReceiver(failures: 0)
        try await receiver.serve { port in
            try await ReportingWorld.run(on: engine) { world in
                // Accepted under the tests' policy (127.0.0.1 allowed), then dispatched by a hub that allows nothing internal.
                let created = try await world.call(.post, "/api/v1/webhooks", as: "mlit-admin", json: ["url": "http://127.0.0.1:\(port)/hook"])
                #expect(created.status == .created)
                let endpoint = try created.decode(Created.self).id
                let id = try await world.createIncident()
                _ = try await world.call(.post, "/api/v1/incidents/\(id)/submissions", as: "rail-reporter", json: ["kind": "initial"])
                let strict = WebhookDispatcher(database: world.hub.database, outbound: .publicOnly, logger: TestHub.logger)

                let outcome = try await strict.runOnce(now: Date())

                #expect(outcome.failed == 1 && outcome.delivered == 0)
                #expect(await receiver.calls.isEmpty)
                let log = try await world.call(.get, "/api/v1/webhooks/\(endpoint)/deliveries", as: "mlit-admin")
                let attempt = try #require(try log.decode([WebhookAttemptResponse].self).first)
                let error = try #require(attempt.lastError)
                #expect(error.contains("127.0.0.0/8 (loopback)"), "\(error)")
            }
        }
    }

    @Test func feedRedirectsAreFollowedOnlyToAllowedAddresses() async throws {
        let router = Router()
        router.get("kev.json") { _, _ in "{\"vulnerabilities\": []}" }
        router.get("moved") { _, _ -> Response in
            Response(status: .found, headers: [.location: "/kev.json"])
        }
        router.get("to-metadata") { _, _ -> Response in
            Response(status: .temporaryRedirect, headers: [.location: "http://169.254.169.254/latest/meta-data/"])
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestHub.logger)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let policy = TestHub.testConfiguration.outbound
            let data = try await AdvisoryFeedFetcher.download("http://127.0.0.1:\(port)/moved", outbound: policy)
            #expect(String(decoding: data, as: UTF8.self).contains("vulnerabilities"))
            do {
                _ = try await AdvisoryFeedFetcher.download("http://127.0.0.1:\(port)/to-metadata", outbound: policy)
                Issue.record("the redirect to the metadata address was followed")
            } catch let refusal as OutboundRefusal {
                #expect(refusal.description.contains("169.254.0.0/16"))
            }
            await #expect(throws: OutboundRefusal.self) {
                _ = try await AdvisoryFeedFetcher.download("http://127.0.0.1:\(port)/kev.json", outbound: .publicOnly)
            }
        }
    }
}

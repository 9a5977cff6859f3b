import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// The test hub plus a transport ministry (with an officer and an administrator), jp-mlit mapped to the
/// ministry and jp-nisc to the national center, and helpers to call the reporting API as a named user.
struct ReportingWorld: Sendable {
    let test: TestHub
    let client: any TestClientProtocol
    let ministry: Organisation

    var hub: Hub { test.hub }

    static func run(on engine: TestEngine, _ body: @escaping @Sendable (ReportingWorld) async throws -> Void) async throws {
        try await TestHub.run(on: engine) { test, client in
            let hub = test.hub
            let ministry = Organisation(nameJa: "国土交通省", nameEn: "MLIT", kind: .regulator, sectors: [.railways, .ports])
            try await hub.organisations.create(ministry)
            let hash = try await hub.passwords.hash(TestHub.password)
            try await hub.users.create(User(organisationID: ministry.id, username: "mlit-officer", displayName: "国交省 担当官", role: .analyst), passwordHash: hash)
            try await hub.users.create(User(organisationID: ministry.id, username: "mlit-admin", displayName: "国交省 管理者", role: .admin), passwordHash: hash)
            let audit = AuditRecord(actorUser: "test", action: "authority.assign", clientAddress: "local")
            try await AuthorityDirectory(database: hub.database).assign("jp-mlit", to: [ministry.id], audit: audit)
            try await AuthorityDirectory(database: hub.database).assign("jp-nisc", to: [test.center.id], audit: audit)
            try await body(ReportingWorld(test: test, client: client, ministry: ministry))
        }
    }

    /// Calls the API as `username` (signed in through the JSON API, CSRF header set) and hands back the response.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, as username: String, json: Any? = nil, raw: String? = nil) async throws -> APIResponse {
        let browser = try await test.signIn(client, as: username)
        var body: ByteBuffer?
        if let json { body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)) }
        if let raw { body = ByteBuffer(string: raw) }
        return try await client.execute(uri: uri, method: method, headers: browser.headersWithCSRF, body: body) { APIResponse($0) }
    }

    /// The audit log's actions, in order.
    func auditActions() async throws -> [String] {
        try await hub.audit.entries().map(\.action)
    }

    /// A complete initial report by a railway under the action plan (recipients: jp-mlit and jp-nisc).
    static func railwayReport(contact24x7: Bool = true, shareWithISAC: Bool = false) -> [String: Any] {
        [
            "reporter": ["sectors": ["railway"], "designations": ["jp-critical-infrastructure-operator"]],
            "contacts": [["name": "CSIRT", "email": "csirt@sakura-rail.example.jp", "available24x7": contact24x7]],
            "times": ["detected": "2026-11-26T01:00:00Z", "becameAware": "2026-11-26T01:30:00Z", "timeZone": "Asia/Tokyo"],
            "category": "ransomware",
            "narrative": ["ja": "座席予約システムが暗号化された。", "en": "The seat reservation system was encrypted."],
            "serviceImpact": [["service": "Seat reservation", "state": "down"]],
            "indicators": [["type": "ipv4", "value": "198.51.100.7"]],
            "sharing": ["tlp": "amber", "shareWithISAC": shareWithISAC, "anonymise": true],
        ]
    }

    /// Creates an incident as `rail-reporter`; returns its id.
    func createIncident(_ report: [String: Any] = ReportingWorld.railwayReport()) async throws -> String {
        let created = try await call(.post, "/api/v1/incidents", as: "rail-reporter", json: report)
        #expect(created.status == .created)
        return try created.decode(Created.self).id
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// A TAXII world on top of ``TestHub``: a transport collection that the railway and the national
/// office read and write, an airport that only reads it, and an outsider that is not a member.
struct TAXIIFixture: Sendable {
    let base: TestHub
    let collection: SharingCollection
    let airport: Organisation
    let outsider: Organisation
    /// Bearer tokens with read and write scopes, by organisation name.
    let tokens: [String: String]

    static let path = "/taxii2/hub/collections"

    static func make(_ base: TestHub) async throws -> TAXIIFixture {
        let hub = base.hub
        let airport = Organisation(nameJa: "みなと空港", nameEn: "Minato Airport", kind: .operator, sectors: [.airports])
        let outsider = Organisation(nameJa: "部外者", nameEn: "Outsider Vendor", kind: .vendor)
        try await hub.organisations.create(airport)
        try await hub.organisations.create(outsider)
        let collection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber,
                                           readers: [base.railway.id, base.center.id, airport.id], writers: [base.railway.id, base.center.id])
        try await hub.collections.create(collection)
        var tokens: [String: String] = [:]
        for (name, organisation) in [("railway", base.railway), ("center", base.center), ("airport", airport), ("outsider", outsider)] {
            let user = User(organisationID: organisation.id, username: "\(name)-taxii", displayName: name, role: .analyst)
            try await hub.users.create(user, passwordHash: "unused")
            tokens[name] = try await hub.tokens.create(userID: user.id, name: "taxii", scopes: [.read, .write], expiresAt: nil).secret.value
        }
        return TAXIIFixture(base: base, collection: collection, airport: airport, outsider: outsider, tokens: tokens)
    }

    var objectsPath: String { "\(Self.path)/\(collection.id.uuidString.lowercased())/objects/" }

    func headers(_ who: String, contentType: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(tokens[who]!)", .accept: TAXIIMediaType.taxii]
        if contentType { headers[.contentType] = TAXIIMediaType.taxii }
        return headers
    }

    /// Posts an envelope as `who` and returns the status resource.
    func post(_ client: some TestClientProtocol, as who: String, objects: [[String: Any]]) async throws -> TAXIIStatusResource {
        let body = try JSONSerialization.data(withJSONObject: ["objects": objects])
        return try await client.execute(uri: objectsPath, method: .post, headers: headers(who, contentType: true), body: ByteBuffer(bytes: body)) { response in
            #expect(response.status == .accepted)
            #expect(response.headers[.contentType] == TAXIIMediaType.taxii)
            return try decode(TAXIIStatusResource.self, from: response)
        }
    }

    /// GETs a TAXII resource as `who` and returns the reply to decode.
    func get(_ client: some TestClientProtocol, _ uri: String, as who: String) async throws -> TAXIIReply {
        try await client.execute(uri: uri, method: .get, headers: headers(who)) { response in
            TAXIIReply(status: response.status, headers: response.headers, data: Data(buffer: response.body))
        }
    }

    /// A valid indicator; `modified` makes further versions of the same id.
    static func indicator(_ n: Int, id: String? = nil, modified: String = "2026-11-20T00:00:00.000Z", markings: [String]? = nil, extensions: [String: Any]? = nil) -> [String: Any] {
        var object: [String: Any] = [
            "type": "indicator", "spec_version": "2.1",
            "id": id ?? "indicator--\(UUID().uuidString.lowercased())",
            "created": "2026-11-20T00:00:00.000Z", "modified": modified,
            "name": "attacker address \(n)", "indicator_types": ["malicious-activity"],
            "pattern": "[ipv4-addr:value = '198.51.100.\(n % 250)']", "pattern_type": "stix",
            "valid_from": "2026-11-20T00:00:00Z",
            "x_kakehashi_note": "custom properties survive",
        ]
        if let markings { object["object_marking_refs"] = markings }
        if let extensions { object["extensions"] = extensions }
        return object
    }

    static func run(on engine: TestEngine, setup: TestingSetup = .router, _ body: @escaping @Sendable (TAXIIFixture, any TestClientProtocol) async throws -> Void) async throws {
        try await TestHub.run(on: engine, setup: setup) { base, client in
            try await body(try await make(base), client)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// The test hub with what a peer declaration names: a collection (alias `transport`) and the organisation
/// standing for the Financial ISAC's hub; and helpers to call `/api/v1/peers` as a signed-in user.
struct PeerWorld: Sendable {
    let base: TestHub
    let collection: SharingCollection
    let isac: Organisation

    static func run(on engine: TestEngine, _ body: @escaping @Sendable (PeerWorld, any TestClientProtocol) async throws -> Void) async throws {
        try await TestHub.run(on: engine) { base, client in
            let isac = Organisation(nameJa: "金融ISAC", nameEn: "Financial ISAC", kind: .isac)
            try await base.hub.organisations.create(isac)
            let collection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber, readers: [base.railway.id, isac.id], writers: [base.railway.id, isac.id])
            try await base.hub.collections.create(collection)
            try await body(PeerWorld(base: base, collection: collection, isac: isac), client)
        }
    }

    /// A declaration body the hub accepts.
    static func declaration(name: String = "financial-isac", _ changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "name": name, "kind": "kakehashi", "apiRoot": "https://fin-isac.example/taxii2/hub/", "collection": "transport",
            "localCollection": "transport", "organisation": "Financial ISAC", "direction": "both", "tlpCap": "amber", "sameCommunity": true,
            "unmarkedDefault": "amber", "intervalSeconds": 30, "credential": "env:FIN_ISAC_TOKEN",
        ]
        for (key, value) in changes { body[key] = value }
        return body
    }

    func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as username: String, body: [String: Any]? = nil) async throws -> APIResponse {
        let browser = try await base.signIn(client, as: username)
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await client.execute(uri: uri, method: method, headers: browser.headersWithCSRF, body: data.map { ByteBuffer(bytes: $0) }) { APIResponse($0) }
    }
}

/// A peer as `/api/v1/peers` answers (`PeerController.PeerView`).
struct PeerResponse: Decodable {
    struct State: Decodable {
        let lastSuccessAt: String?
        let lastError: String?
        let consecutiveFailures: Int
        let sent: Int
        let received: Int
        let refused: Int
        let lagObjects: Int
        let lagSeconds: Double
    }

    struct Refusal: Decodable {
        let direction: String
        let objectID: String
        let code: String
        let reason: String
    }

    struct Deletion: Decodable {
        let objectID: String
        let reason: String?
    }

    let id: String
    let name: String
    let kind: String
    let apiRoot: String
    let collection: String
    let localCollection: String
    let organisation: String
    let direction: String
    let tlpCap: String
    let sameCommunity: Bool
    let unmarkedDefault: String
    let intervalSeconds: Int
    let paused: Bool
    let credential: String
    let state: State
    let refusals: [Refusal]?
    let refusedDeletions: [Deletion]?
}

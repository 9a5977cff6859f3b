import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// Two real hubs on their own scratch databases (`local` on the engine under test, `remote` on SQLite): `remote`, served live on a loopback port (its TAXII API
/// is the peer), and `local`, whose federation engine the tests drive. `remote` knows `local` as the
/// organisation "Local Hub", a reader and writer of its transport collection, with an API token that
/// `local` reads from a credential file.
struct FederationWorld: Sendable {
    let local: Hub
    let remote: Hub
    let remotePort: Int
    /// The local collection peers feed and are fed from (default AMBER), and the organisation standing for the remote hub.
    let localCollection: SharingCollection
    let localOperator: Organisation
    let remoteStandIn: Organisation
    /// The remote collection (default AMBER) and its own writer organisation.
    let remoteCollection: SharingCollection
    let remoteOperator: Organisation
    let credentialFile: String

    static func run(on engine: TestEngine, _ body: @escaping @Sendable (FederationWorld) async throws -> Void) async throws {
        try await engine.withScratchDatabase(logger: TestHub.logger) { localScratch in
            // The remote hub is on SQLite whatever the engine: two PostgreSQL scratch databases per test, taken one
            // after the other, could exhaust the shared limit of eight while each test waits for its second.
            try await TestEngine.sqlite.withScratchDatabase(logger: TestHub.logger) { remoteScratch in
                var configuration = TestHub.testConfiguration
                configuration.federation = nil
                let local = Hub(configuration: configuration, database: localScratch.database)
                let remote = Hub(configuration: configuration, database: remoteScratch.database)

                let localOperator = Organisation(nameJa: "ローカル鉄道", nameEn: "Local Railway", kind: .operator, sectors: [.railways])
                let remoteStandIn = Organisation(nameJa: "遠隔ハブ", nameEn: "Remote Hub", kind: .isac)
                for organisation in [localOperator, remoteStandIn] { try await local.organisations.create(organisation) }
                let localCollection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber,
                                                        readers: [localOperator.id, remoteStandIn.id], writers: [localOperator.id, remoteStandIn.id])
                try await local.collections.create(localCollection)

                let remoteOperator = Organisation(nameJa: "遠隔空港", nameEn: "Remote Airport", kind: .operator, sectors: [.airports])
                let localStandIn = Organisation(nameJa: "ローカルハブ", nameEn: "Local Hub", kind: .isac)
                for organisation in [remoteOperator, localStandIn] { try await remote.organisations.create(organisation) }
                let remoteCollection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber,
                                                         readers: [remoteOperator.id, localStandIn.id], writers: [remoteOperator.id, localStandIn.id])
                try await remote.collections.create(remoteCollection)
                let user = User(organisationID: localStandIn.id, username: "local-hub", displayName: "Local Hub", role: .analyst)
                try await remote.users.create(user, passwordHash: "unused")
                let token = try await remote.tokens.create(userID: user.id, name: "federation", scopes: [.read, .write], expiresAt: nil).secret.value
                let credentialFile = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-peer-\(UUID().uuidString)").path
                try Data((token + "\n").utf8).write(to: URL(fileURLWithPath: credentialFile))
                defer { try? FileManager.default.removeItem(atPath: credentialFile) }

                let app = Application(router: try await buildRouter(hub: remote), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestHub.logger)
                try await app.test(.live) { client in
                    let world = FederationWorld(local: local, remote: remote, remotePort: try #require(client.port), localCollection: localCollection,
                                                localOperator: localOperator, remoteStandIn: remoteStandIn, remoteCollection: remoteCollection,
                                                remoteOperator: remoteOperator, credentialFile: credentialFile)
                    try await body(world)
                }
            }
        }
    }

    /// Declares the remote hub's TAXII API as a peer of the local hub.
    func declareRemote(name: String = "remote", direction: Peer.Direction = .both, tlpCap: TLPLevel = .green, unmarkedDefault: TLPLevel = .amber) async throws -> Peer {
        let peer = Peer(name: name, kind: .taxii, apiRoot: "http://127.0.0.1:\(remotePort)/taxii2/hub/", remoteCollection: remoteCollection.id.uuidString.lowercased(),
                        credential: .file(credentialFile), direction: direction, localCollection: localCollection.id, organisation: remoteStandIn.id,
                        tlpCap: tlpCap, unmarkedDefault: unmarkedDefault, intervalSeconds: 1)
        try await local.peers.create(peer)
        return peer
    }

    /// The exchanger the federation service would run for `peer` (a new one is what a restart makes).
    func exchanger(_ peer: Peer, settings: FederationSettings = FederationSettings(pullPageSize: 3, pushPageSize: 2, pullOverlap: .milliseconds(1))) async throws -> PeerExchanger {
        PeerExchanger(hub: local, peer: peer, settings: settings, hubID: try await local.identity.identity().hubID, applyNotices: FederationService.applyingDeletions(hub: local), logger: TestHub.logger)
    }

    /// Stores objects in `hub`'s `collection` as `producer` shared them.
    static func share(_ objects: [[String: Any]], in hub: Hub, _ collection: SharingCollection, by producer: Organisation) async throws {
        let values = try objects.map { try JSONValue.parse(try JSONSerialization.data(withJSONObject: $0)) }
        let valid = try STIXValidator.forHub.objects(values).map { try $0.get() }
        _ = try await hub.objects.add(valid, to: collection, producer: producer.id, audit: nil, status: nil)
    }

    /// Every version stored in `hub`'s `collection` (id and version text), with the peer each came from.
    static func inventory(_ hub: Hub, _ collection: SharingCollection) async throws -> [OutboundVersion] {
        try await hub.federation.outbound(in: collection, after: 0, limit: 100_000).versions
    }

    static func marked(_ n: Int, _ level: TLPLevel?, modified: String = "2026-11-20T00:00:00.000Z", id: String? = nil) -> [String: Any] {
        TAXIIFixture.indicator(n, id: id, modified: modified, markings: level.map { [$0.markingDefinitionID] })
    }
}

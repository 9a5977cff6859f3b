import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct PeerRepositoryTests {
    static func world(_ database: HubDatabase) async throws -> (collection: SharingCollection, isac: Organisation) {
        let isac = Organisation(nameJa: "金融ISAC", nameEn: "Financial ISAC", kind: .isac, sectors: [])
        try await OrganisationRepository(database: database).create(isac)
        let collection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .amber, readers: [isac.id], writers: [isac.id])
        try await CollectionRepository(database: database).create(collection)
        return (collection, isac)
    }

    @Test(arguments: TestEngine.allCases)
    func declaredPeersAreKeptWithTheirStateAndRemovedWithIt(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (collection, isac) = try await Self.world(database)
            let peers = PeerRepository(database: database)
            let peer = Peer(name: "financial-isac", kind: .kakehashi, apiRoot: "https://fin-isac.example/taxii2/hub/", remoteCollection: "transport",
                            credential: .environment("FIN_ISAC_TOKEN"), direction: .both, localCollection: collection.id, organisation: isac.id,
                            tlpCap: .amber, sameCommunity: true, intervalSeconds: 30, createdAt: Date(timeIntervalSince1970: 1_790_000_000))
            try await peers.create(peer)
            #expect(try await peers.find(id: peer.id) == peer)
            #expect(try await peers.find(name: "financial-isac") == peer)
            #expect(try await peers.peers(standingFor: isac.id) == [peer])
            #expect(try await peers.state(of: peer.id) == PeerExchangeState())

            await #expect { try await peers.create(Peer(name: "financial-isac", kind: .taxii, apiRoot: "https://other.example/api/", remoteCollection: "x",
                                                        direction: .pull, localCollection: collection.id, organisation: isac.id)) }
                throws: { ($0 as? StorageError)?.code == .conflict }
            await #expect { try await peers.create(Peer(name: "nowhere", kind: .taxii, apiRoot: "https://other.example/api/", remoteCollection: "x",
                                                        direction: .pull, localCollection: UUID(), organisation: isac.id)) }
                throws: { ($0 as? StorageError)?.code == .notFound }
            await #expect { try await peers.create(Peer(name: "wide", kind: .taxii, apiRoot: "https://other.example/api/", remoteCollection: "x",
                                                        direction: .push, localCollection: collection.id, organisation: isac.id, tlpCap: .amber)) }
                throws: { ($0 as? PeerDeclarationError)?.field == "tlp_cap" }

            try await peers.setPaused(id: peer.id, true)
            #expect(try await peers.find(id: peer.id)?.paused == true)

            try await peers.recordFailure(peer: peer.id, reason: "connection refused", at: Date(timeIntervalSince1970: 1_790_000_100))
            try await peers.recordFailure(peer: peer.id, reason: "HTTP 503", at: Date(timeIntervalSince1970: 1_790_000_200))
            var state = try await peers.state(of: peer.id)
            #expect(state.consecutiveFailures == 2 && state.lastError == "HTTP 503")
            try await peers.recordSuccess(peer: peer.id, sent: 5, received: 7, lagObjects: 3, lagSeconds: 1.5, at: Date(timeIntervalSince1970: 1_790_000_300))
            try await peers.record([PeerRefusal(peerID: peer.id, direction: .inbound, objectID: "indicator--1", version: "2026-01-01T00:00:00.000Z",
                                                code: "above-cap", reason: "TLP:AMBER is above the peer's cap TLP:GREEN")])
            state = try await peers.state(of: peer.id)
            #expect(state.consecutiveFailures == 0 && state.sent == 5 && state.received == 7 && state.refused == 1 && state.lagObjects == 3)
            #expect(state.lastSuccessAt == Date(timeIntervalSince1970: 1_790_000_300))
            #expect(try await peers.refusals(of: peer.id).map(\.code) == ["above-cap"])

            #expect(try await peers.remove(id: peer.id))
            #expect(try await peers.find(id: peer.id) == nil)
            #expect(try await peers.remove(id: peer.id) == false)
            await #expect { try await peers.state(of: peer.id) } throws: { ($0 as? StorageError)?.code == .notFound }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func theHubIdentityIsMadeOnceAndKept(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let identity = HubIdentityRepository(database: database)
            async let first = identity.identity()
            async let second = HubIdentityRepository(database: database).identity()
            let (a, b) = try await (first, second)
            #expect(a.hubID == b.hubID)
            #expect(a.hubID.hasPrefix("hub--"))
            #expect(try await identity.identity().publicKey == a.publicKey)
        }
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct FederationRepositoryTests {
    static func object(_ id: String, modified: String = "2026-11-20T00:00:00.000Z", marking: TLPLevel? = nil) throws -> STIXObject {
        var members: [String: JSONValue] = [
            "type": "indicator", "spec_version": "2.1", "id": .string(id), "created": "2026-11-20T00:00:00.000Z", "modified": .string(modified),
            "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']", "valid_from": "2026-11-20T00:00:00Z",
        ]
        if let marking { members["object_marking_refs"] = [.string(marking.markingDefinitionID)] }
        return try STIXValidator().object(from: .object(members))
    }

    @Test(arguments: TestEngine.allCases)
    func receivedVersionsKeepTheirProvenanceBesideThemAndRepeatsAreNoOps(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (collection, isac) = try await PeerRepositoryTests.world(database)
            let peers = PeerRepository(database: database)
            let peer = Peer(name: "fin", kind: .kakehashi, apiRoot: "https://fin.example/taxii2/hub/", remoteCollection: "c", direction: .both,
                            localCollection: collection.id, organisation: isac.id)
            try await peers.create(peer)
            let objects = STIXObjectRepository(database: database)
            let federation = FederationRepository(database: database, objects: objects)
            let a = "indicator--6b1e0d8e-2f0c-4c1e-9a55-6f3c6c1b2a01", b = "indicator--6b1e0d8e-2f0c-4c1e-9a55-6f3c6c1b2a02"
            let first = try await federation.receive(
                [FederatedVersion(object: try Self.object(a, marking: .green), chain: ["hub--origin", "hub--fin"]),
                 FederatedVersion(object: try Self.object(b))],
                refusals: [PeerRefusal(peerID: peer.id, direction: .inbound, objectID: "indicator--x", version: nil, code: "invalid", reason: "no pattern")],
                from: peer, into: collection, cursors: .init(objects: "2026-11-20T00:00:01.000Z", deletions: 4), audit: nil)
            #expect(first.fresh.count == 2)
            // The same versions again, from the ring's other side: nothing stored, provenance unchanged.
            let again = try await federation.receive([FederatedVersion(object: try Self.object(a, marking: .green), chain: ["hub--other"])],
                                                     refusals: [], from: peer, into: collection, audit: nil)
            #expect(again.fresh.isEmpty && again.duplicates == 1)
            let provenance = try await federation.provenance(of: a, in: collection.id)
            #expect(provenance.count == 1 && provenance.first?.chain == ["hub--origin", "hub--fin"] && provenance.first?.peer == peer.id)

            let state = try await peers.state(of: peer.id)
            #expect(state.received == 2 && state.refused == 1 && state.pullCursor == "2026-11-20T00:00:01.000Z" && state.pullDeletionCursor == 4)

            // A version made here has no chain and no source peer; the egress subject carries the object's own marking.
            let local = try Self.object("indicator--6b1e0d8e-2f0c-4c1e-9a55-6f3c6c1b2a03", marking: .amber)
            _ = try await objects.add([local], to: collection, producer: isac.id, audit: nil)
            let page = try await federation.outbound(in: collection, after: 0, limit: 2)
            #expect(page.more && page.versions.count == 2)
            let all = try await federation.outbound(in: collection, after: 0, limit: 10).versions
            #expect(all.map(\.objectID) == [a, b, local.id])
            #expect(all[0].subject.marked == .green && all[0].subject.chain == ["hub--origin", "hub--fin"] && all[0].sourcePeer == peer.id)
            #expect(all[1].subject.marked == nil && all[1].subject.level == .amber, "unmarked takes the collection's default")
            #expect(all[2].subject.marked == .amber && all[2].subject.chain.isEmpty && all[2].sourcePeer == nil)
            let rest = try await federation.outbound(in: collection, after: all[1].dateAdded, limit: 10).versions
            #expect(rest.map(\.objectID) == [local.id])
            #expect(try await federation.pending(in: collection.id, after: all[0].dateAdded).count == 2)

            try await federation.advancePush(peer: peer.id, to: all[2].dateAdded, sent: 2,
                                             refusals: [PeerRefusal(peerID: peer.id, direction: .outbound, objectID: local.id, version: nil, code: "amber-outside-community", reason: "r")],
                                             audit: nil)
            let pushed = try await peers.state(of: peer.id)
            #expect(pushed.pushCursor == all[2].dateAdded && pushed.sent == 2 && pushed.refused == 2)
        }
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct FederationDeletionTests {
    struct World {
        let database: HubDatabase
        let producer: Organisation
        let isac: Organisation
        let collection: SharingCollection
        /// A Kakehashi hub that pushes and pulls the collection (it stands as `isac`).
        let hubPeer: Peer
        /// A foreign TAXII server the collection is pushed to.
        let medallion: Peer
        var objects: STIXObjectRepository { STIXObjectRepository(database: database) }
        var federation: FederationRepository { FederationRepository(database: database, objects: objects) }
    }

    static func world(_ database: HubDatabase) async throws -> World {
        let producer = Organisation(nameJa: "鉄道", nameEn: "Rail", kind: .operator, sectors: [.railways])
        let isac = Organisation(nameJa: "金融ISAC", nameEn: "Financial ISAC", kind: .isac, sectors: [])
        try await OrganisationRepository(database: database).create(producer)
        try await OrganisationRepository(database: database).create(isac)
        let collection = SharingCollection(title: "Transport", alias: "transport", defaultTLP: .green, readers: [producer.id, isac.id], writers: [producer.id, isac.id])
        try await CollectionRepository(database: database).create(collection)
        let hubPeer = Peer(name: "financial-isac", kind: .kakehashi, apiRoot: "http://127.0.0.1:9/taxii2/hub/", remoteCollection: "transport",
                           direction: .both, localCollection: collection.id, organisation: isac.id, unmarkedDefault: .green)
        let medallion = Peer(name: "medallion", kind: .taxii, apiRoot: "http://127.0.0.1:9/api1/", remoteCollection: "91a7b528-80eb-42ed-a74d-c6fbd5a26116",
                             direction: .push, localCollection: collection.id, organisation: isac.id, unmarkedDefault: .green)
        let peers = PeerRepository(database: database)
        try await peers.create(hubPeer)
        try await peers.create(medallion)
        return World(database: database, producer: producer, isac: isac, collection: collection, hubPeer: hubPeer, medallion: medallion)
    }

    static func indicator(id: String = "indicator--\(UUID().uuidString.lowercased())", modified: String = "2026-11-20T00:00:00.000Z", level: TLPLevel = .green) throws -> STIXObject {
        let members: [String: JSONValue] = [
            "type": "indicator", "spec_version": "2.1", "id": .string(id), "created": "2026-11-20T00:00:00.000Z", "modified": .string(modified),
            "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']", "valid_from": "2026-11-20T00:00:00Z",
            "object_marking_refs": [.string(level.markingDefinitionID)],
        ]
        return try STIXValidator().object(from: .object(members))
    }

    static func storedIDs(_ world: World) async throws -> Set<String> {
        let page = try await world.objects.page(STIXObjectQuery(versions: .every), in: world.collection.id, viewer: STIXViewer(organisation: world.producer), withJSON: false)
        return Set(page.objects.map(\.objectID))
    }

    @Test(arguments: TestEngine.allCases)
    func deletingTheLastVersionOfAnObjectMadeHereKeepsASignedNotice(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let identity = try await HubIdentityRepository(database: database).identity()
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let first = try Self.indicator(id: id), second = try Self.indicator(id: id, modified: "2026-11-21T00:00:00.000Z")
            _ = try await world.objects.add([first, second], to: world.collection, producer: world.producer.id, audit: nil)
            let producer = STIXViewer(organisation: world.producer)

            await #expect { try await world.federation.delete(objectID: id, versions: .every, in: world.collection, by: STIXViewer(organisation: world.isac),
                                                              administrator: false, identity: identity, audit: nil) }
                throws: { ($0 as? StorageError)?.code == .conflict }
            let one = try await world.federation.delete(objectID: id, versions: VersionSelection(first: true), in: world.collection, by: producer,
                                                        administrator: false, identity: identity, audit: nil)
            #expect(one == 1)
            #expect(try await world.federation.deletions(in: world.collection.id, after: 0, limit: 10).deletions.isEmpty, "a version remains: no notice yet")

            let rest = try await world.federation.delete(objectID: id, versions: .every, in: world.collection, by: producer, administrator: false,
                                                         identity: identity, audit: AuditRecord(action: "taxii.object.delete"))
            #expect(rest == 1)
            let page = try await world.federation.deletions(in: world.collection.id, after: 0, limit: 10)
            let kept = try #require(page.deletions.first)
            #expect(page.deletions.count == 1 && !page.more)
            #expect(kept.notice.objectID == id && kept.notice.originHub == identity.hubID)
            try kept.notice.verify()
            #expect(try await world.federation.pendingDeletions(for: world.medallion.id) == [id], "the foreign push peer is owed a TAXII DELETE")
            #expect(try await world.federation.pendingDeletions(for: world.hubPeer.id).isEmpty, "a Kakehashi peer follows the notice instead")
            let audit = try await AuditLog(database: database).entries()
            #expect(audit.last?.details.contains(#""deletion_sequence":"\#(kept.sequence)""#) == true, "the notice commits with the deletion's audit entry")

            try await world.federation.markDeletion(for: world.medallion.id, objectID: id, .refused, reason: "HTTP 403: deleting is not allowed")
            #expect(try await world.federation.pendingDeletions(for: world.medallion.id).isEmpty)
            #expect(try await world.federation.deletions(for: world.medallion.id).map(\.state) == [.refused])

            // A second object: the sequence goes on, and the page after the first notice holds only the second.
            let other = try Self.indicator()
            _ = try await world.objects.add([other], to: world.collection, producer: world.producer.id, audit: nil)
            _ = try await world.federation.delete(objectID: other.id, versions: .every, in: world.collection, by: producer, administrator: false, identity: identity, audit: nil)
            let next = try await world.federation.deletions(in: world.collection.id, after: kept.sequence, limit: 10).deletions
            #expect(next.map(\.notice.objectID) == [other.id] && next[0].sequence > kept.sequence)

            // RED never left the hub: deleting it tells no peer, not even its id.
            let red = try Self.indicator(level: .red)
            _ = try await world.objects.add([red], to: world.collection, producer: world.producer.id, audit: nil)
            #expect(try await world.federation.delete(objectID: red.id, versions: .every, in: world.collection, by: producer, administrator: false, identity: identity, audit: nil) == 1)
            #expect(try await world.federation.deletions(in: world.collection.id, after: next[0].sequence, limit: 10).deletions.isEmpty)
            #expect(try await world.federation.pendingDeletions(for: world.medallion.id).count == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aReceivedObjectDeletedByAnAdministratorMakesNoNotice(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let identity = try await HubIdentityRepository(database: database).identity()
            let origin = HubIdentity()
            let object = try Self.indicator()
            try await world.federation.receive([FederatedVersion(object: object, chain: [origin.hubID])], refusals: [], from: world.hubPeer, into: world.collection, audit: nil)
            let producer = STIXViewer(organisation: world.producer)
            await #expect { try await world.federation.delete(objectID: object.id, versions: .every, in: world.collection, by: producer, administrator: false,
                                                              identity: identity, audit: nil) }
                throws: { ($0 as? StorageError)?.code == .conflict }
            let deleted = try await world.federation.delete(objectID: object.id, versions: .every, in: world.collection, by: producer, administrator: true,
                                                            identity: identity, audit: nil)
            #expect(deleted == 1)
            #expect(try await Self.storedIDs(world).isEmpty)
            #expect(try await world.federation.deletions(in: world.collection.id, after: 0, limit: 10).deletions.isEmpty, "only the origin speaks for the object")
            #expect(try await world.federation.provenance(of: object.id, in: world.collection.id).isEmpty, "the deleted version's provenance goes with it")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aVerifiedNoticeFromTheOriginDeletesEveryVersion(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let origin = HubIdentity()
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let versions = try [Self.indicator(id: id), Self.indicator(id: id, modified: "2026-11-21T00:00:00.000Z")]
            try await world.federation.receive(versions.map { FederatedVersion(object: $0, chain: [origin.hubID, "hub--relay"]) }, refusals: [],
                                               from: world.hubPeer, into: world.collection, audit: nil)
            let notice = origin.deletionNotice(objectID: id, deletedAt: Date(timeIntervalSince1970: 1_790_000_000))

            let outcome = try await world.federation.applyDeletion(notice, from: world.hubPeer, into: world.collection, audit: AuditRecord(action: "federation.deletion.apply"))
            #expect(outcome == .applied(versions: 2))
            #expect(try await Self.storedIDs(world).isEmpty)
            let kept = try await world.federation.deletions(in: world.collection.id, after: 0, limit: 10).deletions
            #expect(kept.map(\.notice) == [notice], "the notice is kept unchanged, to travel on")
            #expect(try await world.federation.pendingDeletions(for: world.medallion.id) == [id])
            #expect(try await world.federation.applyDeletion(notice, from: world.hubPeer, into: world.collection, audit: nil) == .alreadyKnown)

            // A notice for an object that never arrived is kept all the same.
            let unseen = origin.deletionNotice(objectID: "indicator--\(UUID().uuidString.lowercased())", deletedAt: Date())
            #expect(try await world.federation.applyDeletion(unseen, from: world.hubPeer, into: world.collection, audit: nil) == .applied(versions: 0))
            #expect(try await world.federation.deletions(in: world.collection.id, after: kept[0].sequence, limit: 10).deletions.map(\.notice) == [unseen])

            // A pulled page of notices only moves the cursors; the push cursor of notices moves on its own.
            try await world.federation.receive([], refusals: [], from: world.hubPeer, into: world.collection,
                                               cursors: FederationRepository.PullCursors(objects: "1790000000000001", deletions: 9), audit: nil)
            try await world.federation.advancePushDeletions(peer: world.hubPeer.id, to: kept[0].sequence)
            let state = try await PeerRepository(database: database).state(of: world.hubPeer.id)
            #expect(state.pullCursor == "1790000000000001" && state.pullDeletionCursor == 9 && state.pushDeletionCursor == kept[0].sequence)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aForgedOrWrongOriginNoticeIsRefusedAndChangesNothing(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let origin = HubIdentity(), impostor = HubIdentity()
            let received = try Self.indicator(), local = try Self.indicator()
            try await world.federation.receive([FederatedVersion(object: received, chain: [origin.hubID])], refusals: [], from: world.hubPeer, into: world.collection, audit: nil)
            _ = try await world.objects.add([local], to: world.collection, producer: world.producer.id, audit: nil)

            var forged = origin.deletionNotice(objectID: received.id, deletedAt: Date())
            forged.deletedAt = "2026-01-01T00:00:00.000000Z"
            var borrowed = impostor.deletionNotice(objectID: received.id, deletedAt: Date())
            borrowed.originHub = origin.hubID
            for (notice, why) in [(forged, "a changed notice"), (borrowed, "another hub's key"),
                                  (impostor.deletionNotice(objectID: received.id, deletedAt: Date()), "a hub that is not the origin"),
                                  (origin.deletionNotice(objectID: local.id, deletedAt: Date()), "an object made here")] {
                await #expect(throws: FederationError.self, "\(why) is refused") {
                    try await world.federation.applyDeletion(notice, from: world.hubPeer, into: world.collection, audit: nil)
                }
            }
            #expect(try await Self.storedIDs(world) == [received.id, local.id])
            #expect(try await world.federation.deletions(in: world.collection.id, after: 0, limit: 10).deletions.isEmpty)
            #expect(try await world.federation.pendingDeletions(for: world.medallion.id).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func theKeptNoticeStopsTheObjectComingBackFromItsOrigin(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let origin = HubIdentity()
            let object = try Self.indicator()
            let version = FederatedVersion(object: object, chain: [origin.hubID, "hub--relay"])
            try await world.federation.receive([version], refusals: [], from: world.hubPeer, into: world.collection, audit: nil)
            try await world.federation.applyDeletion(origin.deletionNotice(objectID: object.id, deletedAt: Date()), from: world.hubPeer, into: world.collection, audit: nil)

            let newer = FederatedVersion(object: try Self.indicator(id: object.id, modified: "2026-11-25T00:00:00.000Z"), chain: [origin.hubID])
            let unchained = FederatedVersion(object: object, chain: [])
            let bystander = FederatedVersion(object: try Self.indicator(), chain: [origin.hubID])
            let outcome = try await world.federation.receive([version, newer, unchained, bystander], refusals: [], from: world.hubPeer, into: world.collection, audit: nil)
            #expect(outcome.fresh.map(\.id) == [bystander.object.id], "only the object nobody deleted is stored")
            #expect(try await Self.storedIDs(world) == [bystander.object.id])
            let refusals = try await PeerRepository(database: database).refusals(of: world.hubPeer.id)
            #expect(refusals.count == 3 && refusals.allSatisfy { $0.code == FederationRepository.deletedAtOrigin && $0.direction == .inbound })
            #expect(try await PeerRepository(database: database).state(of: world.hubPeer.id).refused == 3)
        }
    }
}

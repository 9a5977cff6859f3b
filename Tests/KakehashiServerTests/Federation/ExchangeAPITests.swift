import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// The Kakehashi ↔ Kakehashi exchange as a calling hub sees it: what a pull is given, what a push stores.
@Suite struct ExchangeAPITests {
    /// The TAXII world plus a Kakehashi peer (the Financial ISAC's hub) declared for the transport collection.
    struct World: Sendable {
        let taxii: TAXIIFixture
        let isac: Organisation
        let peer: Peer
        /// The ISAC hub's token (read and write).
        let token: String
        /// The ISAC hub's id, as it sends it.
        let callerHub: String
        var hub: Hub { taxii.base.hub }
        var path: String { "/api/v1/federation/collections/\(taxii.collection.id.uuidString.lowercased())/exchange" }

        func headers(_ token: String? = nil) -> HTTPFields {
            [.authorization: "Bearer \(token ?? self.token)", ExchangeController.hubIDHeader: callerHub, .contentType: "application/json"]
        }
    }

    static func run(direction: Peer.Direction = .both, _ body: @escaping @Sendable (World, any TestClientProtocol) async throws -> Void) async throws {
        for engine in TestEngine.allCases {
            try await TAXIIFixture.run(on: engine) { taxii, client in
                let hub = taxii.base.hub
                let isac = Organisation(nameJa: "金融ISAC", nameEn: "Financial ISAC", kind: .isac)
                try await hub.organisations.create(isac)
                let user = User(organisationID: isac.id, username: "fin-isac-hub", displayName: "金融ISAC hub", role: .analyst)
                try await hub.users.create(user, passwordHash: "unused")
                let token = try await hub.tokens.create(userID: user.id, name: "exchange", scopes: [.read, .write], expiresAt: nil).secret.value
                let peer = Peer(name: "financial-isac", kind: .kakehashi, apiRoot: "http://127.0.0.1:9/taxii2/hub/", remoteCollection: "transport",
                                direction: direction, localCollection: taxii.collection.id, organisation: isac.id, tlpCap: .green, sameCommunity: true,
                                unmarkedDefault: .amber)
                try await hub.peers.create(peer)
                try await body(World(taxii: taxii, isac: isac, peer: peer, token: token, callerHub: HubIdentity().hubID), client)
            }
        }
    }

    struct PullPage: Decodable {
        struct Item: Decodable {
            let dateAdded: Int64
            let chain: [String]
            let object: JSONValue
            enum CodingKeys: String, CodingKey { case dateAdded = "date_added", chain, object }
        }
        struct Deletion: Decodable {
            let sequence: Int64
            let notice: DeletionNotice
        }
        let hubID: String
        let items: [Item]
        let nextAfter: Int64
        let more: Bool
        let deletions: [Deletion]
        let nextDeletionsAfter: Int64
        enum CodingKeys: String, CodingKey {
            case hubID = "hub_id", items, nextAfter = "next_after", more, deletions, nextDeletionsAfter = "next_deletions_after"
        }
    }

    struct PushAnswer: Decodable {
        struct Refused: Decodable {
            let id: String
            let version: String?
            let code: String
            let reason: String
        }
        struct RefusedDeletion: Decodable {
            let objectID: String
            let reason: String
            enum CodingKeys: String, CodingKey { case objectID = "object_id", reason }
        }
        let stored: Int
        let duplicates: Int
        let refused: [Refused]
        let deletionsApplied: Int
        let deletionsRefused: [RefusedDeletion]
        enum CodingKeys: String, CodingKey {
            case stored, duplicates, refused, deletionsApplied = "deletions_applied", deletionsRefused = "deletions_refused"
        }
    }

    static func pull(_ world: World, _ client: some TestClientProtocol, query: String) async throws -> PullPage {
        try await client.execute(uri: world.path + "?" + query, method: .get, headers: world.headers()) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            return try decode(PullPage.self, from: response)
        }
    }

    static func push(_ world: World, _ client: some TestClientProtocol, _ body: [String: Any]) async throws -> PushAnswer {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await client.execute(uri: world.path, method: .post, headers: world.headers(), body: ByteBuffer(bytes: data)) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            return try decode(PushAnswer.self, from: response)
        }
    }

    /// Every item a pull from the start gives, page by page, and the cursor it ends at.
    static func pullAll(_ world: World, _ client: some TestClientProtocol, limit: Int) async throws -> (items: [PullPage.Item], cursors: [Int64]) {
        var items: [PullPage.Item] = []
        var cursors: [Int64] = []
        var after: Int64 = 0
        while true {
            let page = try await pull(world, client, query: "after=\(after)&limit=\(limit)")
            items += page.items
            cursors.append(page.nextAfter)
            after = page.nextAfter
            if !page.more { return (items, cursors) }
        }
    }

    @Test func aPullCarriesOnlyWhatMayGoToThePeerAndMovesPastTheRest() async throws {
        try await Self.run { world, client in
            let marked: [(TLPLevel?, String)] = [(.clear, "clear"), (.red, "red"), (.green, "green"), (.amberStrict, "strict"), (.amber, "amber"), (nil, "unmarked")]
            var ids: [String: String] = [:]
            var posted: [String: JSONValue] = [:]
            for (index, (level, name)) in marked.enumerated() {
                let object = TAXIIFixture.indicator(index, markings: level.map { [$0.markingDefinitionID] })
                ids[name] = object["id"] as? String
                posted[object["id"] as! String] = try JSONValue(any: object)
                _ = try await world.taxii.post(client, as: "railway", objects: [object])
            }
            // One version came from the caller itself, one through the caller's hub by way of another peer.
            let validator = STIXValidator()
            let echo = try validator.object(from: JSONValue(any: TAXIIFixture.indicator(20, markings: [TLPLevel.green.markingDefinitionID])))
            try await world.hub.federation.receive([FederatedVersion(object: echo, chain: ["hub--00000000-0000-8000-8000-000000000001"])], refusals: [],
                                                   from: world.peer, into: world.taxii.collection, audit: nil)
            let other = Peer(name: "other-hub", kind: .kakehashi, apiRoot: "http://127.0.0.1:8/taxii2/hub/", remoteCollection: "t", direction: .pull,
                             localCollection: world.taxii.collection.id, organisation: world.taxii.airport.id, unmarkedDefault: .amber)
            try await world.hub.peers.create(other)
            let relayed = try validator.object(from: JSONValue(any: TAXIIFixture.indicator(21, markings: [TLPLevel.clear.markingDefinitionID])))
            try await world.hub.federation.receive([FederatedVersion(object: relayed, chain: [world.callerHub, "hub--00000000-0000-8000-8000-000000000002"])],
                                                   refusals: [], from: other, into: world.taxii.collection, audit: nil)
            let last = try #require(try await world.hub.federation.outbound(in: world.taxii.collection, after: 0, limit: 100).versions.last?.dateAdded)

            let (items, cursors) = try await Self.pullAll(world, client, limit: 2)
            #expect(Set(items.compactMap { $0["id"] }) == [ids["clear"], ids["green"]], "only CLEAR and GREEN go to a GREEN-capped peer")
            #expect(cursors.count == 4 && cursors.last == last, "the cursor moves past refused versions to the last one considered")
            #expect(cursors == cursors.sorted())
            let own = try await world.hub.identity.identity().hubID
            #expect(items.allSatisfy { $0.chain == [own] }, "a version made here leaves with this hub as its chain")
            #expect(items.allSatisfy { $0["id"].flatMap { posted[$0] } == $0.object }, "the object crosses unchanged")

            let refusals = try await world.hub.peers.refusals(of: world.peer.id)
            #expect(refusals.map(\.code).sorted() == ["above-cap", "above-cap", "amber-strict-never-leaves", "red-never-leaves"])
            #expect(refusals.allSatisfy { $0.direction == .outbound })
            _ = try await Self.pullAll(world, client, limit: 1000)
            #expect(try await world.hub.peers.refusals(of: world.peer.id).count == 4, "pulling the same versions again records no refusal twice")
            #expect(try await world.hub.peers.state(of: world.peer.id).sent == 4)
            let audit = try await world.hub.audit.entries().filter { $0.action == "federation.exchange.pull" }
            #expect(audit.count == 5 && audit.allSatisfy { $0.details.contains("\"sent\"") })
        }
    }

    @Test func aPushStoresTheValidVersionsAndNamesTheRuleEachRefusedOneBroke() async throws {
        try await Self.run { world, client in
            let origin = "hub--00000000-0000-8000-8000-0000000000aa"
            let good = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
            var invalid = TAXIIFixture.indicator(2, markings: [TLPLevel.green.markingDefinitionID])
            invalid["pattern"] = nil
            let red = TAXIIFixture.indicator(3, markings: [TLPLevel.red.markingDefinitionID])
            let amber = TAXIIFixture.indicator(4, markings: [TLPLevel.amber.markingDefinitionID])
            let body: [String: Any] = ["hub_id": world.callerHub, "items": [
                ["chain": [origin, world.callerHub], "object": good], ["chain": [world.callerHub], "object": invalid],
                ["chain": [world.callerHub], "object": red], ["chain": [world.callerHub], "object": amber],
                ["chain": "not a list", "object": TAXIIFixture.indicator(5)],
            ]]
            let answer = try await Self.push(world, client, body)
            #expect(answer.stored == 1 && answer.duplicates == 0)
            let codes = Dictionary(uniqueKeysWithValues: answer.refused.map { ($0.id, $0) })
            #expect(codes[invalid["id"] as! String]?.code == "invalid")
            #expect(codes[invalid["id"] as! String]?.reason.contains("pattern") == true, "the reason names the rule: \(codes[invalid["id"] as! String]?.reason ?? "")")
            #expect(codes[red["id"] as! String]?.code == "red-never-leaves")
            #expect(codes[amber["id"] as! String]?.code == "above-cap")
            #expect(answer.refused.count == 4)

            let envelope = try await world.taxii.get(client, world.taxii.objectsPath, as: "railway").decode(TAXIIEnvelope.self)
            #expect(envelope.ids == [good["id"] as! String])
            let provenance = try await world.hub.federation.provenance(of: good["id"] as! String, in: world.taxii.collection.id)
            #expect(provenance.map(\.chain) == [[origin, world.callerHub]] && provenance.first?.peer == world.peer.id)
            #expect(try await world.hub.peers.refusals(of: world.peer.id).filter { $0.direction == .inbound }.count == 4)

            let again = try await Self.push(world, client, ["hub_id": world.callerHub, "items": [["chain": [origin, world.callerHub], "object": good]]])
            #expect(again.stored == 0 && again.duplicates == 1, "an exact repeat is a no-op")
            #expect(try await world.hub.audit.entries().filter { $0.action == "federation.exchange.push" }.count == 2)
        }
    }

    @Test func deletionsTravelAsSignedNoticesBothWays() async throws {
        try await Self.run { world, client in
            // Made here and deleted by its producer: the notice is in the next pull.
            let local = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
            _ = try await world.taxii.post(client, as: "railway", objects: [local])
            let localID = local["id"] as! String
            try await client.execute(uri: world.taxii.objectsPath + localID + "/", method: .delete, headers: world.taxii.headers("railway")) { #expect($0.status == .ok) }
            let page = try await Self.pull(world, client, query: "after=0&deletions_after=0")
            let identity = try await world.hub.identity.identity()
            #expect(page.items.isEmpty && page.deletions.map(\.notice.objectID) == [localID])
            #expect(page.deletions.first?.notice.originHub == identity.hubID)
            try page.deletions.first?.notice.verify()
            #expect(page.nextDeletionsAfter == page.deletions.first?.sequence)
            #expect(try await Self.pull(world, client, query: "deletions_after=\(page.nextDeletionsAfter)").deletions.isEmpty)

            // Pushed from its origin, then deleted there: the pushed notice deletes it here; a forged one is refused.
            let origin = HubIdentity()
            let remote = TAXIIFixture.indicator(2, markings: [TLPLevel.green.markingDefinitionID])
            let remoteID = remote["id"] as! String
            _ = try await Self.push(world, client, ["items": [["chain": [origin.hubID, world.callerHub], "object": remote]]])
            let notice = origin.deletionNotice(objectID: remoteID, deletedAt: Date())
            var forged = HubIdentity().deletionNotice(objectID: remoteID, deletedAt: Date())
            forged.originHub = origin.hubID
            let encode = { (notice: DeletionNotice) in try JSONSerialization.jsonObject(with: try JSONEncoder().encode(notice)) }
            let answer = try await Self.push(world, client, ["deletions": [["notice": try encode(forged)], ["notice": try encode(notice)]]])
            #expect(answer.deletionsApplied == 1 && answer.deletionsRefused.map(\.objectID) == [remoteID])
            #expect(try await world.taxii.get(client, world.taxii.objectsPath, as: "railway").memberNames().isEmpty)
            let back = try await Self.push(world, client, ["items": [["chain": [origin.hubID, world.callerHub], "object": remote]]])
            #expect(back.stored == 0 && back.refused.map(\.code) == ["deleted-at-origin"], "the deleted object does not come back")
        }
    }

    @Test func aHubAdministratorDeletesWhatAnotherOrganisationPosted() async throws {
        try await Self.run { world, client in
            let object = TAXIIFixture.indicator(1, markings: [TLPLevel.green.markingDefinitionID])
            _ = try await world.taxii.post(client, as: "railway", objects: [object])
            let admin = User(organisationID: world.taxii.base.center.id, username: "center-taxii-admin", displayName: "統括室 管理者", role: .admin)
            try await world.hub.users.create(admin, passwordHash: "unused")
            let token = try await world.hub.tokens.create(userID: admin.id, name: "admin", scopes: [.read, .write, .admin], expiresAt: nil).secret.value
            let uri = world.taxii.objectsPath + (object["id"] as! String) + "/"
            try await client.execute(uri: uri, method: .delete, headers: world.taxii.headers("center")) { #expect($0.status == .forbidden, "an analyst of another organisation may not") }
            try await client.execute(uri: uri, method: .delete, headers: [.authorization: "Bearer \(token)", .accept: TAXIIMediaType.taxii]) { #expect($0.status == .ok) }
            #expect(try await world.taxii.get(client, world.taxii.objectsPath, as: "railway").memberNames().isEmpty)
            let audit = try #require(try await world.hub.audit.entries().last { $0.action == "taxii.object.delete" })
            #expect(audit.details.contains(#""administrator":"true""#) && audit.details.contains("deletion_sequence"))
        }
    }

    @Test func aCallerWithoutAPeerDeclarationIsForbidden() async throws {
        try await Self.run(direction: .pull) { world, client in
            let outsider = world.taxii.tokens["outsider"]!
            try await client.execute(uri: world.path, method: .get, headers: world.headers(outsider)) { response in
                #expect(response.status == .forbidden && errorCode(response) == "no-peer-declared")
            }
            try await client.execute(uri: world.path, method: .post, headers: world.headers(outsider), body: ByteBuffer(string: #"{"items": []}"#)) { response in
                #expect(response.status == .forbidden && errorCode(response) == "no-peer-declared")
            }
            // The ISAC is declared as a peer this hub pulls from: it may push, not pull.
            try await client.execute(uri: world.path, method: .get, headers: world.headers()) { response in
                #expect(response.status == .forbidden && errorCode(response) == "peer-direction")
            }
            try await client.execute(uri: world.path + "?limit=0", method: .get, headers: world.headers()) { #expect($0.status == .forbidden) }
            let own = try await world.hub.identity.identity()
            try await client.execute(uri: "/api/v1/federation/hub", method: .get, headers: world.headers(outsider)) { response in
                #expect(response.status == .ok)
                let view = try decode(ExchangeController.HubView.self, from: response)
                #expect(view.hubID == own.hubID && view.publicKey == own.publicKey)
            }
        }
    }

    @Test func badParametersAreNamed() async throws {
        try await Self.run { world, client in
            for (query, field) in [("limit=0", "limit"), ("limit=5001", "limit"), ("after=-1", "after"), ("deletions_after=x", "deletions_after")] {
                try await client.execute(uri: world.path + "?" + query, method: .get, headers: world.headers()) { response in
                    #expect(response.status == .badRequest && (try? decode(ErrorResponse.self, from: response).error.field) == field, "\(query)")
                }
            }
            try await client.execute(uri: world.path, method: .post, headers: world.headers(), body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest && errorCode(response) == "invalid-body")
            }
        }
    }
}

extension JSONValue {
    /// The JSON value of a Foundation tree (as the fixtures write objects).
    init(any: Any) throws {
        self = try JSONValue.parse(try JSONSerialization.data(withJSONObject: any))
    }
}

extension ExchangeAPITests.PullPage.Item {
    subscript(key: String) -> String? { object[key]?.stringValue }
}

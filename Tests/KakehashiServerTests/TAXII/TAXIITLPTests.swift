import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

/// For each TLP label: who sees an object shared by the railway, and who does not.
@Suite struct TAXIITLPTests {
    static func visibleIDs(_ taxii: TAXIIFixture, _ client: some TestClientProtocol, as who: String) async throws -> Set<String> {
        let reply = try await taxii.get(client, taxii.objectsPath, as: who)
        return Set(try reply.decode(TAXIIEnvelope.self).ids)
    }

    @Test(arguments: TestEngine.allCases, [TLPLevel.clear, .green, .amber, .amberStrict])
    func sharedLabelsReachEveryReader(engine: TestEngine, level: TLPLevel) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let object = TAXIIFixture.indicator(1, markings: [level.markingDefinitionID])
            _ = try await taxii.post(client, as: "railway", objects: [object])
            for reader in ["railway", "center", "airport"] {
                #expect(try await Self.visibleIDs(taxii, client, as: reader) == [object["id"] as! String], "\(level) reaches \(reader)")
            }
            #expect(try await Self.visibleIDs(taxii, client, as: "outsider").isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func redReachesOnlyTheProducerAndNamedRecipients(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let recipients: [String: Any] = [KakehashiRecipientsExtension.definitionID: [
                "extension_type": "property-extension", "recipients": [taxii.airport.stixIdentityID],
            ]]
            let object = TAXIIFixture.indicator(1, markings: [TLPLevel.red.markingDefinitionID], extensions: recipients)
            let plainRed = TAXIIFixture.indicator(2, markings: [TLPLevel.red.markingDefinitionID])
            let status = try await taxii.post(client, as: "railway", objects: [object, plainRed])
            #expect(status.successCount == 2, "\(status)")
            let ids = (object["id"] as! String, plainRed["id"] as! String)
            #expect(try await Self.visibleIDs(taxii, client, as: "railway") == [ids.0, ids.1])
            #expect(try await Self.visibleIDs(taxii, client, as: "airport") == [ids.0])
            #expect(try await Self.visibleIDs(taxii, client, as: "center").isEmpty, "the national office is not named, so it does not see RED")
            let hidden = try await taxii.get(client, taxii.objectsPath + "\(ids.1)/", as: "center")
            #expect(hidden.status == .notFound)
            let manifest = try await taxii.get(client, taxii.objectsPath.replacingOccurrences(of: "/objects/", with: "/manifest/"), as: "center")
            #expect(try manifest.memberNames().isEmpty, "the manifest hides RED too")
        }
    }

    @Test(arguments: TestEngine.allCases) func unmarkedObjectsTakeTheCollectionDefault(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let red = SharingCollection(title: "Red room", defaultTLP: .red, readers: [taxii.base.railway.id, taxii.airport.id], writers: [taxii.base.railway.id])
            try await taxii.base.hub.collections.create(red)
            let path = "\(TAXIIFixture.path)/\(red.id.uuidString.lowercased())/objects/"
            let body = try JSONSerialization.data(withJSONObject: ["objects": [TAXIIFixture.indicator(4)]])
            try await client.execute(uri: path, method: .post, headers: taxii.headers("railway", contentType: true), body: ByteBuffer(bytes: body)) { #expect($0.status == .accepted) }
            let forAirport = try await taxii.get(client, path, as: "airport")
            #expect(try forAirport.memberNames().isEmpty, "unmarked objects in a RED-default collection stay with the producer")
            let forRailway = try await taxii.get(client, path, as: "railway").decode(TAXIIEnvelope.self)
            #expect(forRailway.objects?.count == 1)
        }
    }

    @Test func exportRules() {
        #expect(TLPPolicy.mayLeave(.clear, to: .publicFeed))
        #expect(!TLPPolicy.mayLeave(.green, to: .publicFeed) && TLPPolicy.mayLeave(.green, to: .peerHub))
        for level in [TLPLevel.amber, .amberStrict, .red] {
            #expect(!TLPPolicy.mayLeave(level, to: .peerHub) && !TLPPolicy.mayLeave(level, to: .publicFeed), "\(level) never leaves the community")
        }
    }
}

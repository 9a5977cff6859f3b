import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

/// A hub administrator deletes an object another organisation posted by mistake.
@Suite struct CollectionObjectDeleteTests {
    @Test(arguments: TestEngine.allCases)
    func onlyAHubAdministratorDeletesAnotherOrganisationsObject(engine: TestEngine) async throws {
        try await TestHub.run(on: engine) { base, client in
            let hub = base.hub
            // The national center neither reads nor writes this collection.
            let collection = SharingCollection(title: "Rail only", defaultTLP: .green, readers: [base.railway.id], writers: [base.railway.id])
            try await hub.collections.create(collection)
            let object = try STIXValidator().object(from: JSONValue.parse(try JSONSerialization.data(withJSONObject: TAXIIFixture.indicator(1))))
            _ = try await hub.objects.add([object], to: collection, producer: base.railway.id, audit: nil)
            let uri = "/api/v1/collections/\(collection.id.uuidString.lowercased())/objects/\(object.id)"

            let railAdmin = try await base.signIn(client, as: "rail-admin")
            try await client.execute(uri: uri, method: .delete, headers: railAdmin.headersWithCSRF) { response in
                #expect(response.status == .forbidden && errorCode(response) == "not-hub-administrator")
            }
            let center = try await base.signIn(client, as: "center-admin")
            let deleted = try await client.execute(uri: uri, method: .delete, headers: center.headersWithCSRF) { response in
                #expect(response.status == .ok)
                return try decode(CollectionObjectController.Deleted.self, from: response)
            }
            #expect(deleted.versionsDeleted == 1 && deleted.objectID == object.id)
            #expect(try await hub.objects.count(in: collection.id) == 0)
            try await client.execute(uri: uri, method: .delete, headers: center.headersWithCSRF) { #expect($0.status == .notFound) }
            let audit = try #require(try await hub.audit.entries().last { $0.action == "collection.object.delete" })
            #expect(audit.details.contains(#""administrator":"true""#))
            let notices = try await hub.federation.deletions(in: collection.id, after: 0, limit: 10).deletions
            #expect(notices.map(\.notice.objectID) == [object.id], "made here, so its peers are told")
        }
    }
}

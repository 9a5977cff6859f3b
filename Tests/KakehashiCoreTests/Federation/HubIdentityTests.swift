import Foundation
import KakehashiCore
import Testing

@Suite struct HubIdentityTests {
    @Test func theIDFollowsTheKeyAndSurvivesAReload() throws {
        let identity = HubIdentity()
        let reloaded = try HubIdentity(rawKey: identity.rawKey)
        #expect(reloaded.hubID == identity.hubID)
        #expect(identity.hubID.hasPrefix("hub--") && identity.hubID.count == 41)
        #expect(HubIdentity().hubID != identity.hubID)
        #expect(throws: FederationError.self) { try HubIdentity(rawKey: Data([1, 2, 3])) }
    }

    @Test func aDeletionNoticeIsVerifiableByAnyoneAndForgeriesAreNot() throws {
        let origin = HubIdentity()
        let notice = origin.deletionNotice(objectID: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", deletedAt: Date(timeIntervalSince1970: 1_790_000_000))
        try notice.verify()
        let decoded = try JSONDecoder().decode(DeletionNotice.self, from: try JSONEncoder().encode(notice))
        try decoded.verify()

        var otherObject = notice
        otherObject.objectID = "indicator--00000000-0000-4000-8000-000000000000"
        #expect(throws: FederationError.self) { try otherObject.verify() }

        // A relay cannot claim the origin's name with its own key, nor sign for it.
        let relay = HubIdentity()
        var impostor = relay.deletionNotice(objectID: notice.objectID, deletedAt: Date())
        impostor.originHub = origin.hubID
        #expect(throws: FederationError.self) { try impostor.verify() }
        var stolenKey = impostor
        stolenKey.originKey = origin.publicKey
        #expect(throws: FederationError.self) { try stolenKey.verify() }
    }
}

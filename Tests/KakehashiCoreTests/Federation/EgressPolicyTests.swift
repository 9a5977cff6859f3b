import Foundation
import KakehashiCore
import Testing

@Suite struct EgressPolicyTests {
    let producer = UUID()
    let collection = SharingCollection(title: "Transport", defaultTLP: .green, readers: [], writers: [])

    func peer(cap: TLPLevel = .green, sameCommunity: Bool = false, unmarkedDefault: TLPLevel = .amber) -> Peer {
        Peer(name: "fin", kind: .kakehashi, apiRoot: "https://fin.example/taxii2/hub/", remoteCollection: "c", direction: .both,
             localCollection: collection.id, organisation: UUID(), tlpCap: cap, sameCommunity: sameCommunity, unmarkedDefault: unmarkedDefault)
    }

    func subject(_ marked: TLPLevel?, default collectionDefault: TLPLevel = .green, chain: [String] = []) -> EgressPolicy.Subject {
        EgressPolicy.Subject(marked: marked, collectionDefault: collectionDefault, producer: producer, chain: chain)
    }

    @Test func markingsOnlyNarrowOnTheWayOut() {
        let green = peer()
        let community = peer(cap: .amber, sameCommunity: true)
        #expect(EgressPolicy.refusal(subject(.clear), for: .peer(green, hubID: nil)) == nil)
        #expect(EgressPolicy.refusal(subject(.green), for: .peer(green, hubID: nil)) == nil)
        #expect(EgressPolicy.refusal(subject(.amber), for: .peer(green, hubID: nil)) == .amberOutsideCommunity)
        #expect(EgressPolicy.refusal(subject(.amber), for: .peer(community, hubID: nil)) == nil)
        #expect(EgressPolicy.refusal(subject(.amberStrict), for: .peer(community, hubID: nil)) == .amberStrictNeverLeaves)
        #expect(EgressPolicy.refusal(subject(.red), for: .peer(community, hubID: nil)) == .redNeverLeaves)
        #expect(EgressPolicy.refusal(subject(.green), for: .peer(peer(cap: .clear), hubID: nil)) == .aboveCap(level: .green, cap: .clear))
    }

    @Test func anUnmarkedObjectGoesOnlyWhereItsDefaultIsKeptOrNarrowed() {
        // Unmarked in a GREEN collection: fine for a peer that treats unmarked as AMBER, not for one that treats it as CLEAR.
        #expect(EgressPolicy.refusal(subject(nil, default: .green), for: .peer(peer(unmarkedDefault: .amber), hubID: nil)) == nil)
        #expect(EgressPolicy.refusal(subject(nil, default: .green), for: .peer(peer(unmarkedDefault: .clear), hubID: nil))
                == .unmarkedWider(collectionDefault: .green, peerDefault: .clear))
        // Unmarked in an AMBER collection takes AMBER, which a GREEN-capped peer does not get.
        #expect(EgressPolicy.refusal(subject(nil, default: .amber), for: .peer(peer(), hubID: nil)) == .amberOutsideCommunity)
    }

    @Test func aVersionNeverReturnsToAHubInItsChainNorGoesBeyondTheHopLimit() {
        #expect(EgressPolicy.refusal(subject(.green, chain: ["hub--a", "hub--b"]), for: .peer(peer(), hubID: "hub--a")) == .peerInChain)
        #expect(EgressPolicy.refusal(subject(.green, chain: ["hub--a", "hub--b"]), for: .peer(peer(), hubID: "hub--c")) == nil)
        let long = (0..<(EgressPolicy.hopLimit - 1)).map { "hub--\($0)" }
        #expect(EgressPolicy.refusal(subject(.green, chain: long), for: .peer(peer(), hubID: "hub--z")) == .hopLimit)
    }

    @Test func membersAndPublicFeeds() {
        let viewer = Organisation(nameJa: "空港", nameEn: "Airport", kind: .operator, sectors: [.airports])
        #expect(EgressPolicy.refusal(subject(.red), for: .member(viewer)) == .redNotRecipient)
        var named = subject(.red)
        named.redRecipients = [viewer.stixIdentityID]
        #expect(EgressPolicy.refusal(named, for: .member(viewer)) == nil)
        #expect(EgressPolicy.refusal(subject(.amber), for: .member(viewer)) == nil)
        #expect(EgressPolicy.refusal(subject(.clear), for: .publicFeed) == nil)
        #expect(EgressPolicy.refusal(subject(.green), for: .publicFeed) == .notPublic(.green))
        #expect(EgressPolicy.refusal(subject(.red), for: .publicFeed) == .redNeverLeaves)
    }

    @Test func theSameRulesAreCheckedOnTheWayIn() {
        let green = peer()
        #expect(EgressPolicy.inboundRefusal(marked: .green, chain: [], from: green, into: collection) == nil)
        #expect(EgressPolicy.inboundRefusal(marked: .amber, chain: [], from: green, into: collection) == .amberOutsideCommunity)
        #expect(EgressPolicy.inboundRefusal(marked: .red, chain: [], from: peer(cap: .amber, sameCommunity: true), into: collection) == .redNeverLeaves)
        #expect(EgressPolicy.inboundRefusal(marked: .green, chain: [], from: peer(cap: .clear), into: collection) == .aboveCap(level: .green, cap: .clear))
        // The peer treats unmarked as AMBER; storing it here, where unmarked means GREEN, would widen it.
        #expect(EgressPolicy.inboundRefusal(marked: nil, chain: [], from: green, into: collection) == .unmarkedWiderHere(peerDefault: .amber, localDefault: .green))
        #expect(EgressPolicy.inboundRefusal(marked: nil, chain: [], from: peer(unmarkedDefault: .green), into: collection) == nil)
        #expect(EgressPolicy.inboundRefusal(marked: .green, chain: (0..<EgressPolicy.hopLimit).map { "hub--\($0)" }, from: green, into: collection) == .hopLimit)
    }
}

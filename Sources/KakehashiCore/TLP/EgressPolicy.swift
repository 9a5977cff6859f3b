import Foundation

/// The one decision of whether a stored object version may reach someone: a member reading it, a peer it
/// would be sent to, a public feed. Federation, exports and the stream ask here; member reads apply the same
/// rules in their query filter (``TLPPolicy/isVisible(level:producer:redRecipients:to:)``).
///
/// The rules, most restrictive first:
/// - RED reaches only its producer and the organisations it names; it never leaves the hub.
/// - AMBER+STRICT never leaves the organisations of the hub; AMBER reaches only a peer declared to belong to
///   the same community; every peer's cap is enforced.
/// - An unmarked object is judged at its collection's default, and (since it crosses unchanged) goes only to a
///   peer that applies the same default or a narrower one.
/// - A version never goes back to a hub it came through, nor beyond the hop limit.
public enum EgressPolicy {
    /// How many hubs a version may pass through before it stops travelling.
    public static let hopLimit = 8

    /// What is decided about: one stored version and what the hub knows about it.
    public struct Subject: Sendable, Equatable {
        /// The object's own TLP marking, if it has one.
        public var marked: TLPLevel?
        /// The default of the collection the object is stored in.
        public var collectionDefault: TLPLevel
        public var producer: UUID
        /// STIX identity ids the producer named for TLP:RED.
        public var redRecipients: [String]
        /// Ids of the hubs the version passed through before this one, the first being where it was made.
        public var chain: [String]

        public init(marked: TLPLevel?, collectionDefault: TLPLevel, producer: UUID, redRecipients: [String] = [], chain: [String] = []) {
            self.marked = marked
            self.collectionDefault = collectionDefault
            self.producer = producer
            self.redRecipients = redRecipients
            self.chain = chain
        }

        /// The label the hub applies.
        public var level: TLPLevel { TLPPolicy.effectiveLevel(marked: marked, collectionDefault: collectionDefault) }
    }

    /// Who the version would reach.
    public enum Audience: Sendable {
        /// An organisation reading the collection.
        case member(Organisation)
        /// A peer platform; `hubID` is the peer's hub id when it is a Kakehashi hub that told it.
        case peer(Peer, hubID: String?)
        /// A public feed or page.
        case publicFeed
    }

    /// Why a version may not go where it was asked to.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        case redNotRecipient
        case redNeverLeaves
        case amberStrictNeverLeaves
        case amberOutsideCommunity
        case aboveCap(level: TLPLevel, cap: TLPLevel)
        case unmarkedWider(collectionDefault: TLPLevel, peerDefault: TLPLevel)
        /// On the way in: the peer treats an unmarked object as `peerDefault`, the local collection as the wider `localDefault`.
        case unmarkedWiderHere(peerDefault: TLPLevel, localDefault: TLPLevel)
        case peerInChain
        case hopLimit
        case notPublic(TLPLevel)

        /// A short stable code, used as the reason's key in counts and metrics.
        public var code: String {
            switch self {
            case .redNotRecipient: "red-not-recipient"
            case .redNeverLeaves: "red-never-leaves"
            case .amberStrictNeverLeaves: "amber-strict-never-leaves"
            case .amberOutsideCommunity: "amber-outside-community"
            case .aboveCap: "above-cap"
            case .unmarkedWider, .unmarkedWiderHere: "unmarked-default-wider"
            case .peerInChain: "peer-in-chain"
            case .hopLimit: "hop-limit"
            case .notPublic: "not-public"
            }
        }

        public var description: String {
            switch self {
            case .redNotRecipient: "TLP:RED reaches only its producer and the organisations it names"
            case .redNeverLeaves: "TLP:RED never leaves the hub"
            case .amberStrictNeverLeaves: "TLP:AMBER+STRICT never leaves the organisation"
            case .amberOutsideCommunity: "TLP:AMBER goes only to a peer declared to belong to the same community"
            case .aboveCap(let level, let cap): "\(level.displayName) is above the peer's cap \(cap.displayName)"
            case .unmarkedWider(let local, let peer):
                "the object is unmarked (\(local.displayName) here) and the peer would treat it as \(peer.displayName), which is wider"
            case .unmarkedWiderHere(let peer, let local):
                "the object is unmarked; the peer treats it as \(peer.displayName) and this collection would treat it as \(local.displayName), which is wider"
            case .peerInChain: "the version came through the peer already"
            case .hopLimit: "the version has passed through \(EgressPolicy.hopLimit) hubs, the hop limit"
            case .notPublic(let level): "\(level.displayName) is not for a public feed (CLEAR only)"
            }
        }
    }

    /// May `subject` reach `audience`? `nil` when it may, else why not.
    public static func refusal(_ subject: Subject, for audience: Audience) -> Refusal? {
        let level = subject.level
        switch audience {
        case .member(let organisation):
            return TLPPolicy.isVisible(level: level, producer: subject.producer, redRecipients: subject.redRecipients, to: organisation) ? nil : .redNotRecipient
        case .publicFeed:
            return level == .clear ? nil : (level == .red ? .redNeverLeaves : .notPublic(level))
        case .peer(let peer, let hubID):
            switch level {
            case .red: return .redNeverLeaves
            case .amberStrict: return .amberStrictNeverLeaves
            case .amber where !peer.sameCommunity: return .amberOutsideCommunity
            default: break
            }
            if level > peer.tlpCap { return .aboveCap(level: level, cap: peer.tlpCap) }
            if subject.marked == nil, peer.unmarkedDefault < subject.collectionDefault {
                return .unmarkedWider(collectionDefault: subject.collectionDefault, peerDefault: peer.unmarkedDefault)
            }
            if let hubID, subject.chain.contains(hubID) { return .peerInChain }
            if subject.chain.count + 1 >= hopLimit { return .hopLimit }
            return nil
        }
    }

    /// May a version that `peer` sent be stored in `collection`? The same rules, checked again on the way
    /// in: nothing above the peer's cap is accepted, and an unmarked object is accepted only when this
    /// collection's default is the peer's or narrower (storing it would otherwise widen it). A refused
    /// object is refused, never re-labelled.
    public static func inboundRefusal(marked: TLPLevel?, chain: [String], from peer: Peer, into collection: SharingCollection) -> Refusal? {
        if let marked {
            switch marked {
            case .red: return .redNeverLeaves
            case .amberStrict: return .amberStrictNeverLeaves
            case .amber where !peer.sameCommunity: return .amberOutsideCommunity
            default: break
            }
            if marked > peer.tlpCap { return .aboveCap(level: marked, cap: peer.tlpCap) }
        } else if collection.defaultTLP < peer.unmarkedDefault {
            return .unmarkedWiderHere(peerDefault: peer.unmarkedDefault, localDefault: collection.defaultTLP)
        }
        if chain.count >= hopLimit { return .hopLimit }
        return nil
    }
}

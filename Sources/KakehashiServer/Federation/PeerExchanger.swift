import Foundation
import KakehashiCore
import KakehashiStorage
import Logging
import NIOCore
import NIOHTTP1

/// Exchanges with one peer: pulls what it has, pushes what it may have, passes deletions on; each page is
/// stored with the cursor that follows it in one commit, so an exchange killed at any point resumes where
/// it stopped, losing and repeating nothing.
///
/// ``FederationService`` runs ``run(doorbell:)`` for each active peer; tests call ``exchange()`` directly.
struct PeerExchanger: Sendable {
    let hub: Hub
    let peer: Peer
    let settings: FederationSettings
    /// This hub's id (recorded in chains, sent as `Kakehashi-Hub-ID`).
    let hubID: String
    let applyNotices: FederationService.ApplyNotices
    let logger: Logger
    let refusedRecently = RecentKeys()

    init(hub: Hub, peer: Peer, settings: FederationSettings, hubID: String, applyNotices: @escaping FederationService.ApplyNotices, logger: Logger) {
        self.hub = hub
        self.peer = peer
        self.settings = settings
        self.hubID = hubID
        self.applyNotices = applyNotices
        var logger = logger
        logger[metadataKey: "federation.peer"] = "\(peer.name)"
        self.logger = logger
    }

    var http: PeerHTTPClient {
        PeerHTTPClient(peer: peer, outbound: hub.configuration.outbound, hubID: hubID,
                       timeout: settings.requestTimeout.timeAmount,
                       maximumBytes: settings.maximumResponseBytes)
    }

    /// What one exchange moved.
    struct Outcome: Sendable, Equatable {
        var received = 0
        var duplicates = 0
        var refusedIn = 0
        var sent = 0
        var refusedOut = 0
        var peerFailed = 0
        var deletionsSent = 0
        var deletionsRefused = 0
        var deletionsApplied = 0

        static func + (lhs: Outcome, rhs: Outcome) -> Outcome {
            Outcome(received: lhs.received + rhs.received, duplicates: lhs.duplicates + rhs.duplicates, refusedIn: lhs.refusedIn + rhs.refusedIn,
                    sent: lhs.sent + rhs.sent, refusedOut: lhs.refusedOut + rhs.refusedOut, peerFailed: lhs.peerFailed + rhs.peerFailed,
                    deletionsSent: lhs.deletionsSent + rhs.deletionsSent, deletionsRefused: lhs.deletionsRefused + rhs.deletionsRefused,
                    deletionsApplied: lhs.deletionsApplied + rhs.deletionsApplied)
        }
    }

    /// One whole exchange: pull until the peer has nothing more, push until nothing waits, then owed deletions.
    /// Records the success (with the lag left) in the peer's state; a failure is thrown for the caller to record.
    @discardableResult
    func exchange(now: @Sendable () -> Date = { Date() }) async throws -> Outcome {
        guard let collection = try await hub.collections.find(id: peer.localCollection) else {
            throw PeerExchangeError("the local collection \(peer.localCollection.uuidString.lowercased()) of peer \(peer.name) does not exist")
        }
        var outcome = Outcome()
        if peer.direction.pulls {
            switch peer.kind {
            case .taxii: outcome = outcome + (try await pullTAXII(into: collection))
            case .kakehashi: outcome = outcome + (try await pullExchange(into: collection))
            }
        }
        if peer.direction.pushes {
            switch peer.kind {
            case .taxii:
                outcome = outcome + (try await pushTAXII(from: collection))
                outcome = outcome + (try await sendDeletions())
            case .kakehashi:
                outcome = outcome + (try await pushExchange(from: collection))
            }
        }
        var lagObjects: Int64 = 0
        var lagSeconds = 0.0
        if peer.direction.pushes {
            let state = try await hub.peers.state(of: peer.id)
            let pending = try await hub.federation.pending(in: collection.id, after: state.pushCursor)
            lagObjects = pending.count
            if let oldest = pending.oldest { lagSeconds = max(0, now().timeIntervalSince1970 - Double(oldest) / 1_000_000) }
        }
        try await hub.peers.recordSuccess(peer: peer.id, lagObjects: lagObjects, lagSeconds: lagSeconds, at: now())
        return outcome
    }

    /// An audit record of an exchange, by the federation service itself.
    func audit(_ action: String, _ counts: [String: Int]) -> AuditRecord {
        var details = counts.mapValues(String.init)
        details["peer"] = peer.name
        details["kind"] = peer.kind.rawValue
        return AuditRecord(actorUser: "federation", action: action, objectType: "peer", objectID: peer.id.uuidString.lowercased(), clientAddress: "local", details: details)
    }

    /// Validates what a peer sent exactly as a TAXII post is validated, and applies the inbound TLP checks:
    /// each refused version is refused alone, with the rule it broke; nothing is ever re-labelled.
    func admit(_ items: [(json: JSONValue, chain: [String])], into collection: SharingCollection) async -> (versions: [FederatedVersion], refusals: [PeerRefusal]) {
        var versions: [FederatedVersion] = []
        var refusals: [PeerRefusal] = []
        versions.reserveCapacity(items.count)
        let results = await ObjectsController.validate(items.map(\.json), with: STIXValidator.forHub)
        for (index, result) in results.enumerated() {
            let item = items[index]
            let objectID = item.json["id"]?.stringValue ?? "objects[\(index)]"
            let versionText = (item.json["modified"] ?? item.json["created"])?.stringValue
            switch result {
            case .failure(let error):
                refusals.append(PeerRefusal(peerID: peer.id, direction: .inbound, objectID: objectID, version: versionText, code: "invalid", reason: error.description))
            case .success(let object):
                if item.chain.contains(hubID) {
                    refusals.append(PeerRefusal(peerID: peer.id, direction: .inbound, objectID: objectID, version: versionText, code: EgressPolicy.Refusal.peerInChain.code,
                                                reason: "the version passed through this hub already"))
                } else if let refusal = EgressPolicy.inboundRefusal(marked: object.tlp, chain: item.chain, from: peer, into: collection) {
                    refusals.append(PeerRefusal(peerID: peer.id, direction: .inbound, objectID: objectID, version: versionText, code: refusal.code, reason: refusal.description))
                } else {
                    versions.append(FederatedVersion(object: object, chain: item.chain))
                }
            }
        }
        return (versions, await refusedRecently.fresh(refusals))
    }

    /// The refusal of an outbound version, if it may not go to the peer: never back to the peer it came
    /// from, and only what ``EgressPolicy`` lets through (`remoteHubID` is a Kakehashi peer's hub id).
    func outboundRefusal(_ version: OutboundVersion, remoteHubID: String?) -> PeerRefusal? {
        if version.sourcePeer == peer.id {
            return PeerRefusal(peerID: peer.id, direction: .outbound, objectID: version.objectID, version: version.versionText,
                               code: EgressPolicy.Refusal.peerInChain.code, reason: "the version came from this peer")
        }
        if let refusal = EgressPolicy.refusal(version.subject, for: .peer(peer, hubID: remoteHubID)) {
            return PeerRefusal(peerID: peer.id, direction: .outbound, objectID: version.objectID, version: version.versionText, code: refusal.code, reason: refusal.description)
        }
        return nil
    }
}

/// Versions refused on the way in during the last rounds, so the overlap of a TAXII pull, which asks for
/// some versions again, records each refusal once.
actor RecentKeys {
    private var seen: Set<String> = []
    private var order: [String] = []
    let capacity = 20_000

    /// The refusals not recorded recently, now remembered.
    func fresh(_ refusals: [PeerRefusal]) -> [PeerRefusal] {
        refusals.filter { refusal in
            let key = refusal.objectID + "|" + (refusal.version ?? "")
            guard seen.insert(key).inserted else { return false }
            order.append(key)
            if order.count > capacity {
                for old in order.prefix(capacity / 2) { seen.remove(old) }
                order.removeFirst(capacity / 2)
            }
            return true
        }
    }
}

extension Duration {
    /// The same span as NIO's `TimeAmount` (milliseconds precision).
    var timeAmount: TimeAmount { .milliseconds(Int64((self / .milliseconds(1)).rounded())) }
}

import Foundation
import KakehashiCore
import KakehashiStorage
import NIOCore
import NIOHTTP1

/// The exchange with another Kakehashi hub (its `/api/v1/federation/collections/{id}/exchange`), where each
/// version travels with its chain of hubs and deletion notices travel beside the versions.
extension PeerExchanger {
    /// Pulls from a Kakehashi peer: pages of versions after the stored cursor, with their chains, and the
    /// deletion notices after the stored deletion cursor; each page's versions, refusals and both cursors in one commit.
    func pullExchange(into collection: SharingCollection) async throws -> Outcome {
        let state = try await hub.peers.state(of: peer.id)
        var after = state.pullCursor.flatMap { Int64($0) } ?? 0
        var deletionsAfter = state.pullDeletionCursor
        var knownHub = state.remoteHubID
        var outcome = Outcome()
        while true {
            let url = peer.exchangeURL + "?after=\(after)&deletions_after=\(deletionsAfter)&limit=\(settings.exchangePageSize)"
            let answer = try await http.send(.GET, url, accept: "application/json")
            guard answer.status == 200 else { throw PeerExchangeError.status(.GET, url, answer, expected: "200") }
            let page = try Self.json(answer, .GET, url)
            guard let remote = page["hub_id"]?.stringValue, remote.hasPrefix("hub--") else {
                throw PeerExchangeError("GET \(url) answered without a hub_id: is \(peer.hubBaseURL) a Kakehashi hub?")
            }
            if remote != knownHub {
                try await hub.federation.setRemoteHubID(peer: peer.id, remote)
                knownHub = remote
            }
            guard let nextAfter = page["next_after"]?.int64Value else { throw PeerExchangeError("GET \(url) answered without next_after") }
            var items: [(json: JSONValue, chain: [String])] = []
            for (index, item) in (page["items"]?.arrayValue ?? [JSONValue]()).enumerated() {
                guard let object = item["object"] else { throw PeerExchangeError("GET \(url) answered an item \(index) without an object") }
                items.append((object, item["chain"]?.arrayValue?.compactMap(\.stringValue) ?? []))
            }
            let (versions, objectRefusals) = await admit(items, into: collection)
            var refusals = objectRefusals

            // Deletion notices first: applying one again after a restart is a no-op, and the cursor moves with the page.
            let notices = try (page["deletions"]?.arrayValue ?? []).map { entry -> DeletionNotice in
                guard let notice = entry["notice"] else { throw PeerExchangeError("GET \(url) answered a deletion without a notice") }
                do { return try JSONDecoder().decode(DeletionNotice.self, from: notice.serializedData()) } catch {
                    throw PeerExchangeError("GET \(url) answered a deletion notice that does not read: \(error)")
                }
            }
            var deletionCursor: Int64?
            if let nextDeletions = page["next_deletions_after"]?.int64Value, nextDeletions != deletionsAfter {
                if notices.isEmpty {
                    deletionCursor = nextDeletions
                } else {
                    let applied = try await applyNotices(notices, peer, collection)
                    outcome.deletionsApplied += applied.applied
                    refusals += applied.refused.map {
                        PeerRefusal(peerID: peer.id, direction: .inbound, objectID: $0.objectID, version: nil, code: "deletion-refused", reason: $0.reason)
                    }
                    deletionCursor = nextDeletions
                }
            }
            let moved = nextAfter != after || deletionCursor != nil
            if items.isEmpty && !moved { break }
            let audit = (items.isEmpty && notices.isEmpty) ? nil
                : self.audit("federation.pull", ["offered": items.count, "accepted": versions.count, "refused": refusals.count, "deletions": notices.count])
            let stored = try await hub.federation.receive(versions, refusals: refusals, from: peer, into: collection,
                                                          cursors: .init(objects: String(nextAfter), deletions: deletionCursor), audit: audit)
            outcome.received += stored.fresh.count
            outcome.duplicates += stored.duplicates
            outcome.refusedIn += refusals.count
            after = nextAfter
            if let deletionCursor { deletionsAfter = deletionCursor }
            let more = page["more"]?.boolValue ?? false
            if !more && notices.count < settings.exchangePageSize { break }
        }
        return outcome
    }

    /// Pushes to a Kakehashi peer: the versions after the push cursor that the egress decision lets go to it
    /// (the peer's hub id known, so nothing goes back to a hub it came through), each with its chain and this
    /// hub appended, and the deletion notices after the push deletion cursor.
    func pushExchange(from collection: SharingCollection) async throws -> Outcome {
        let state = try await hub.peers.state(of: peer.id)
        let remoteHub = try await remoteHubID(known: state.remoteHubID)
        var cursor = state.pushCursor
        var deletionCursor = state.pushDeletionCursor
        var outcome = Outcome()
        while true {
            let page = try await hub.federation.outbound(in: collection, after: cursor, limit: settings.exchangePageSize)
            let notices = try await hub.federation.deletions(in: collection.id, after: deletionCursor, limit: settings.exchangePageSize).deletions
            if page.versions.isEmpty && notices.isEmpty { break }
            var refusals: [PeerRefusal] = []
            var body = ByteBuffer()
            body.writeString("{\"hub_id\":" + JSONValue.string(hubID).serialized() + ",\"items\":[")
            var sending = 0
            for version in page.versions {
                if let refusal = outboundRefusal(version, remoteHubID: remoteHub) {
                    refusals.append(refusal)
                    continue
                }
                if sending > 0 { body.writeStaticString(",") }
                let chain = JSONValue.array((version.subject.chain + [hubID]).map(JSONValue.string)).serialized()
                body.writeString("{\"chain\":" + chain + ",\"object\":" + version.json + "}")
                sending += 1
            }
            body.writeStaticString("],\"deletions\":[")
            for (index, entry) in notices.enumerated() {
                if index > 0 { body.writeStaticString(",") }
                let notice = String(decoding: try JSONEncoder.hub().encode(entry.notice), as: UTF8.self)
                body.writeString("{\"notice\":" + notice + "}")
            }
            body.writeStaticString("]}")
            var stored = 0
            var deletionsRefused = 0
            if sending > 0 || !notices.isEmpty {
                let url = peer.exchangeURL
                let answer = try await http.send(.POST, url, body: body, contentType: "application/json", accept: "application/json")
                guard answer.status == 200 else { throw PeerExchangeError.status(.POST, url, answer, expected: "200") }
                let result = try Self.json(answer, .POST, url)
                guard result["stored"]?.int64Value != nil else { throw PeerExchangeError("POST \(url) answered without a stored count") }
                let failed = (result["refused"]?.arrayValue ?? []).map { item in
                    PeerRefusal(peerID: peer.id, direction: .outbound, objectID: item["id"]?.stringValue ?? "?", version: item["version"]?.stringValue,
                                code: item["code"]?.stringValue ?? "peer-failed", reason: item["reason"]?.stringValue ?? "the peer refused it without a reason")
                }
                refusals += failed
                outcome.peerFailed += failed.count
                stored = sending - failed.count
                deletionsRefused = result["deletions_refused"]?.arrayValue?.count ?? 0
                outcome.deletionsSent += Int(result["deletions_applied"]?.int64Value ?? 0)
                outcome.deletionsRefused += deletionsRefused
            }
            let audit = self.audit("federation.push", ["considered": page.versions.count, "sent": stored, "refused": refusals.count,
                                                       "deletions": notices.count, "deletions_refused": deletionsRefused])
            if let last = page.versions.last {
                try await hub.federation.advancePush(peer: peer.id, to: last.dateAdded, sent: Int64(stored), refusals: refusals, audit: audit)
                cursor = last.dateAdded
            } else {
                try await hub.peers.record(refusals)
                try await hub.audit.append(audit)
            }
            if let lastNotice = notices.last {
                try await hub.federation.advancePushDeletions(peer: peer.id, to: lastNotice.sequence)
                deletionCursor = lastNotice.sequence
            }
            outcome.sent += stored
            outcome.refusedOut += refusals.count - (sending - stored)
            if !page.more && notices.count < settings.exchangePageSize { break }
        }
        return outcome
    }

    /// The peer's hub id: the one stored, else asked of `GET /api/v1/federation/hub` and stored.
    func remoteHubID(known: String?) async throws -> String {
        if let known { return known }
        let url = peer.hubBaseURL + "/api/v1/federation/hub"
        let answer = try await http.send(.GET, url, accept: "application/json")
        guard answer.status == 200 else { throw PeerExchangeError.status(.GET, url, answer, expected: "200") }
        guard let id = try Self.json(answer, .GET, url)["hub_id"]?.stringValue, id.hasPrefix("hub--") else {
            throw PeerExchangeError("GET \(url) answered without a hub_id: is \(peer.hubBaseURL) a Kakehashi hub?")
        }
        try await hub.federation.setRemoteHubID(peer: peer.id, id)
        return id
    }
}

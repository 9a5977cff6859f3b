import Foundation
import KakehashiCore
import KakehashiStorage
import NIOCore
import NIOHTTP1

extension PeerExchanger {
    /// Pushes to a TAXII 2.1 server: the collection's versions after the push cursor, each passed through the
    /// egress decision, posted as envelopes; each envelope's status is followed until it completes, what the
    /// peer reports failed is kept with its reason, and only then does the cursor move.
    func pushTAXII(from collection: SharingCollection) async throws -> Outcome {
        var cursor = try await hub.peers.state(of: peer.id).pushCursor
        var outcome = Outcome()
        while true {
            let page = try await hub.federation.outbound(in: collection, after: cursor, limit: settings.pushPageSize)
            guard let last = page.versions.last else { break }
            var refusals: [PeerRefusal] = []
            var sending: [OutboundVersion] = []
            for version in page.versions {
                if let refusal = outboundRefusal(version, remoteHubID: nil) { refusals.append(refusal) } else { sending.append(version) }
            }
            var succeeded = 0
            if !sending.isEmpty {
                let failures = try await post(sending)
                succeeded = sending.count - failures.count
                refusals += failures
                outcome.peerFailed += failures.count
            }
            let audit = self.audit("federation.push", ["considered": page.versions.count, "sent": succeeded, "refused": refusals.count])
            try await hub.federation.advancePush(peer: peer.id, to: last.dateAdded, sent: Int64(succeeded), refusals: refusals, audit: audit)
            cursor = last.dateAdded
            outcome.sent += succeeded
            outcome.refusedOut += refusals.count - (sending.count - succeeded)
            if !page.more { break }
        }
        if outcome.sent + outcome.refusedOut + outcome.peerFailed > 0 {
            logger.info("pushed to peer", metadata: ["federation.sent": "\(outcome.sent)", "federation.refused": "\(outcome.refusedOut)", "federation.peer_failed": "\(outcome.peerFailed)"])
        }
        return outcome
    }

    /// Posts one envelope of unchanged object texts and follows its status until complete.
    /// - Returns: the versions the peer reported failed, as outbound refusals `peer-failed`.
    private func post(_ versions: [OutboundVersion]) async throws -> [PeerRefusal] {
        var body = ByteBuffer()
        body.writeStaticString("{\"objects\":[")
        for (index, version) in versions.enumerated() {
            if index > 0 { body.writeStaticString(",") }
            body.writeString(version.json)
        }
        body.writeStaticString("]}")
        let url = peer.objectsURL
        let answer = try await http.send(.POST, url, body: body, contentType: TAXIIMediaType.taxii, accept: TAXIIMediaType.taxii)
        guard answer.status == 202 || answer.status == 200 else { throw PeerExchangeError.status(.POST, url, answer, expected: "202") }
        var status = try Self.json(answer, .POST, url)
        var wait = Duration.milliseconds(100)
        let deadline = ContinuousClock.now + settings.statusDeadline
        while status["status"]?.stringValue != "complete" {
            guard let id = status["id"]?.stringValue else {
                throw PeerExchangeError("POST \(url) answered a status that is neither complete nor has an id to follow")
            }
            guard ContinuousClock.now < deadline else {
                throw PeerExchangeError("the status \(id) of an envelope posted to \(url) is still \(status["status"]?.stringValue ?? "unknown") after \(settings.statusDeadline)")
            }
            try await Task.sleep(for: wait)
            wait = min(wait * 2, .seconds(5))
            let statusURL = (peer.apiRoot.hasSuffix("/") ? peer.apiRoot : peer.apiRoot + "/") + "status/\(id)/"
            let polled = try await http.send(.GET, statusURL, accept: TAXIIMediaType.taxii)
            guard polled.status == 200 else { throw PeerExchangeError.status(.GET, statusURL, polled, expected: "200") }
            status = try Self.json(polled, .GET, statusURL)
        }
        return (status["failures"]?.arrayValue ?? []).map { failure in
            PeerRefusal(peerID: peer.id, direction: .outbound, objectID: failure["id"]?.stringValue ?? "?", version: failure["version"]?.stringValue,
                        code: "peer-failed", reason: failure["message"]?.stringValue ?? "the peer reported it failed without a message")
        }
    }

    /// Sends the TAXII `DELETE`s owed to a foreign peer for objects deleted here, marking each done or refused.
    /// A peer that is down leaves them owed; one that answers that it will not delete has the refusal kept.
    func sendDeletions() async throws -> Outcome {
        var outcome = Outcome()
        while true {
            let owed = try await hub.federation.pendingDeletions(for: peer.id, limit: 100)
            if owed.isEmpty { break }
            for objectID in owed {
                let url = peer.objectsURL + objectID + "/"
                let answer = try await http.send(.DELETE, url, accept: TAXIIMediaType.taxii)
                let audit = self.audit("federation.delete", ["status": answer.status])
                switch answer.status {
                case 200..<300:
                    try await hub.federation.markDeletion(for: peer.id, objectID: objectID, .done, audit: audit)
                    outcome.deletionsSent += 1
                case 404:
                    try await hub.federation.markDeletion(for: peer.id, objectID: objectID, .done, reason: "the peer no longer holds it (HTTP 404)", audit: audit)
                    outcome.deletionsSent += 1
                case 400..<500 where answer.status != 408 && answer.status != 429:
                    let reason = "HTTP \(answer.status): " + answer.text.prefix(300).replacingOccurrences(of: "\n", with: " ")
                    try await hub.federation.markDeletion(for: peer.id, objectID: objectID, .refused, reason: reason, audit: audit)
                    outcome.deletionsRefused += 1
                default:
                    throw PeerExchangeError.status(.DELETE, url, answer, expected: "200")
                }
            }
        }
        return outcome
    }

    /// The JSON object of an answer, or an error naming the call.
    static func json(_ answer: PeerHTTPClient.Answer, _ method: HTTPMethod, _ url: String) throws -> JSONValue {
        let value: JSONValue
        do {
            value = try answer.body.withUnsafeReadableBytes { try JSONValue.parse($0) }
        } catch {
            throw PeerExchangeError("\(method) \(url) answered HTTP \(answer.status) with a body that is not JSON: \(error)")
        }
        guard value.objectValue != nil else { throw PeerExchangeError("\(method) \(url) answered HTTP \(answer.status) with JSON that is not an object") }
        return value
    }
}

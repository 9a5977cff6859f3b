import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

extension ExchangeController {
    /// A version this hub did not store, and why.
    struct RefusedItem: Encodable {
        let id: String
        let version: String?
        let code: String
        let reason: String
    }

    /// A deletion notice this hub did not apply, and why.
    struct RefusedDeletion: Encodable {
        let objectID: String
        let reason: String

        enum CodingKeys: String, CodingKey {
            case objectID = "object_id", reason
        }
    }

    /// The answer to a push, sent once everything it reports is committed.
    struct PushResult: Encodable, ResponseEncodable {
        let stored: Int
        let duplicates: Int
        let refused: [RefusedItem]
        let deletionsApplied: Int
        let deletionsRefused: [RefusedDeletion]

        enum CodingKeys: String, CodingKey {
            case stored, duplicates, refused
            case deletionsApplied = "deletions_applied", deletionsRefused = "deletions_refused"
        }
    }

    /// `POST …/exchange` with `{"hub_id", "items": [{"chain", "object"}], "deletions": [{"notice"}]}`: each
    /// object is validated as a TAXII post is and checked against the peer's rules on the way in; the rest are
    /// stored with their chain in one commit, each refusal recorded; then each verified notice is applied.
    @Sendable func push(_ request: Request, context: HubRequestContext) async throws -> PushResult {
        let principal = try context.require(.write)
        let (peer, collection) = try await declaration(context, principal: principal, needs: \.pulls, verb: "push to")
        let headerHub = try Self.callerHubID(request)
        var request = request
        let bytes = try await request.collectBody(upTo: HubLimits.maxBodyBytes)
        let body: JSONValue
        do {
            body = try bytes.withUnsafeReadableBytes { try JSONValue.parse($0) }
        } catch {
            throw APIError(.badRequest, code: "invalid-body", "the body is not JSON: \(error)")
        }
        guard body.objectValue != nil else {
            throw APIError(.badRequest, code: "invalid-body", "push a JSON object: {\"hub_id\": …, \"items\": [{\"chain\": […], \"object\": {…}}], \"deletions\": [{\"notice\": {…}}]}")
        }
        let callerHub = try Self.pushedHubID(body["hub_id"], header: headerHub)
        let items = try Self.list(body["items"], field: "items")
        let notices = try Self.list(body["deletions"], field: "deletions")
        guard items.count <= Self.maxItems else {
            throw APIError(.badRequest, code: "invalid-field", "a push carries at most \(Self.maxItems) items; this one has \(items.count)", field: "items")
        }

        let now = Date()
        let identity = try await hub.identity.identity()
        var refused: [RefusedItem] = []
        var refusals: [PeerRefusal] = []
        func refuse(_ id: String, _ version: String?, code: String, _ reason: String) {
            refused.append(RefusedItem(id: id, version: version, code: code, reason: reason))
            refusals.append(PeerRefusal(peerID: peer.id, direction: .inbound, objectID: id, version: version, code: code, reason: reason, at: now))
        }

        // The shape of each item first; objects then validated together, as a TAXII envelope's are.
        var objects: [JSONValue] = []
        var chains: [[String]] = []
        for (index, item) in items.enumerated() {
            let object = item["object"]
            let id = object?["id"]?.stringValue ?? "items[\(index)]"
            let version = (object?["modified"] ?? object?["created"])?.stringValue
            guard let object, object.objectValue != nil else {
                refuse(id, version, code: "invalid", "items[\(index)].object must be a STIX object")
                continue
            }
            let chainValue = item["chain"] ?? .array([])
            guard let list = chainValue.arrayValue, let chain = Optional(list.compactMap(\.stringValue)), chain.count == list.count,
                  chain.allSatisfy(Self.isHubID) else {
                refuse(id, version, code: "invalid", "items[\(index)].chain must be a list of hub ids (hub--<uuid>)")
                continue
            }
            objects.append(object)
            chains.append(chain)
        }
        var versions: [FederatedVersion] = []
        for (index, result) in await ObjectsController.validate(objects, with: validator).enumerated() {
            let value = objects[index]
            switch result {
            case .failure(let error):
                refuse(value["id"]?.stringValue ?? "items[\(index)]", (value["modified"] ?? value["created"])?.stringValue, code: "invalid", error.description)
            case .success(let object):
                let chain = chains[index]
                if chain.contains(identity.hubID) {
                    refuse(object.id, object.version?.text, code: EgressPolicy.Refusal.peerInChain.code, "the version came through this hub already")
                } else if let refusal = EgressPolicy.inboundRefusal(marked: object.tlp, chain: chain, from: peer, into: collection) {
                    refuse(object.id, object.version?.text, code: refusal.code, refusal.description)
                } else {
                    versions.append(FederatedVersion(object: object, chain: chain))
                }
            }
        }
        let screened = try await hub.federation.screenDeletedAtOrigin(versions, from: peer, in: collection.id, now: now)
        for refusal in screened.refused {
            refused.append(RefusedItem(id: refusal.objectID, version: refusal.version, code: refusal.code, reason: refusal.reason))
        }
        var details = ["collection": collection.id.uuidString.lowercased(), "received": String(items.count), "refused": String(refused.count),
                       "deletions": String(notices.count)]
        if let callerHub { details["hub_id"] = callerHub }
        let audit = AuditRecord.by(context, action: "federation.exchange.push", objectType: "peer", objectID: peer.id.uuidString.lowercased(), details: details)
        let outcome = try await hub.federation.receive(screened.kept, refusals: refusals + screened.refused, from: peer, into: collection, audit: audit, now: now)

        var applied = 0
        var deletionsRefused: [RefusedDeletion] = []
        for (index, item) in notices.enumerated() {
            guard let value = item["notice"], let notice = try? JSONDecoder().decode(DeletionNotice.self, from: Data(value.serialized().utf8)) else {
                deletionsRefused.append(RefusedDeletion(objectID: item["notice"]?["object_id"]?.stringValue ?? "deletions[\(index)]",
                                                        reason: "deletions[\(index)].notice must be a deletion notice: object_id, origin_hub, origin_key, deleted_at, signature"))
                continue
            }
            let record = AuditRecord.by(context, action: "federation.deletion.apply", objectType: "stix-object", objectID: notice.objectID,
                                        details: ["collection": collection.id.uuidString.lowercased()])
            do {
                try await hub.federation.applyDeletion(notice, from: peer, into: collection, audit: record, now: now)
                applied += 1
            } catch let error as FederationError {
                deletionsRefused.append(RefusedDeletion(objectID: notice.objectID, reason: error.description))
            }
        }
        return PushResult(stored: outcome.fresh.count, duplicates: outcome.duplicates, refused: refused, deletionsApplied: applied, deletionsRefused: deletionsRefused)
    }

    /// The pusher's hub id: the body's `hub_id`, which must agree with `Kakehashi-Hub-ID` when both are sent.
    static func pushedHubID(_ value: JSONValue?, header: String?) throws -> String? {
        guard let value, value != .null else { return header }
        guard let text = value.stringValue, isHubID(text) else {
            throw APIError(.badRequest, code: "invalid-field", "hub_id must be a hub id, hub--<uuid>", field: "hub_id")
        }
        if let header, header != text {
            throw APIError(.badRequest, code: "invalid-field", "hub_id (\(text)) and the Kakehashi-Hub-ID header (\(header)) name different hubs", field: "hub_id")
        }
        return text
    }

    /// A list member of the body; absent is empty.
    static func list(_ value: JSONValue?, field: String) throws -> [JSONValue] {
        guard let value, value != .null else { return [] }
        guard let list = value.arrayValue else {
            throw APIError(.badRequest, code: "invalid-field", "\(field) must be a list", field: field)
        }
        return list
    }
}

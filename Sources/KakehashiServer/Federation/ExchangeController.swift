import Foundation
import HTTPTypes
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/federation`: where another Kakehashi hub exchanges a collection with this one. Versions travel
/// unchanged with their chain of hubs beside them, deletion notices with them.
///
/// - `GET /hub`: this hub's id and public key.
/// - `GET /collections/{id}/exchange?after=&deletions_after=&limit=`: the calling hub pulls a page.
/// - `POST /collections/{id}/exchange`: the calling hub pushes versions and deletion notices.
///
/// The caller is a peer: it signs in with a token of the organisation a peer declaration stands for, and that
/// declaration's rules (cap, community, unmarked default) decide what crosses, on the way out and in.
struct ExchangeController {
    let hub: Hub
    let validator: STIXValidator

    /// The header where a calling hub names itself.
    static let hubIDHeader = HTTPField.Name("Kakehashi-Hub-ID")!
    /// The most versions one page or one push carries.
    static let maxItems = 5000

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("hub", use: hubIdentity)
        routes.get("collections/:collection/exchange", use: pull)
        routes.post("collections/:collection/exchange", use: push)
        return routes
    }

    struct HubView: Codable, ResponseEncodable {
        let hubID: String
        let publicKey: String

        enum CodingKeys: String, CodingKey {
            case hubID = "hub_id", publicKey = "public_key"
        }
    }

    /// `GET /api/v1/federation/hub`, for any signed-in principal.
    @Sendable func hubIdentity(_ request: Request, context: HubRequestContext) async throws -> HubView {
        _ = try context.requirePrincipal()
        let identity = try await hub.identity.identity()
        return HubView(hubID: identity.hubID, publicKey: identity.publicKey)
    }

    /// `GET …/exchange`: the versions added after `after` that may go to the caller, and the deletion notices
    /// after `deletions_after`. Refused versions are left out but `next_after` moves past them; each is
    /// recorded as an outbound refusal once, however often the page is pulled again.
    @Sendable func pull(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.read)
        let (peer, collection) = try await declaration(context, principal: principal, needs: \.pushes, verb: "pull from")
        let callerHub = try Self.callerHubID(request)
        let query = request.uri.queryParameters
        let after = try Self.integer(query["after"].map(String.init), field: "after", default: 0, range: 0...Int64.max)
        let deletionsAfter = try Self.integer(query["deletions_after"].map(String.init), field: "deletions_after", default: 0, range: 0...Int64.max)
        let limit = Int(try Self.integer(query["limit"].map(String.init), field: "limit", default: 1000, range: 1...Int64(Self.maxItems)))

        let identity = try await hub.identity.identity()
        let page = try await hub.federation.outbound(in: collection, after: after, limit: limit)
        let deletions = try await hub.federation.deletions(in: collection.id, after: deletionsAfter, limit: limit)
        var body = "{\"hub_id\":" + JSONValue.string(identity.hubID).serialized() + ",\"items\":["
        body.reserveCapacity(page.versions.reduce(256) { $0 + $1.json.utf8.count + 160 })
        var sent = 0, echoes = 0
        var refusals: [PeerRefusal] = []
        for version in page.versions {
            let refusal: EgressPolicy.Refusal? = version.sourcePeer == peer.id ? .peerInChain : EgressPolicy.refusal(version.subject, for: .peer(peer, hubID: callerHub))
            if let refusal {
                // A version the caller sent or relayed is not refused for a rule; it is the echo that ends a cycle.
                if refusal == .peerInChain { echoes += 1; continue }
                refusals.append(PeerRefusal(peerID: peer.id, direction: .outbound, objectID: version.objectID, version: version.versionText,
                                            code: refusal.code, reason: refusal.description))
                continue
            }
            if sent > 0 { body += "," }
            body += "{\"date_added\":\(version.dateAdded),\"chain\":"
            body += JSONValue.array((version.subject.chain + [identity.hubID]).map(JSONValue.string)).serialized()
            body += ",\"object\":" + version.json + "}"
            sent += 1
        }
        let nextAfter = page.versions.last?.dateAdded ?? after
        let nextDeletionsAfter = deletions.deletions.last?.sequence ?? deletionsAfter
        body += "],\"next_after\":\(nextAfter),\"more\":\(page.more || deletions.more),\"deletions\":["
        body += try deletions.deletions.map { "{\"sequence\":\($0.sequence),\"notice\":" + String(decoding: try HubJSON.encoder.encode($0.notice), as: UTF8.self) + "}" }
            .joined(separator: ",")
        body += "],\"next_deletions_after\":\(nextDeletionsAfter)}"

        var details = ["collection": collection.id.uuidString.lowercased(), "after": String(after), "next_after": String(nextAfter),
                       "sent": String(sent), "refused": String(refusals.count), "echoes": String(echoes), "deletions": String(deletions.deletions.count)]
        if let callerHub { details["hub_id"] = callerHub }
        let audit = AuditRecord.by(context, action: "federation.exchange.pull", objectType: "peer", objectID: peer.id.uuidString.lowercased(), details: details)
        try await hub.federation.recordServed(peer: peer.id, sent: sent, refusals: refusals, audit: audit)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The caller's peer declaration for the collection the path names, that lets objects travel the way
    /// the caller asks (`needs`: `\.pushes` when it pulls from this hub, `\.pulls` when it pushes to it).
    func declaration(_ context: HubRequestContext, principal: Principal, needs: KeyPath<Peer.Direction, Bool>,
                     verb: String) async throws -> (Peer, SharingCollection) {
        let text = context.parameters.get("collection") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw APIError(.notFound, code: "not-found", "'\(text)' is not a collection id", field: "collection")
        }
        let declared = try await hub.peers.peers(standingFor: principal.organisation.id).filter { $0.localCollection == id }
        guard !declared.isEmpty else {
            throw APIError(.forbidden, code: "no-peer-declared",
                           "no peer is declared on this hub for your organisation (\(principal.organisation.nameEn)) and collection \(id.uuidString.lowercased())")
        }
        let usable = declared.filter { $0.direction[keyPath: needs] }
        guard !usable.isEmpty else {
            throw APIError(.forbidden, code: "peer-direction",
                           "the peer declared for your organisation and this collection does not let you \(verb) this hub (direction \(declared[0].direction.rawValue))")
        }
        guard let peer = usable.first(where: { !$0.paused }) else {
            throw APIError(.forbidden, code: "peer-paused", "the peer '\(usable[0].name)' is paused on this hub; nothing is exchanged until it is resumed")
        }
        guard let collection = try await hub.collections.find(id: id) else {
            throw APIError(.notFound, code: "not-found", "collection \(id.uuidString.lowercased()) does not exist", field: "collection")
        }
        return (peer, collection)
    }

    /// The calling hub's id from `Kakehashi-Hub-ID`, if it sent one.
    static func callerHubID(_ request: Request) throws -> String? {
        guard let value = request.headers[hubIDHeader] else { return nil }
        guard Self.isHubID(value) else {
            throw APIError(.badRequest, code: "invalid-field", "Kakehashi-Hub-ID must be a hub id, hub--<uuid>", field: "Kakehashi-Hub-ID")
        }
        return value
    }

    static func isHubID(_ text: String) -> Bool {
        text.hasPrefix("hub--") && UUID(uuidString: String(text.dropFirst(5))) != nil
    }

    /// A query parameter as an integer in `range`, or `default` when absent.
    static func integer(_ text: String?, field: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        guard let text else { return value }
        guard let number = Int64(text), range.contains(number) else {
            let bounds = range.upperBound == .max ? "\(range.lowerBound) or more" : "\(range.lowerBound) to \(range.upperBound)"
            throw APIError(.badRequest, code: "invalid-field", "\(field) must be an integer, \(bounds); got '\(text)'", field: field)
        }
        return number
    }
}

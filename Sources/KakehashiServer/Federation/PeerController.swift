import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/peers`: the hubs and TAXII servers this hub exchanges objects with, and where each exchange stands
/// (hub administrators only). A peer's credentials are named by reference (`file:/path`, `env:NAME`), never sent.
struct PeerController {
    let hub: Hub

    var service: PeerService { PeerService(hub: hub) }

    struct CreateRequest: Decodable {
        let name: String
        /// `kakehashi` or `taxii`.
        let kind: String
        let apiRoot: String
        /// The collection's id at the peer.
        let collection: String
        /// The local collection, by id or alias.
        let localCollection: String
        /// The local organisation that stands for the peer, by id or name.
        let organisation: String
        /// `pull`, `push` or `both`.
        let direction: String
        /// `clear`, `green` (when omitted) or `amber` (with `sameCommunity`).
        let tlpCap: String?
        let sameCommunity: Bool?
        /// The TLP the peer applies to unmarked objects; `amber` when omitted.
        let unmarkedDefault: String?
        /// Seconds between exchanges; 60 when omitted.
        let intervalSeconds: Int?
        /// `file:/absolute/path` or `env:VARIABLE` (or `none`, when omitted); never the secret itself.
        let credential: String?
    }

    struct StateView: Encodable {
        let lastSuccessAt: Date?
        let lastError: String?
        let lastErrorAt: Date?
        let consecutiveFailures: Int
        let sent: Int64
        let received: Int64
        let refused: Int64
        let lagObjects: Int64
        let lagSeconds: Double

        init(_ state: PeerExchangeState) {
            lastSuccessAt = state.lastSuccessAt
            lastError = state.lastError
            lastErrorAt = state.lastErrorAt
            consecutiveFailures = state.consecutiveFailures
            sent = state.sent
            received = state.received
            refused = state.refused
            lagObjects = state.lagObjects
            lagSeconds = state.lagSeconds
        }
    }

    struct RefusalView: Encodable, ResponseEncodable {
        /// `in` (refused from the peer) or `out` (refused for it, or reported failed by it).
        let direction: String
        let objectID: String
        let version: String?
        let code: String
        let reason: String
        let at: Date

        init(_ refusal: PeerRefusal) {
            direction = refusal.direction.rawValue
            objectID = refusal.objectID
            version = refusal.version
            code = refusal.code
            reason = refusal.reason
            at = refusal.at
        }
    }

    struct DeletionView: Encodable {
        let objectID: String
        let reason: String?
        let at: Date
    }

    struct PeerView: Encodable, ResponseEncodable {
        let id: UUID
        let name: String
        let kind: String
        let apiRoot: String
        let collection: String
        let localCollection: UUID
        let organisation: UUID
        let direction: String
        let tlpCap: String
        let sameCommunity: Bool
        let unmarkedDefault: String
        let intervalSeconds: Int
        let paused: Bool
        /// Where the secret is read from; the secret itself is never shown.
        let credential: String
        let createdAt: Date
        let state: StateView
        /// On `GET /api/v1/peers/{id}` only: the newest refusals and the deletions the peer refused.
        let refusals: [RefusalView]?
        let refusedDeletions: [DeletionView]?

        init(_ peer: Peer, state: PeerExchangeState, refusals: [PeerRefusal]? = nil, refusedDeletions: [PeerRepository.RefusedDeletion]? = nil) {
            id = peer.id
            name = peer.name
            kind = peer.kind.rawValue
            apiRoot = peer.apiRoot
            collection = peer.remoteCollection
            localCollection = peer.localCollection
            organisation = peer.organisation
            direction = peer.direction.rawValue
            tlpCap = peer.tlpCap.rawValue
            sameCommunity = peer.sameCommunity
            unmarkedDefault = peer.unmarkedDefault.rawValue
            intervalSeconds = peer.intervalSeconds
            paused = peer.paused
            credential = peer.credential.reference
            createdAt = peer.createdAt
            self.state = StateView(state)
            self.refusals = refusals?.map(RefusalView.init)
            self.refusedDeletions = refusedDeletions?.map { DeletionView(objectID: $0.objectID, reason: $0.reason, at: $0.at) }
        }
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.get(":id", use: show)
        routes.delete(":id", use: remove)
        routes.post(":id/pause", use: pause)
        routes.post(":id/resume", use: resume)
        routes.get(":id/refusals", use: refusals)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [PeerView] {
        try requireHubAdministrator(context)
        let peers = try await service.overview()
        try await hub.audit.append(.by(context, action: "peer.list", objectType: "peer", details: ["count": String(peers.count)]))
        return peers.map { PeerView($0.peer, state: $0.state) }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<PeerView> {
        try requireHubAdministrator(context)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let declaration = PeerService.Declaration(
            name: body.name, kind: body.kind, apiRoot: body.apiRoot, collection: body.collection, localCollection: body.localCollection,
            organisation: body.organisation, direction: body.direction, tlpCap: body.tlpCap, sameCommunity: body.sameCommunity ?? false,
            unmarkedDefault: body.unmarkedDefault, intervalSeconds: body.intervalSeconds, credential: body.credential)
        do {
            let peer = try await service.declare(declaration, by: .request(context))
            return EditedResponse(status: .created, response: PeerView(peer, state: try await hub.peers.state(of: peer.id)))
        } catch let error as PeerDeclarationError {
            throw APIError(.badRequest, code: "invalid-field", error.message, field: Self.requestField(error.field))
        }
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> PeerView {
        try requireHubAdministrator(context)
        let peer = try await peer(context)
        try await hub.audit.append(.by(context, action: "peer.read", objectType: "peer", objectID: peer.id.uuidString.lowercased()))
        return PeerView(peer, state: try await hub.peers.state(of: peer.id), refusals: try await hub.peers.refusals(of: peer.id, limit: 20),
                        refusedDeletions: try await hub.peers.refusedDeletions(of: peer.id, limit: 50))
    }

    @Sendable func remove(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        try requireHubAdministrator(context)
        try await service.remove(try await peer(context).id, by: .request(context))
        return .noContent
    }

    @Sendable func pause(_ request: Request, context: HubRequestContext) async throws -> PeerView {
        try await setPaused(true, context: context)
    }

    @Sendable func resume(_ request: Request, context: HubRequestContext) async throws -> PeerView {
        try await setPaused(false, context: context)
    }

    @Sendable func refusals(_ request: Request, context: HubRequestContext) async throws -> [RefusalView] {
        try requireHubAdministrator(context)
        let peer = try await peer(context)
        let limitText = request.uri.queryParameters["limit"].map(String.init)
        let limit = limitText.flatMap(Int.init) ?? 100
        guard (1...1000).contains(limit) else {
            throw APIError(.badRequest, code: "invalid-field", "limit is 1 to 1000", field: "limit")
        }
        let refusals = try await hub.peers.refusals(of: peer.id, limit: limit)
        try await hub.audit.append(.by(context, action: "peer.refusals.read", objectType: "peer", objectID: peer.id.uuidString.lowercased(),
                                       details: ["count": String(refusals.count)]))
        return refusals.map(RefusalView.init)
    }

    private func setPaused(_ paused: Bool, context: HubRequestContext) async throws -> PeerView {
        try requireHubAdministrator(context)
        let id = try await peer(context).id
        try await service.setPaused(id, paused, by: .request(context))
        let peer = try await hub.peers.find(id: id)
        guard let peer else { throw APIError(.notFound, code: "not-found", "peer \(id.uuidString.lowercased()) does not exist") }
        return PeerView(peer, state: try await hub.peers.state(of: id))
    }

    /// The peer the path names.
    private func peer(_ context: HubRequestContext) async throws -> Peer {
        let text = try context.parameters.require("id")
        guard let id = UUID(uuidString: text) else {
            throw APIError(.badRequest, code: "invalid-field", "'\(text)' is not a peer id (a UUID)", field: "id")
        }
        guard let peer = try await hub.peers.find(id: id) else {
            throw APIError(.notFound, code: "not-found", "peer \(id.uuidString.lowercased()) does not exist")
        }
        return peer
    }

    @discardableResult
    private func requireHubAdministrator(_ context: HubRequestContext) throws -> Principal {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may manage federation peers")
        }
        return principal
    }

    /// The request body's name for a declaration error's field.
    static func requestField(_ field: String) -> String {
        switch field {
        case "api_root": "apiRoot"
        case "tlp_cap": "tlpCap"
        case "same_community": "sameCommunity"
        case "unmarked_default": "unmarkedDefault"
        case "interval": "intervalSeconds"
        case "local_collection": "localCollection"
        default: field
        }
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage

/// Declaring, pausing and removing peers, and reading where each exchange stands: what `kakehashi peer`,
/// `/api/v1/peers` and `/admin/peers` share. Every change is audited in the same commit.
public struct PeerService: Sendable {
    public let hub: Hub

    public init(hub: Hub) {
        self.hub = hub
    }

    /// A peer as an administrator writes it down: text from the command line, a form or a JSON body.
    /// Collections and organisations are named as the other commands name them (id, alias or name).
    public struct Declaration: Sendable {
        public var name: String
        public var kind: String
        public var apiRoot: String
        /// The collection's id at the peer.
        public var collection: String
        /// The local collection, by id or alias.
        public var localCollection: String
        /// The local organisation that stands for the peer, by id or name.
        public var organisation: String
        public var direction: String
        public var tlpCap: String?
        public var sameCommunity: Bool
        public var unmarkedDefault: String?
        public var intervalSeconds: Int?
        /// Where the secret is read from: `file:/path`, `env:NAME` or `none`; never the secret itself.
        public var credential: String?

        public init(name: String, kind: String, apiRoot: String, collection: String, localCollection: String, organisation: String, direction: String,
                    tlpCap: String? = nil, sameCommunity: Bool = false, unmarkedDefault: String? = nil, intervalSeconds: Int? = nil, credential: String? = nil) {
            self.name = name
            self.kind = kind
            self.apiRoot = apiRoot
            self.collection = collection
            self.localCollection = localCollection
            self.organisation = organisation
            self.direction = direction
            self.tlpCap = tlpCap
            self.sameCommunity = sameCommunity
            self.unmarkedDefault = unmarkedDefault
            self.intervalSeconds = intervalSeconds
            self.credential = credential
        }
    }

    /// Who makes a change, as the audit trail records it.
    public struct Actor: Sendable {
        let user: String?
        let organisation: String?
        let address: String?

        /// An administrator at the hub's command line.
        public static let commandLine = Actor(user: "cli", organisation: nil, address: "local")

        /// The principal behind a request.
        static func request(_ context: HubRequestContext) -> Actor {
            Actor(user: context.identity?.user.username, organisation: context.identity?.organisation.id.uuidString.lowercased(), address: context.clientAddress)
        }

        func record(_ action: String, peer: UUID, details: [String: String] = [:]) -> AuditRecord {
            AuditRecord(actorUser: user, actorOrganisation: organisation, action: action, objectType: "peer", objectID: peer.uuidString.lowercased(),
                        clientAddress: address, details: details)
        }
    }

    /// One peer with where its exchange stands, its newest refusals and the deletions it did not carry out.
    public struct Overview: Sendable {
        public let peer: Peer
        public let state: PeerExchangeState
        public let refusals: [PeerRefusal]
        public let refusedDeletions: [PeerRepository.RefusedDeletion]
    }

    /// Checks `declaration`, resolves its collection and organisation, and stores the peer with `audit`.
    /// - Throws: ``PeerDeclarationError`` naming the field at fault; ``StorageError`` `conflict` for a taken name.
    public func declare(_ declaration: Declaration, by actor: Actor) async throws -> Peer {
        let name = declaration.name.trimmingCharacters(in: .whitespaces)
        guard let kind = Peer.Kind(rawValue: declaration.kind.lowercased()) else {
            throw PeerDeclarationError(field: "kind", "the kind is kakehashi (another Kakehashi hub) or taxii (any TAXII 2.1 server), not '\(declaration.kind)'")
        }
        guard let direction = Peer.Direction(rawValue: declaration.direction.lowercased()) else {
            throw PeerDeclarationError(field: "direction", "the direction is pull, push or both, not '\(declaration.direction)'")
        }
        let tlpCap = try Self.level(declaration.tlpCap, field: "tlp_cap") ?? .green
        let unmarkedDefault = try Self.level(declaration.unmarkedDefault, field: "unmarked_default") ?? .amber
        let credential = try PeerCredential(reference: declaration.credential ?? "none")
        let collection = try await resolveCollection(declaration.localCollection)
        guard let organisation = try await hub.organisations.find(reference: declaration.organisation.trimmingCharacters(in: .whitespaces)) else {
            throw PeerDeclarationError(field: "organisation", "no organisation has the id or name '\(declaration.organisation)'; see 'kakehashi org list'")
        }
        let peer = Peer(name: name, kind: kind, apiRoot: declaration.apiRoot.trimmingCharacters(in: .whitespaces),
                        remoteCollection: declaration.collection.trimmingCharacters(in: .whitespaces), credential: credential, direction: direction,
                        localCollection: collection.id, organisation: organisation.id, tlpCap: tlpCap, sameCommunity: declaration.sameCommunity,
                        unmarkedDefault: unmarkedDefault, intervalSeconds: declaration.intervalSeconds ?? 60)
        try peer.validate()
        try await hub.peers.create(peer, audit: actor.record("peer.create", peer: peer.id, details: [
            "name": peer.name, "kind": peer.kind.rawValue, "direction": peer.direction.rawValue, "api_root": peer.apiRoot, "tlp_cap": peer.tlpCap.rawValue,
            "same_community": String(peer.sameCommunity), "credential": peer.credential.reference,
        ]))
        return peer
    }

    /// Pauses (`true`) or resumes a peer.
    /// - Throws: ``StorageError`` `notFound` for an unknown peer.
    public func setPaused(_ id: UUID, _ paused: Bool, by actor: Actor) async throws {
        try await hub.peers.setPaused(id: id, paused, audit: actor.record(paused ? "peer.pause" : "peer.resume", peer: id))
    }

    /// Removes a peer and its exchange state; what it delivered stays.
    /// - Throws: ``StorageError`` `notFound` for an unknown peer.
    public func remove(_ id: UUID, by actor: Actor) async throws {
        guard try await hub.peers.remove(id: id, audit: actor.record("peer.remove", peer: id)) else { throw StorageError(.notFound, "peer \(id.uuidString.lowercased()) does not exist") }
    }

    /// The peer named by id or name.
    public func find(reference: String) async throws -> Peer? {
        if let id = UUID(uuidString: reference), let peer = try await hub.peers.find(id: id) { return peer }
        return try await hub.peers.find(name: reference)
    }

    /// Every peer with its state, by name; `details` adds the newest refusals and refused deletions (up to `limit` each).
    public func overview(details: Bool = false, limit: Int = 10) async throws -> [Overview] {
        let states = try await hub.peers.states()
        var overviews: [Overview] = []
        for peer in try await hub.peers.list() {
            overviews.append(Overview(peer: peer, state: states[peer.id] ?? PeerExchangeState(),
                                      refusals: details ? try await hub.peers.refusals(of: peer.id, limit: limit) : [],
                                      refusedDeletions: details ? try await hub.peers.refusedDeletions(of: peer.id, limit: limit) : []))
        }
        return overviews
    }

    /// The local collection named by id or alias.
    func resolveCollection(_ reference: String) async throws -> SharingCollection {
        let reference = reference.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: reference), let collection = try await hub.collections.find(id: id) { return collection }
        if !reference.isEmpty, let collection = try await hub.collections.list().first(where: { $0.alias == reference }) { return collection }
        throw PeerDeclarationError(field: "local_collection", "no collection has the id or alias '\(reference)'; see 'kakehashi collection list'")
    }

    /// A TLP label from text (`clear`, `green`, `amber`, …); nil for no text.
    static func level(_ text: String?, field: String) throws -> TLPLevel? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let level = TLPLevel(label: text) else {
            throw PeerDeclarationError(field: field, "unknown TLP '\(text)'; expected clear, green or amber")
        }
        return level
    }
}

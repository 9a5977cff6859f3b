import Foundation
import KakehashiCore
import SQLKit

/// Declared peers and where each exchange stands.
public struct PeerRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Stores a validated declaration, with a fresh exchange state, and `audit` in the same commit.
    /// - Throws: ``PeerDeclarationError`` for an invalid declaration; ``StorageError`` `conflict` when the
    ///   name is taken, `notFound` for an unknown collection or organisation.
    public func create(_ peer: Peer, audit: AuditRecord? = nil) async throws {
        try peer.validate()
        try await database.transaction { db in
            if try await db.select().column(Schema.Peers.id).from(Schema.Peers.table).where(Schema.Peers.name, .equal, peer.name).first() != nil {
                throw StorageError(.conflict, "a peer named '\(peer.name)' already exists")
            }
            guard try await db.select().column(Schema.Collections.id).from(Schema.Collections.table)
                .where(Schema.Collections.id, .equal, peer.localCollection.dbText).first() != nil else {
                throw StorageError(.notFound, "collection \(peer.localCollection.dbText) does not exist")
            }
            guard try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table)
                .where(Schema.Organisations.id, .equal, peer.organisation.dbText).first() != nil else {
                throw StorageError(.notFound, "organisation \(peer.organisation.dbText) does not exist")
            }
            try await db.insert(into: Schema.Peers.table)
                .columns(Schema.Peers.id, Schema.Peers.name, Schema.Peers.kind, Schema.Peers.apiRoot, Schema.Peers.remoteCollection, Schema.Peers.credential,
                         Schema.Peers.direction, Schema.Peers.localCollection, Schema.Peers.organisationID, Schema.Peers.tlpCap, Schema.Peers.sameCommunity,
                         Schema.Peers.unmarkedDefault, Schema.Peers.intervalSeconds, Schema.Peers.paused, Schema.Peers.createdAt)
                .values(SQLBind(peer.id.dbText), SQLBind(peer.name), SQLBind(peer.kind.rawValue), SQLBind(peer.apiRoot), SQLBind(peer.remoteCollection),
                        SQLBind(peer.credential.reference), SQLBind(peer.direction.rawValue), SQLBind(peer.localCollection.dbText),
                        SQLBind(peer.organisation.dbText), SQLBind(peer.tlpCap.rawValue), SQLBind(peer.sameCommunity ? 1 : 0),
                        SQLBind(peer.unmarkedDefault.rawValue), SQLBind(peer.intervalSeconds), SQLBind(peer.paused ? 1 : 0), SQLBind(peer.createdAt.micros))
                .run()
            try await db.insert(into: Schema.PeerState.table)
                .columns(Schema.PeerState.peerID, Schema.PeerState.pushCursor, Schema.PeerState.pullDeletionCursor, Schema.PeerState.pushDeletionCursor, Schema.PeerState.failures,
                         Schema.PeerState.sent, Schema.PeerState.received, Schema.PeerState.refused, Schema.PeerState.lagObjects, Schema.PeerState.lagMillis)
                .values(SQLBind(peer.id.dbText), SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind(0), SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind(Int64(0)),
                        SQLBind(Int64(0)), SQLBind(Int64(0)))
                .run()
            if let audit { _ = try await AuditLog.append(audit, on: db) }
        }
    }

    /// Every declared peer, by name.
    public func list() async throws -> [Peer] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Peers.table).orderBy(Schema.Peers.name).all().map(Self.decode)
        }
    }

    /// The peer with `id`, if any.
    public func find(id: UUID) async throws -> Peer? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Peers.table).where(Schema.Peers.id, .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// The peer named `name`, if any.
    public func find(name: String) async throws -> Peer? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Peers.table).where(Schema.Peers.name, .equal, name).first().map(Self.decode)
        }
    }

    /// The peers that the local organisation `organisation` stands for (how a calling Kakehashi peer is recognised).
    public func peers(standingFor organisation: UUID) async throws -> [Peer] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Peers.table).where(Schema.Peers.organisationID, .equal, organisation.dbText)
                .orderBy(Schema.Peers.name).all().map(Self.decode)
        }
    }

    /// Removes a peer, its exchange state, refusals and owed deletions. What it delivered stays, with its provenance.
    /// - Returns: whether there was such a peer.
    @discardableResult
    public func remove(id: UUID, audit: AuditRecord? = nil) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.select().column(Schema.Peers.id).from(Schema.Peers.table).where(Schema.Peers.id, .equal, id.dbText).first() != nil else { return false }
            for (table, column) in [(Schema.PeerRefusals.table, Schema.PeerRefusals.peerID), (Schema.PeerDeletions.table, Schema.PeerDeletions.peerID),
                                    (Schema.PeerState.table, Schema.PeerState.peerID), (Schema.Peers.table, Schema.Peers.id)] {
                try await db.delete(from: table).where(column, .equal, id.dbText).run()
            }
            if let audit { _ = try await AuditLog.append(audit, on: db) }
            return true
        }
    }

    /// Pauses or resumes a peer.
    /// - Throws: ``StorageError`` `notFound` for an unknown peer.
    public func setPaused(id: UUID, _ paused: Bool, audit: AuditRecord? = nil) async throws {
        try await database.transaction { db in
            guard try await db.select().column(Schema.Peers.id).from(Schema.Peers.table).where(Schema.Peers.id, .equal, id.dbText).first() != nil else {
                throw StorageError(.notFound, "peer \(id.dbText) does not exist")
            }
            try await db.update(Schema.Peers.table).set(Schema.Peers.paused, to: paused ? 1 : 0).where(Schema.Peers.id, .equal, id.dbText).run()
            if let audit { _ = try await AuditLog.append(audit, on: db) }
        }
    }

    /// Where the exchange with `peer` stands.
    /// - Throws: ``StorageError`` `notFound` for an unknown peer.
    public func state(of peer: UUID) async throws -> PeerExchangeState {
        try await database.read { db in
            guard let row = try await db.select().column("*").from(Schema.PeerState.table).where(Schema.PeerState.peerID, .equal, peer.dbText).first() else {
                throw StorageError(.notFound, "peer \(peer.dbText) has no exchange state")
            }
            return try Self.decodeState(row)
        }
    }

    /// Where every exchange stands, by peer id.
    public func states() async throws -> [UUID: PeerExchangeState] {
        try await database.read { db in
            var states: [UUID: PeerExchangeState] = [:]
            for row in try await db.select().column("*").from(Schema.PeerState.table).all() {
                states[try row.uuid(Schema.PeerState.peerID)] = try Self.decodeState(row)
            }
            return states
        }
    }

    /// The newest refusals for `peer`, newest first.
    public func refusals(of peer: UUID, limit: Int = 50) async throws -> [PeerRefusal] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.PeerRefusals.table).where(Schema.PeerRefusals.peerID, .equal, peer.dbText)
                .orderBy(Schema.PeerRefusals.at, .descending).limit(limit).all().map { row in
                    PeerRefusal(peerID: try row.uuid(Schema.PeerRefusals.peerID),
                                direction: try row.enumValue(Schema.PeerRefusals.direction, as: PeerRefusal.Direction.self),
                                objectID: try row.decode(column: Schema.PeerRefusals.objectID, as: String.self),
                                version: try row.decode(column: Schema.PeerRefusals.version, as: String?.self),
                                code: try row.decode(column: Schema.PeerRefusals.code, as: String.self),
                                reason: try row.decode(column: Schema.PeerRefusals.reason, as: String.self),
                                at: try row.date(Schema.PeerRefusals.at))
                }
        }
    }

    /// Appends refusals (on the way in or out, or reported by the peer) and counts them in the peer's state, in one commit.
    public func record(_ refusals: [PeerRefusal]) async throws {
        guard !refusals.isEmpty else { return }
        try await database.transaction { db in try await Self.record(refusals, on: db) }
    }

    /// ``record(_:)`` inside a caller's transaction.
    static func record(_ refusals: [PeerRefusal], on db: any SQLDatabase) async throws {
        for slice in refusals.chunked(into: 500) {
            var insert = db.insert(into: Schema.PeerRefusals.table)
                .columns(Schema.PeerRefusals.id, Schema.PeerRefusals.peerID, Schema.PeerRefusals.direction, Schema.PeerRefusals.objectID,
                         Schema.PeerRefusals.version, Schema.PeerRefusals.code, Schema.PeerRefusals.reason, Schema.PeerRefusals.at)
            for refusal in slice {
                insert = insert.values(SQLBind(UUID().dbText), SQLBind(refusal.peerID.dbText), SQLBind(refusal.direction.rawValue), SQLBind(refusal.objectID),
                                       SQLBind(refusal.version), SQLBind(refusal.code), SQLBind(refusal.reason), SQLBind(refusal.at.micros))
            }
            try await insert.run()
        }
        for (peer, count) in Dictionary(grouping: refusals, by: \.peerID).mapValues(\.count) {
            try await db.raw("UPDATE \(ident: Schema.PeerState.table.string) SET \(ident: Schema.PeerState.refused.string) = \(ident: Schema.PeerState.refused.string) + \(bind: Int64(count)) WHERE \(ident: Schema.PeerState.peerID.string) = \(bind: peer.dbText)").run()
        }
    }

    /// Records a successful exchange: resets the failure count and adds to the counts.
    public func recordSuccess(peer: UUID, sent: Int64 = 0, received: Int64 = 0, lagObjects: Int64, lagSeconds: Double, at now: Date = Date()) async throws {
        let s = Schema.PeerState.self
        try await database.transaction { db in
            try await db.raw("""
                UPDATE \(ident: s.table.string) SET \(ident: s.sent.string) = \(ident: s.sent.string) + \(bind: sent),
                  \(ident: s.received.string) = \(ident: s.received.string) + \(bind: received), \(ident: s.failures.string) = 0,
                  \(ident: s.lastSuccessAt.string) = \(bind: now.micros), \(ident: s.lagObjects.string) = \(bind: lagObjects),
                  \(ident: s.lagMillis.string) = \(bind: Int64((lagSeconds * 1000).rounded()))
                WHERE \(ident: s.peerID.string) = \(bind: peer.dbText)
                """).run()
        }
    }

    /// Records a failed exchange with its reason (never a secret), and counts it toward the backoff.
    public func recordFailure(peer: UUID, reason: String, at now: Date = Date()) async throws {
        let s = Schema.PeerState.self
        try await database.transaction { db in
            try await db.raw("""
                UPDATE \(ident: s.table.string) SET \(ident: s.failures.string) = \(ident: s.failures.string) + 1,
                  \(ident: s.lastError.string) = \(bind: String(reason.prefix(1000))), \(ident: s.lastErrorAt.string) = \(bind: now.micros)
                WHERE \(ident: s.peerID.string) = \(bind: peer.dbText)
                """).run()
        }
    }

    static func decode(_ row: any SQLRow) throws -> Peer {
        Peer(id: try row.uuid(Schema.Peers.id),
             name: try row.decode(column: Schema.Peers.name, as: String.self),
             kind: try row.enumValue(Schema.Peers.kind, as: Peer.Kind.self),
             apiRoot: try row.decode(column: Schema.Peers.apiRoot, as: String.self),
             remoteCollection: try row.decode(column: Schema.Peers.remoteCollection, as: String.self),
             credential: try PeerCredential(reference: try row.decode(column: Schema.Peers.credential, as: String.self)),
             direction: try row.enumValue(Schema.Peers.direction, as: Peer.Direction.self),
             localCollection: try row.uuid(Schema.Peers.localCollection),
             organisation: try row.uuid(Schema.Peers.organisationID),
             tlpCap: try row.enumValue(Schema.Peers.tlpCap, as: TLPLevel.self),
             sameCommunity: try row.decode(column: Schema.Peers.sameCommunity, as: Int.self) != 0,
             unmarkedDefault: try row.enumValue(Schema.Peers.unmarkedDefault, as: TLPLevel.self),
             intervalSeconds: try row.decode(column: Schema.Peers.intervalSeconds, as: Int.self),
             paused: try row.decode(column: Schema.Peers.paused, as: Int.self) != 0,
             createdAt: try row.date(Schema.Peers.createdAt))
    }

    static func decodeState(_ row: any SQLRow) throws -> PeerExchangeState {
        let s = Schema.PeerState.self
        return PeerExchangeState(
            pullCursor: try row.decode(column: s.pullCursor, as: String?.self),
            pushCursor: try row.decode(column: s.pushCursor, as: Int64.self),
            pullDeletionCursor: try row.decode(column: s.pullDeletionCursor, as: Int64.self),
            pushDeletionCursor: try row.decode(column: s.pushDeletionCursor, as: Int64.self),
            remoteHubID: try row.decode(column: s.remoteHubID, as: String?.self),
            lastSuccessAt: try row.optionalDate(s.lastSuccessAt),
            lastError: try row.decode(column: s.lastError, as: String?.self),
            lastErrorAt: try row.optionalDate(s.lastErrorAt),
            consecutiveFailures: try row.decode(column: s.failures, as: Int.self),
            sent: try row.decode(column: s.sent, as: Int64.self),
            received: try row.decode(column: s.received, as: Int64.self),
            refused: try row.decode(column: s.refused, as: Int64.self),
            lagObjects: try row.decode(column: s.lagObjects, as: Int64.self),
            lagSeconds: Double(try row.decode(column: s.lagMillis, as: Int64.self)) / 1000)
    }
}

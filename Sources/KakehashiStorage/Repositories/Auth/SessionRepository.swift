import Foundation
import KakehashiCore
import SQLKit

/// A signed-in browser session as stored: looked up by the hash of the cookie's secret.
public struct BrowserSession: Sendable, Equatable {
    public var userID: UUID
    /// The token every form post of this session must carry.
    public var csrfToken: String
    public var expiresAt: Date
}

/// Stores browser sessions in the database, so any hub process can serve any request.
public struct SessionRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Starts a session; returns the cookie secret (shown to the browser only) and the stored session.
    public func create(userID: UUID, lifetime: TimeInterval, now: Date = Date()) async throws -> (secret: SecretToken, session: BrowserSession) {
        let secret = SecretToken.generate(prefix: "s")
        let session = BrowserSession(userID: userID, csrfToken: SecretToken.generate(prefix: "c").value, expiresAt: now.addingTimeInterval(lifetime))
        try await database.transaction { db in
            try await db.delete(from: Schema.Sessions.table).where(Schema.Sessions.expiresAt, .lessThan, now.micros).run()
            try await db.insert(into: Schema.Sessions.table)
                .columns(Schema.Sessions.idHash, Schema.Sessions.userID, Schema.Sessions.csrfToken, Schema.Sessions.createdAt, Schema.Sessions.expiresAt)
                .values(SQLBind(secret.hash), SQLBind(userID.dbText), SQLBind(session.csrfToken), SQLBind(now.micros), SQLBind(session.expiresAt.micros))
                .run()
        }
        return (secret, session)
    }

    /// The live session behind a cookie secret; `nil` when unknown or expired.
    public func find(secret: String, now: Date = Date()) async throws -> BrowserSession? {
        let hash = SecretToken.hash(of: secret)
        return try await database.read { db in
            guard let row = try await db.select().column("*").from(Schema.Sessions.table).where(Schema.Sessions.idHash, .equal, hash).first() else {
                return nil
            }
            let session = BrowserSession(
                userID: try row.uuid(Schema.Sessions.userID),
                csrfToken: try row.decode(column: Schema.Sessions.csrfToken, as: String.self),
                expiresAt: try row.date(Schema.Sessions.expiresAt)
            )
            return session.expiresAt > now ? session : nil
        }
    }

    /// Ends the session behind a cookie secret.
    public func delete(secret: String) async throws {
        let hash = SecretToken.hash(of: secret)
        try await database.transaction { db in
            try await db.delete(from: Schema.Sessions.table).where(Schema.Sessions.idHash, .equal, hash).run()
        }
    }
}

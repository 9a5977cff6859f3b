import Foundation
import KakehashiCore
import SQLKit

/// Stores API tokens by hash; the token itself is returned once at creation and never kept.
public struct TokenRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Creates a token for a user.
    /// - Returns: the stored record and the secret, which the caller shows once.
    public func create(userID: UUID, name: String, scopes: Set<TokenScope>, expiresAt: Date?, now: Date = Date()) async throws -> (token: APIToken, secret: SecretToken) {
        let secret = SecretToken.generate()
        let token = APIToken(userID: userID, name: name, prefix: secret.displayPrefix, scopes: scopes, createdAt: now, expiresAt: expiresAt)
        try await database.transaction { db in
            guard try await db.select().column(Schema.Users.id).from(Schema.Users.table).where(Schema.Users.id, .equal, userID.dbText).first() != nil else {
                throw StorageError(.notFound, "user \(userID.dbText) does not exist")
            }
            try await db.insert(into: Schema.APITokens.table)
                .columns(Schema.APITokens.id, Schema.APITokens.userID, Schema.APITokens.name, Schema.APITokens.tokenHash, Schema.APITokens.prefix, Schema.APITokens.scopes, Schema.APITokens.createdAt, Schema.APITokens.expiresAt, Schema.APITokens.revokedAt)
                .values(
                    SQLBind(token.id.dbText), SQLBind(userID.dbText), SQLBind(name), SQLBind(secret.hash),
                    SQLBind(token.prefix), SQLBind(Self.scopeText(scopes)), SQLBind(now.micros),
                    SQLBind(expiresAt?.micros), SQLBind(Int64?.none)
                )
                .run()
        }
        return (token, secret)
    }

    /// Marks a token revoked; it stops working at once.
    /// - Throws: ``StorageError`` `notFound` when no token has that id.
    public func revoke(id: UUID, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.select().column(Schema.APITokens.id).from(Schema.APITokens.table).where(Schema.APITokens.id, .equal, id.dbText).first() != nil else {
                throw StorageError(.notFound, "no API token has the id \(id.dbText)")
            }
            try await db.update(Schema.APITokens.table).set(Schema.APITokens.revokedAt, to: now.micros)
                .where(Schema.APITokens.id, .equal, id.dbText).where(Schema.APITokens.revokedAt, .is, SQLLiteral.null).run()
        }
    }

    /// The token record behind a presented secret, whatever its state (the caller checks usability).
    public func find(secret: String) async throws -> APIToken? {
        let hash = SecretToken.hash(of: secret)
        return try await database.read { db in
            try await db.select().column("*").from(Schema.APITokens.table).where(Schema.APITokens.tokenHash, .equal, hash).first().map(Self.decode)
        }
    }

    /// The token with `id`, if any.
    public func find(id: UUID) async throws -> APIToken? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.APITokens.table).where(Schema.APITokens.id, .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// A user's tokens, newest first.
    public func list(userID: UUID) async throws -> [APIToken] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.APITokens.table).where(Schema.APITokens.userID, .equal, userID.dbText)
                .orderBy(Schema.APITokens.createdAt, .descending).all().map(Self.decode)
        }
    }

    static func scopeText(_ scopes: Set<TokenScope>) -> String {
        scopes.map(\.rawValue).sorted().joined(separator: ",")
    }

    static func decode(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.uuid(Schema.APITokens.id),
            userID: try row.uuid(Schema.APITokens.userID),
            name: try row.decode(column: Schema.APITokens.name, as: String.self),
            prefix: try row.decode(column: Schema.APITokens.prefix, as: String.self),
            scopes: try TokenScope.parseList(try row.decode(column: Schema.APITokens.scopes, as: String.self)),
            createdAt: try row.date(Schema.APITokens.createdAt),
            expiresAt: try row.optionalDate(Schema.APITokens.expiresAt),
            revokedAt: try row.optionalDate(Schema.APITokens.revokedAt)
        )
    }
}

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
            guard try await db.select().column("id").from("users").where("id", .equal, userID.dbText).first() != nil else {
                throw StorageError(.notFound, "user \(userID.dbText) does not exist")
            }
            try await db.insert(into: "api_tokens")
                .columns("id", "user_id", "name", "token_hash", "prefix", "scopes", "created_at", "expires_at", "revoked_at")
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
            guard try await db.select().column("id").from("api_tokens").where("id", .equal, id.dbText).first() != nil else {
                throw StorageError(.notFound, "no API token has the id \(id.dbText)")
            }
            try await db.update("api_tokens").set("revoked_at", to: now.micros)
                .where("id", .equal, id.dbText).where("revoked_at", .is, SQLLiteral.null).run()
        }
    }

    /// The token record behind a presented secret, whatever its state (the caller checks usability).
    public func find(secret: String) async throws -> APIToken? {
        let hash = SecretToken.hash(of: secret)
        return try await database.read { db in
            try await db.select().column("*").from("api_tokens").where("token_hash", .equal, hash).first().map(Self.decode)
        }
    }

    /// The token with `id`, if any.
    public func find(id: UUID) async throws -> APIToken? {
        try await database.read { db in
            try await db.select().column("*").from("api_tokens").where("id", .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// A user's tokens, newest first.
    public func list(userID: UUID) async throws -> [APIToken] {
        try await database.read { db in
            try await db.select().column("*").from("api_tokens").where("user_id", .equal, userID.dbText)
                .orderBy("created_at", .descending).all().map(Self.decode)
        }
    }

    static func scopeText(_ scopes: Set<TokenScope>) -> String {
        scopes.map(\.rawValue).sorted().joined(separator: ",")
    }

    static func decode(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.uuid("id"),
            userID: try row.uuid("user_id"),
            name: try row.decode(column: "name", as: String.self),
            prefix: try row.decode(column: "prefix", as: String.self),
            scopes: try TokenScope.parseList(try row.decode(column: "scopes", as: String.self)),
            createdAt: try row.date("created_at"),
            expiresAt: try row.optionalDate("expires_at"),
            revokedAt: try row.optionalDate("revoked_at")
        )
    }
}

import Foundation
import KakehashiCore
import SQLKit

/// Stores users and their password hashes.
public struct UserRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Adds a user whose password was already hashed (bcrypt).
    /// - Throws: ``StorageError`` `conflict` when the username is taken, `notFound` when the organisation is unknown.
    public func create(_ user: User, passwordHash: String) async throws {
        try await database.transaction { db in
            guard try await db.select().column("id").from("organisations").where("id", .equal, user.organisationID.dbText).first() != nil else {
                throw StorageError(.notFound, "organisation \(user.organisationID.dbText) does not exist")
            }
            guard try await db.select().column("id").from("users").where("username", .equal, user.username).first() == nil else {
                throw StorageError(.conflict, "the username '\(user.username)' is already taken")
            }
            try await db.insert(into: "users")
                .columns("id", "organisation_id", "username", "display_name", "role", "locale", "time_zone", "password_hash", "disabled", "created_at")
                .values(
                    SQLBind(user.id.dbText), SQLBind(user.organisationID.dbText), SQLBind(user.username),
                    SQLBind(user.displayName), SQLBind(user.role.rawValue), SQLBind(user.locale), SQLBind(user.timeZone),
                    SQLBind(passwordHash), SQLBind(user.disabled ? 1 : 0), SQLBind(user.createdAt.micros)
                )
                .run()
        }
    }

    /// Users, optionally only those of one organisation, by username.
    public func list(organisationID: UUID? = nil) async throws -> [User] {
        try await database.read { db in
            var query = db.select().column("*").from("users")
            if let organisationID { query = query.where("organisation_id", .equal, organisationID.dbText) }
            return try await query.orderBy("username").all().map(Self.decode)
        }
    }

    /// The user with `id`, if any.
    public func find(id: UUID) async throws -> User? {
        try await database.read { db in
            try await db.select().column("*").from("users").where("id", .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// The user called `username` and their password hash, for signing in.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard let row = try await db.select().column("*").from("users").where("username", .equal, username).first() else {
                return nil
            }
            return (try Self.decode(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// Replaces a user's password hash.
    public func setPasswordHash(userID: UUID, _ hash: String) async throws {
        try await database.transaction { db in
            try await db.update("users").set("password_hash", to: hash).where("id", .equal, userID.dbText).run()
        }
    }

    static func decode(_ row: any SQLRow) throws -> User {
        User(
            id: try row.uuid("id"),
            organisationID: try row.uuid("organisation_id"),
            username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try row.enumValue("role", as: Role.self),
            locale: try row.decode(column: "locale", as: String.self),
            timeZone: try row.decode(column: "time_zone", as: String.self),
            disabled: try row.decode(column: "disabled", as: Int.self) != 0,
            createdAt: try row.date("created_at")
        )
    }
}

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
            guard try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, user.organisationID.dbText).first() != nil else {
                throw StorageError(.notFound, "organisation \(user.organisationID.dbText) does not exist")
            }
            guard try await db.select().column(Schema.Users.id).from(Schema.Users.table).where(Schema.Users.username, .equal, user.username).first() == nil else {
                throw StorageError(.conflict, "the username '\(user.username)' is already taken")
            }
            try await db.insert(into: Schema.Users.table)
                .columns(Schema.Users.id, Schema.Users.organisationID, Schema.Users.username, Schema.Users.displayName, Schema.Users.role, Schema.Users.locale, Schema.Users.timeZone, Schema.Users.passwordHash, Schema.Users.disabled, Schema.Users.createdAt)
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
            var query = db.select().column("*").from(Schema.Users.table)
            if let organisationID { query = query.where(Schema.Users.organisationID, .equal, organisationID.dbText) }
            return try await query.orderBy(Schema.Users.username).all().map(Self.decode)
        }
    }

    /// The user with `id`, if any.
    public func find(id: UUID) async throws -> User? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Users.table).where(Schema.Users.id, .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// The user called `username` and their password hash, for signing in.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard let row = try await db.select().column("*").from(Schema.Users.table).where(Schema.Users.username, .equal, username).first() else {
                return nil
            }
            return (try Self.decode(row), try row.decode(column: Schema.Users.passwordHash, as: String.self))
        }
    }

    /// Replaces a user's password hash.
    public func setPasswordHash(userID: UUID, _ hash: String) async throws {
        try await database.transaction { db in
            try await db.update(Schema.Users.table).set(Schema.Users.passwordHash, to: hash).where(Schema.Users.id, .equal, userID.dbText).run()
        }
    }

    static func decode(_ row: any SQLRow) throws -> User {
        User(
            id: try row.uuid(Schema.Users.id),
            organisationID: try row.uuid(Schema.Users.organisationID),
            username: try row.decode(column: Schema.Users.username, as: String.self),
            displayName: try row.decode(column: Schema.Users.displayName, as: String.self),
            role: try row.enumValue(Schema.Users.role, as: Role.self),
            locale: try row.decode(column: Schema.Users.locale, as: String.self),
            timeZone: try row.decode(column: Schema.Users.timeZone, as: String.self),
            disabled: try row.decode(column: Schema.Users.disabled, as: Int.self) != 0,
            createdAt: try row.date(Schema.Users.createdAt)
        )
    }
}

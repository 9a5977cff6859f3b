import Foundation
import SQLKit

/// Counts failed sign-ins per account and per client address, in the database so all hub processes agree.
public struct SignInThrottle: Sendable {
    let database: HubDatabase
    /// How far back failures count.
    public var window: TimeInterval
    /// Failures per account within the window before further attempts are refused.
    public var accountLimit: Int
    /// Failures per client address within the window before further attempts are refused.
    public var addressLimit: Int

    public init(database: HubDatabase, window: TimeInterval = 15 * 60, accountLimit: Int = 5, addressLimit: Int = 20) {
        self.database = database
        self.window = window
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
    }

    /// Whether a sign-in for `username` from `address` must be refused now.
    public func isLocked(username: String, address: String, now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-window).micros
        let (account, client) = (Self.accountKey(username), Self.addressKey(address))
        return try await database.read { db in
            let rows = try await db.select().column(Schema.SigninFailures.key).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(Schema.SigninFailures.table)
                .where(Schema.SigninFailures.key, .in, [account, client]).where(Schema.SigninFailures.at, .greaterThan, since)
                .groupBy(Schema.SigninFailures.key).all()
            for row in rows {
                let key = try row.decode(column: Schema.SigninFailures.key, as: String.self)
                let count = try row.decode(column: "n", as: Int.self)
                if key == account && count >= accountLimit { return true }
                if key == client && count >= addressLimit { return true }
            }
            return false
        }
    }

    /// Records one failed attempt against the account and the address.
    public func recordFailure(username: String, address: String, now: Date = Date()) async throws {
        let cutoff = now.addingTimeInterval(-window).micros
        try await database.transaction { db in
            try await db.delete(from: Schema.SigninFailures.table).where(Schema.SigninFailures.at, .lessThan, cutoff).run()
            try await db.insert(into: Schema.SigninFailures.table).columns(Schema.SigninFailures.key, Schema.SigninFailures.at)
                .values(SQLBind(Self.accountKey(username)), SQLBind(now.micros))
                .values(SQLBind(Self.addressKey(address)), SQLBind(now.micros))
                .run()
        }
    }

    /// Forgets the account's failures after a successful sign-in.
    public func clear(username: String) async throws {
        try await database.transaction { db in
            try await db.delete(from: Schema.SigninFailures.table).where(Schema.SigninFailures.key, .equal, Self.accountKey(username)).run()
        }
    }

    static func accountKey(_ username: String) -> String { "user:" + username.lowercased() }
    static func addressKey(_ address: String) -> String { "addr:" + address }
}

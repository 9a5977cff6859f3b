import Foundation
import KakehashiCore
import SQLKit

/// E-mails the hub owes recipient organisations: administrators read them, and when SMTP is configured
/// the mailer sends them (the queue is in ``EmailOutbox`` `claimDue` and `recordAttempt`).
public struct EmailOutbox: Sendable {
    /// Where a message stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for the mailer (or for SMTP to be configured), possibly for a retry.
        case pending
        case sent
        /// Given up: the server refused it for good, or every attempt failed; `lastError` says why.
        case failed
        /// The organisation has no notification address; released when it is given one.
        case held
    }

    /// One queued e-mail.
    public struct Message: Sendable, Equatable, Codable {
        public var id: UUID
        public var organisationID: UUID
        public var subject: String
        public var body: String
        public var createdAt: Date
        public var sentAt: Date?
        public var state: State
        public var attempts: Int
        public var nextAttemptAt: Date
        /// The addresses the server accepted, once sent.
        public var recipients: [String]
        /// The last SMTP reply or connection failure, with the command it answered.
        public var lastError: String?
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Queues an e-mail for `notification`'s organisation inside the caller's transaction.
    static func enqueue(_ notification: PlannedNotification, on db: any SQLDatabase, now: Date) async throws {
        try await db.insert(into: "email_outbox")
            .columns("id", "organisation_id", "subject", "body", "created_at", "sent_at", "state", "attempts", "next_attempt_at")
            .values(SQLBind(UUID().dbText), SQLBind(notification.organisation.dbText), SQLBind(notification.emailSubject),
                    SQLBind(notification.emailBody), SQLBind(now.micros), SQLBind(Int64?.none),
                    SQLBind(State.pending.rawValue), SQLBind(Int64(0)), SQLBind(now.micros))
            .run()
    }

    /// Messages, newest first; only unsent ones with `unsentOnly`.
    public func list(unsentOnly: Bool = false, limit: Int = 200) async throws -> [Message] {
        try await database.read { db in
            var query = db.select().column("*").from("email_outbox")
            if unsentOnly { query = query.where("sent_at", .is, SQLLiteral.null) }
            return try await query.orderBy("created_at", .descending).limit(limit).all().map(Self.decode)
        }
    }

    /// The message with `id`, if any.
    public func message(id: UUID) async throws -> Message? {
        try await database.read { db in
            try await db.select().column("*").from("email_outbox").where("id", .equal, id.dbText).first().map(Self.decode)
        }
    }

    static func decode(_ row: any SQLRow) throws -> Message {
        Message(
            id: try row.uuid("id"), organisationID: try row.uuid("organisation_id"),
            subject: try row.decode(column: "subject", as: String.self), body: try row.decode(column: "body", as: String.self),
            createdAt: try row.date("created_at"), sentAt: try row.optionalDate("sent_at"),
            state: try row.enumValue("state", as: State.self),
            attempts: Int(try row.decode(column: "attempts", as: Int64.self)),
            nextAttemptAt: try row.date("next_attempt_at"),
            recipients: (try row.decode(column: "recipients", as: String?.self) ?? "").split(separator: ",").map(String.init),
            lastError: try row.decode(column: "last_error", as: String?.self)
        )
    }
}

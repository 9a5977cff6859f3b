import Foundation
import KakehashiCore
import SQLKit

/// E-mails the hub owes recipient organisations, kept for administrators to read (and a mailer to send).
public struct EmailOutbox: Sendable {
    /// One queued e-mail.
    public struct Message: Sendable, Equatable, Codable {
        public var id: UUID
        public var organisationID: UUID
        public var subject: String
        public var body: String
        public var createdAt: Date
        public var sentAt: Date?
    }

    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Queues an e-mail for `notification`'s organisation inside the caller's transaction.
    static func enqueue(_ notification: PlannedNotification, on db: any SQLDatabase, now: Date) async throws {
        try await db.insert(into: "email_outbox").columns("id", "organisation_id", "subject", "body", "created_at", "sent_at")
            .values(SQLBind(UUID().dbText), SQLBind(notification.organisation.dbText), SQLBind(notification.emailSubject),
                    SQLBind(notification.emailBody), SQLBind(now.micros), SQLBind(Int64?.none))
            .run()
    }

    /// Messages, newest first; only unsent ones with `unsentOnly`.
    public func list(unsentOnly: Bool = false, limit: Int = 200) async throws -> [Message] {
        try await database.read { db in
            var query = db.select().column("*").from("email_outbox")
            if unsentOnly { query = query.where("sent_at", .is, SQLLiteral.null) }
            return try await query.orderBy("created_at", .descending).limit(limit).all().map { row in
                Message(id: try row.uuid("id"), organisationID: try row.uuid("organisation_id"),
                        subject: try row.decode(column: "subject", as: String.self), body: try row.decode(column: "body", as: String.self),
                        createdAt: try row.date("created_at"), sentAt: try row.optionalDate("sent_at"))
            }
        }
    }
}

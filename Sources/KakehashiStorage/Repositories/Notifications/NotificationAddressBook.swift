import Foundation
import KakehashiCore
import SQLKit

/// The e-mail addresses each organisation wants its notifications sent to.
///
/// An organisation without addresses keeps its mail in the outbox, `held`; giving it addresses releases
/// that mail to the mailer.
public struct NotificationAddressBook: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// The addresses of `organisation`, in the order they were given.
    public func addresses(of organisation: UUID) async throws -> [EmailAddress] {
        try await database.read { db in try await Self.addresses(of: organisation, on: db) }
    }

    /// Replaces the addresses of `organisation` (an empty list removes them all), and hands mail held for
    /// lack of an address back to the mailer.
    /// - Returns: how many held messages were released.
    @discardableResult
    public func set(_ addresses: [EmailAddress], of organisation: UUID, audit: AuditRecord, now: Date = Date()) async throws -> Int {
        return try await database.transaction { db in
            try await db.delete(from: Schema.OrganisationNotificationEmails.table).where(Schema.OrganisationNotificationEmails.organisationID, .equal, organisation.dbText).run()
            for (position, address) in addresses.enumerated() {
                try await db.insert(into: Schema.OrganisationNotificationEmails.table).columns(Schema.OrganisationNotificationEmails.organisationID, Schema.OrganisationNotificationEmails.address, Schema.OrganisationNotificationEmails.position, Schema.OrganisationNotificationEmails.createdAt)
                    .values(SQLBind(organisation.dbText), SQLBind(address.value), SQLBind(Int64(position)), SQLBind(now.micros))
                    .run()
            }
            var released = 0
            if !addresses.isEmpty {
                let held = try await db.select().column(Schema.EmailOutbox.id).from(Schema.EmailOutbox.table)
                    .where(Schema.EmailOutbox.organisationID, .equal, organisation.dbText).where(Schema.EmailOutbox.state, .equal, EmailOutbox.State.held.rawValue).all()
                released = held.count
                try await db.update(Schema.EmailOutbox.table).set(Schema.EmailOutbox.state, to: EmailOutbox.State.pending.rawValue).set(Schema.EmailOutbox.nextAttemptAt, to: now.micros)
                    .set(Schema.EmailOutbox.lastError, to: SQLLiteral.null)
                    .where(Schema.EmailOutbox.organisationID, .equal, organisation.dbText).where(Schema.EmailOutbox.state, .equal, EmailOutbox.State.held.rawValue).run()
            }
            try await AuditLog.append(audit, on: db)
            return released
        }
    }

    static func addresses(of organisation: UUID, on db: any SQLDatabase) async throws -> [EmailAddress] {
        try await db.select().column(Schema.OrganisationNotificationEmails.address).from(Schema.OrganisationNotificationEmails.table).where(Schema.OrganisationNotificationEmails.organisationID, .equal, organisation.dbText)
            .orderBy(Schema.OrganisationNotificationEmails.position).all().map { row in
                let text = try row.decode(column: Schema.OrganisationNotificationEmails.address, as: String.self)
                do {
                    return try EmailAddress(text)
                } catch {
                    throw StorageError(.invalid, "organisation \(organisation.dbText) has a stored notification address that is no longer acceptable: \(error)")
                }
            }
    }
}

import Foundation
import KakehashiCore
import SQLKit

/// Consultations and their messages. Each write commits its notification to the other party (webhook and
/// e-mail outbox) and its audit record in the same transaction.
public struct ConsultationRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Opens `consultation` with `question` as its first message.
    public func open(_ consultation: Consultation, question: ConsultationMessage, notification: PlannedNotification, audit: AuditRecord) async throws {
        try await database.transaction { db in
            try await db.insert(into: Schema.Consultations.table)
                .columns(Schema.Consultations.id, Schema.Consultations.openedBy, Schema.Consultations.openedByUser, Schema.Consultations.addressee,
                         Schema.Consultations.addresseeKind, Schema.Consultations.collectionID, Schema.Consultations.objectID, Schema.Consultations.subjectIncident,
                         Schema.Consultations.title, Schema.Consultations.tlp, Schema.Consultations.openedAt, Schema.Consultations.firstAnswerDue,
                         Schema.Consultations.firstAnsweredAt, Schema.Consultations.incidentID)
                .values(SQLBind(consultation.id.dbText), SQLBind(consultation.openedBy.dbText), SQLBind(consultation.openedByUser), SQLBind(consultation.addressee.dbText),
                        SQLBind(consultation.addresseeKind.rawValue), SQLBind(consultation.subject.collection?.dbText), SQLBind(consultation.subject.stixID),
                        SQLBind(consultation.subject.incident?.dbText), SQLBind(consultation.title), SQLBind(consultation.tlp.rawValue),
                        SQLBind(consultation.openedAt.micros), SQLBind(consultation.firstAnswerDue.micros), SQLBind(consultation.firstAnsweredAt?.micros),
                        SQLBind(consultation.incidentID?.dbText))
                .run()
            try await Self.insert(question, on: db)
            try await WebhookRepository.enqueue(notification, on: db, now: question.postedAt)
            try await EmailOutbox.enqueue(notification, on: db, now: question.postedAt)
            try await AuditLog.append(audit, on: db, now: question.postedAt)
        }
    }

    /// Adds `message` to its thread; the addressee's first message is the first answer, and its time is kept.
    /// - Throws: ``StorageError`` `notFound` for an unknown thread, `invalid` when the author's organisation is not a party.
    /// - Returns: the thread as it stands after the reply.
    @discardableResult
    public func reply(_ message: ConsultationMessage, notification: PlannedNotification, audit: AuditRecord) async throws -> Consultation {
        try await database.transaction { db in
            guard var consultation = try await Self.consultation(message.consultationID, on: db, lock: true) else {
                throw StorageError(.notFound, "consultation \(message.consultationID.dbText) does not exist")
            }
            guard consultation.isParty(message.organisation) else {
                throw StorageError(.invalid, "organisation \(message.organisation.dbText) is not a party to consultation \(consultation.id.dbText)")
            }
            try await Self.insert(message, on: db)
            if message.organisation == consultation.addressee, consultation.firstAnsweredAt == nil {
                consultation.firstAnsweredAt = message.postedAt
                try await db.update(Schema.Consultations.table).set(Schema.Consultations.firstAnsweredAt, to: message.postedAt.micros)
                    .where(Schema.Consultations.id, .equal, consultation.id.dbText).run()
            }
            try await WebhookRepository.enqueue(notification, on: db, now: message.postedAt)
            try await EmailOutbox.enqueue(notification, on: db, now: message.postedAt)
            try await AuditLog.append(audit, on: db, now: message.postedAt)
            return consultation
        }
    }

    /// Makes the thread an incident report: writes `incident` with its first draft and links both ways, at once.
    /// - Throws: ``StorageError`` `notFound` for an unknown thread, `conflict` when it became a report already.
    public func becomeIncident(_ id: UUID, incident: IncidentRecord, draft: DraftRecord, audit: AuditRecord) async throws {
        try await database.transaction { db in
            guard let consultation = try await Self.consultation(id, on: db, lock: true) else { throw StorageError(.notFound, "consultation \(id.dbText) does not exist") }
            if let existing = consultation.incidentID {
                throw StorageError(.conflict, "consultation \(id.dbText) became incident \(existing.dbText) already")
            }
            try await IncidentRepository.insert(incident, draft: draft, on: db)
            try await db.update(Schema.Consultations.table).set(Schema.Consultations.incidentID, to: incident.id.dbText).where(Schema.Consultations.id, .equal, id.dbText).run()
            try await AuditLog.append(audit, on: db, now: draft.savedAt)
        }
    }

    /// The consultation with `id`, if any.
    public func consultation(_ id: UUID) async throws -> Consultation? {
        try await database.read { db in try await Self.consultation(id, on: db, lock: false) }
    }

    /// The consultations `organisation` is a party to, newest first.
    public func list(party organisation: UUID, limit: Int = 200) async throws -> [Consultation] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Consultations.table)
                .where(Schema.Consultations.openedBy, .equal, organisation.dbText).orWhere(Schema.Consultations.addressee, .equal, organisation.dbText)
                .orderBy(Schema.Consultations.openedAt, .descending).orderBy(Schema.Consultations.id).limit(limit).all().map(Self.decode)
        }
    }

    /// The consultations that became, or are about, incident `incident` (the link back from a report).
    public func list(incident: UUID) async throws -> [Consultation] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Consultations.table)
                .where(Schema.Consultations.incidentID, .equal, incident.dbText).orWhere(Schema.Consultations.subjectIncident, .equal, incident.dbText)
                .orderBy(Schema.Consultations.openedAt, .descending).all().map(Self.decode)
        }
    }

    /// A thread's messages, oldest first.
    public func messages(_ consultation: UUID) async throws -> [ConsultationMessage] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.ConsultationMessages.table).where(Schema.ConsultationMessages.consultationID, .equal, consultation.dbText)
                .orderBy(Schema.ConsultationMessages.postedAt).orderBy(Schema.ConsultationMessages.id).all().map { row in
                    ConsultationMessage(id: try row.uuid(Schema.ConsultationMessages.id), consultationID: try row.uuid(Schema.ConsultationMessages.consultationID),
                                        organisation: try row.uuid(Schema.ConsultationMessages.organisationID),
                                        author: try row.decode(column: Schema.ConsultationMessages.author, as: String.self),
                                        body: try row.decode(column: Schema.ConsultationMessages.body, as: String.self), postedAt: try row.date(Schema.ConsultationMessages.postedAt))
                }
        }
    }

    /// The organisation that posted the newest version of `objectID` in `collection`, if any.
    public func producer(of objectID: String, in collection: UUID) async throws -> UUID? {
        try await database.read { db in
            try await db.select().column(Schema.STIXObjects.producerOrg).from(Schema.STIXObjects.table)
                .where(Schema.STIXObjects.collectionID, .equal, collection.dbText).where(Schema.STIXObjects.objectID, .equal, objectID)
                .orderBy(Schema.STIXObjects.dateAdded, .descending).limit(1).first().map { try $0.uuid(Schema.STIXObjects.producerOrg) }
        }
    }

    static func insert(_ message: ConsultationMessage, on db: any SQLDatabase) async throws {
        try await db.insert(into: Schema.ConsultationMessages.table)
            .columns(Schema.ConsultationMessages.id, Schema.ConsultationMessages.consultationID, Schema.ConsultationMessages.organisationID,
                     Schema.ConsultationMessages.author, Schema.ConsultationMessages.body, Schema.ConsultationMessages.postedAt)
            .values(SQLBind(message.id.dbText), SQLBind(message.consultationID.dbText), SQLBind(message.organisation.dbText), SQLBind(message.author),
                    SQLBind(message.body), SQLBind(message.postedAt.micros))
            .run()
    }

    static func consultation(_ id: UUID, on db: any SQLDatabase, lock: Bool) async throws -> Consultation? {
        var query = db.select().column("*").from(Schema.Consultations.table).where(Schema.Consultations.id, .equal, id.dbText)
        if lock { query = query.for(.update) }
        return try await query.first().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> Consultation {
        let subject: ConsultationSubject
        if let incident = try row.optionalUUID(Schema.Consultations.subjectIncident) {
            subject = .incident(incident)
        } else {
            subject = .object(collection: try row.uuid(Schema.Consultations.collectionID), stixID: try row.decode(column: Schema.Consultations.objectID, as: String.self))
        }
        let incident = try row.optionalUUID(Schema.Consultations.incidentID)
        return Consultation(id: try row.uuid(Schema.Consultations.id), openedBy: try row.uuid(Schema.Consultations.openedBy),
                            openedByUser: try row.decode(column: Schema.Consultations.openedByUser, as: String.self), addressee: try row.uuid(Schema.Consultations.addressee),
                            addresseeKind: try row.enumValue(Schema.Consultations.addresseeKind, as: ConsultationAddressee.self), subject: subject,
                            title: try row.decode(column: Schema.Consultations.title, as: String.self), tlp: try row.enumValue(Schema.Consultations.tlp, as: TLPLevel.self),
                            openedAt: try row.date(Schema.Consultations.openedAt), firstAnswerDue: try row.date(Schema.Consultations.firstAnswerDue),
                            firstAnsweredAt: try row.optionalDate(Schema.Consultations.firstAnsweredAt), incidentID: incident)
    }
}

extension SQLRow {
    /// Decodes a nullable text column holding a UUID.
    func optionalUUID(_ column: SQLIdentifier) throws -> UUID? {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        guard let id = UUID(uuidString: text) else { throw StorageError(.invalid, "column \(column.string) holds '\(text)', which is not a UUID") }
        return id
    }
}

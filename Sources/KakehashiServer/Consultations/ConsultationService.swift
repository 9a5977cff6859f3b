import Foundation
import KakehashiCore
import KakehashiStorage

/// The consultations behind `/api/v1/consultations` and the `/consultations` pages: who may ask whom about
/// what, replies, the first-answer due time, and a thread becoming an incident report. Each operation checks
/// the principal, writes with its notification and audit record in one commit, and never takes an author
/// from the request: the author is always the signed-in user.
struct ConsultationService: Sendable {
    let reporting: Reporting
    let consultations: ConsultationRepository

    var hub: Hub { reporting.hub }

    init(reporting: Reporting) {
        self.reporting = reporting
        consultations = ConsultationRepository(database: reporting.hub.database)
    }

    /// Opening a thread. There is no author field: the signed-in user asks.
    struct OpenRequest: Decodable {
        /// The organisation asked.
        let addressee: String
        /// The collection and STIX id of the object the thread is about.
        let collection: String?
        let object: String?
        /// Or an incident of the asking organisation.
        let incident: String?
        let title: String
        /// The question.
        let body: String
        /// The thread's TLP; the object's level by default, never below it.
        let tlp: String?
    }

    struct ReplyRequest: Decodable {
        let body: String
    }

    /// A thread with its parties and messages, as one of the parties reads it.
    struct Thread: Sendable {
        let consultation: Consultation
        let openedBy: Organisation
        let addressee: Organisation
        let messages: [ConsultationMessage]
    }

    static func notFound() -> APIError { APIError(.notFound, code: "not-found", "no consultation with that id is visible to you") }

    /// The threads `principal`'s organisation is a party to, newest first (audited).
    func list(for principal: Principal, context: HubRequestContext, action: String = "consultation.list") async throws -> [Consultation] {
        let threads = try await consultations.list(party: principal.organisation.id)
        try await hub.audit.append(.by(context, action: action, objectType: "consultation", details: ["count": String(threads.count)]))
        return threads
    }

    /// The thread `id` if `principal`'s organisation is a party (an unknown id and another's thread look alike).
    func visible(_ id: UUID?, to principal: Principal) async throws -> Consultation? {
        guard let id, let consultation = try await consultations.consultation(id), consultation.isParty(principal.organisation.id) else { return nil }
        return consultation
    }

    /// The thread with its messages (audited); 404 for a non-party.
    func read(_ id: UUID?, for principal: Principal, context: HubRequestContext, action: String = "consultation.read") async throws -> Thread {
        guard let consultation = try await visible(id, to: principal) else { throw Self.notFound() }
        let messages = try await consultations.messages(consultation.id)
        try await hub.audit.append(.by(context, action: action, objectType: "consultation", objectID: consultation.id.idText))
        return Thread(consultation: consultation, openedBy: try await organisation(consultation.openedBy), addressee: try await organisation(consultation.addressee), messages: messages)
    }

    /// Opens a thread from `principal`'s organisation.
    /// - Throws: ``APIError`` 403 without the right to report, 404 when the object or incident is not the asker's to see;
    ///   ``MemberValidationError`` naming the field at fault.
    func open(_ body: OpenRequest, by principal: Principal, context: HubRequestContext) async throws -> Consultation {
        guard principal.allows(.report) else {
            throw APIError(.forbidden, code: "insufficient-role", "the role '\(principal.user.role.rawValue)' may not open consultations (needs 'report' rights)")
        }
        guard let addresseeID = UUID(uuidString: body.addressee), let addressee = try await hub.organisations.find(id: addresseeID) else {
            throw MemberValidationError(field: "addressee", message: "'\(body.addressee)' is not a member organisation's id")
        }
        let subject: ConsultationSubject
        var producer: UUID?
        var floor = TLPLevel.clear
        switch (body.collection, body.object, body.incident) {
        case (nil, nil, let incident?):
            guard let id = UUID(uuidString: incident), let record = try await reporting.incidents.find(id: id), record.reporterOrganisation == principal.organisation.id else {
                throw APIError(.notFound, code: "not-found", "no incident \(incident) of your organisation exists")
            }
            subject = .incident(record.id)
            floor = .amber
        case (let collection?, let object?, nil):
            let (collectionID, stored) = try await visibleObject(collection: collection, object: object, to: principal)
            subject = .object(collection: collectionID, stixID: stored.objectID)
            producer = try await consultations.producer(of: stored.objectID, in: collectionID)
            floor = stored.tlp
            if stored.tlp == .red, producer != addressee.id {
                throw MemberValidationError(field: "addressee", message: "a TLP:RED object may be discussed only with its producer")
            }
        default:
            throw MemberValidationError(field: "object", message: "name either an object (collection and object) or one of your incidents (incident), not both")
        }
        var tlp = floor
        if let requested = body.tlp {
            guard let level = TLPLevel(rawValue: requested) else {
                throw MemberValidationError(field: "tlp", message: "'\(requested)' is not a TLP level; use one of \(TLPLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard level >= floor else { throw MemberValidationError(field: "tlp", message: "the thread cannot be marked below its subject's \(floor.displayName)") }
            tlp = level
        }
        let kind = try ConsultationAddressee.resolve(opener: principal.organisation, addressee: addressee, producer: producer)
        let now = Date()
        let consultation = Consultation(openedBy: principal.organisation.id, openedByUser: principal.user.username, addressee: addressee.id, addresseeKind: kind,
                                        subject: subject, title: body.title.trimmingCharacters(in: .whitespacesAndNewlines), tlp: tlp, openedAt: now)
        let question = ConsultationMessage(consultationID: consultation.id, organisation: principal.organisation.id, author: principal.user.username,
                                           body: body.body.trimmingCharacters(in: .whitespacesAndNewlines), postedAt: now)
        try consultation.validate()
        try question.validate()
        let notice = ConsultationNotice(event: ConsultationNotice.opened, consultation: consultation, from: principal.organisation, to: addressee.id)
        try await consultations.open(consultation, question: question, notification: try notice.planned(),
                                     audit: .by(context, action: "consultation.open", objectType: "consultation", objectID: consultation.id.idText,
                                                details: ["addressee": addressee.id.idText, "kind": kind.rawValue, "tlp": tlp.rawValue,
                                                          "subject": subject.stixID ?? subject.incident?.idText ?? ""]))
        return consultation
    }

    /// Adds a reply by `principal` to `consultation` (which it must be a party to).
    /// - Throws: ``APIError`` 403 without the right to report; ``MemberValidationError`` for an empty body.
    func reply(_ body: ReplyRequest, to consultation: Consultation, by principal: Principal, context: HubRequestContext) async throws -> Consultation {
        guard consultation.isParty(principal.organisation.id) else { throw Self.notFound() }
        guard principal.allows(.report) else {
            throw APIError(.forbidden, code: "insufficient-role", "the role '\(principal.user.role.rawValue)' may not reply (needs 'report' rights)")
        }
        let message = ConsultationMessage(consultationID: consultation.id, organisation: principal.organisation.id, author: principal.user.username,
                                          body: body.body.trimmingCharacters(in: .whitespacesAndNewlines), postedAt: Date())
        try message.validate()
        let other = consultation.otherParty(than: principal.organisation.id)
        let notice = ConsultationNotice(event: ConsultationNotice.replied, consultation: consultation, from: principal.organisation, to: other)
        return try await consultations.reply(message, notification: try notice.planned(),
                                             audit: .by(context, action: "consultation.reply", objectType: "consultation", objectID: consultation.id.idText,
                                                        details: ["message": message.id.idText]))
    }

    /// Makes the thread a draft incident report of the asking organisation, linked both ways.
    /// - Throws: ``APIError`` 403 unless `principal` is of the asking organisation and may report; ``StorageError`` `conflict` when done already.
    /// - Returns: the new incident's id.
    func becomeIncident(_ consultation: Consultation, by principal: Principal, context: HubRequestContext) async throws -> UUID {
        guard consultation.isParty(principal.organisation.id) else { throw Self.notFound() }
        guard consultation.openedBy == principal.organisation.id, principal.allows(.report) else {
            throw APIError(.forbidden, code: "not-asker", "only the asking organisation's reporters, analysts and administrators make a thread an incident report")
        }
        if let existing = consultation.incidentID {
            throw APIError(.conflict, code: "conflict", "this consultation became incident \(existing.idText) already")
        }
        let messages = try await consultations.messages(consultation.id)
        var report = try IncidentPagesController.blankReport(for: principal)
        let subject = consultation.subject.stixID.map { " (\($0))" } ?? ""
        let question = messages.first?.body ?? ""
        report.narrative = IncidentNarrative(ja: "相談「\(consultation.title)」\(subject)から作成。\n\(question)",
                                             en: "From the consultation \"\(consultation.title)\"\(subject).\n\(question)")
        let now = Date()
        let record = IncidentRecord(reporterOrganisation: principal.organisation.id, category: report.category.rawValue, createdBy: principal.user.username, createdAt: now, updatedAt: now)
        let draft = DraftRecord(incidentID: record.id, json: try ReportInput.json(report), savedBy: principal.user.username, savedAt: now)
        try await consultations.becomeIncident(consultation.id, incident: record, draft: draft,
                                               audit: .by(context, action: "consultation.incident", objectType: "consultation", objectID: consultation.id.idText,
                                                          details: ["incident": record.id.idText]))
        return record.id
    }

    /// The threads linked to incident `id` that `principal` may see (the link back from a report).
    func linked(toIncident id: UUID, for principal: Principal) async throws -> [Consultation] {
        try await consultations.list(incident: id).filter { $0.isParty(principal.organisation.id) }
    }

    /// The object `object` of collection `collection` if `principal`'s organisation may read it (404 otherwise).
    func visibleObject(collection: String, object: String, to principal: Principal) async throws -> (UUID, StoredSTIXObject) {
        guard let id = UUID(uuidString: collection), let sharing = try await hub.collections.find(id: id), sharing.canRead(principal.organisation.id) else {
            throw APIError(.notFound, code: "not-found", "no collection \(collection) is readable by your organisation")
        }
        let found = try await hub.objects.page(STIXObjectQuery(ids: [object], limit: 1), in: id, viewer: STIXViewer(organisation: principal.organisation), withJSON: false)
        guard let stored = found.objects.first else { throw APIError(.notFound, code: "not-found", "no object \(object) is visible to you in collection \(collection)") }
        return (id, stored)
    }

    func organisation(_ id: UUID) async throws -> Organisation {
        guard let organisation = try await hub.organisations.find(id: id) else { throw StorageError(.notFound, "organisation \(id.idText) does not exist") }
        return organisation
    }
}

extension UUID {
    /// The lowercase text form the hub shows and stores.
    var idText: String { uuidString.lowercased() }
}

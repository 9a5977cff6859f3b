import Foundation

/// A request for information: a thread one member opens with the national center, its ISAC, its regulator
/// or the producer of an indicator, about one shared object or one of its own incidents.
///
/// Only its two parties, the opening organisation and the addressed one, ever see it.
public struct Consultation: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    /// The organisation that asked.
    public var openedBy: UUID
    /// The user who asked (always the signed-in user).
    public var openedByUser: String
    /// The organisation asked.
    public var addressee: UUID
    /// Why the addressee may be asked.
    public var addresseeKind: ConsultationAddressee
    public var subject: ConsultationSubject
    public var title: String
    public var tlp: TLPLevel
    public var openedAt: Date
    /// When the first answer is due.
    public var firstAnswerDue: Date
    /// When the addressee first answered, if it has.
    public var firstAnsweredAt: Date?
    /// The incident report the thread became, if it did.
    public var incidentID: UUID?

    public init(id: UUID = UUID(), openedBy: UUID, openedByUser: String, addressee: UUID, addresseeKind: ConsultationAddressee, subject: ConsultationSubject,
                title: String, tlp: TLPLevel, openedAt: Date, firstAnswerDue: Date? = nil, firstAnsweredAt: Date? = nil, incidentID: UUID? = nil) {
        self.id = id
        self.openedBy = openedBy
        self.openedByUser = openedByUser
        self.addressee = addressee
        self.addresseeKind = addresseeKind
        self.subject = subject
        self.title = title
        self.tlp = tlp
        self.openedAt = openedAt
        self.firstAnswerDue = firstAnswerDue ?? openedAt.addingTimeInterval(addresseeKind.firstAnswerWindow)
        self.firstAnsweredAt = firstAnsweredAt
        self.incidentID = incidentID
    }

    /// Whether `organisation` is one of the two parties.
    public func isParty(_ organisation: UUID) -> Bool { organisation == openedBy || organisation == addressee }

    /// The party that is not `organisation`.
    public func otherParty(than organisation: UUID) -> UUID { organisation == openedBy ? addressee : openedBy }

    /// Whether the first answer came late, or is still missing after its due time.
    public func isOverdue(at now: Date) -> Bool {
        if let firstAnsweredAt { return firstAnsweredAt > firstAnswerDue }
        return now > firstAnswerDue
    }

    /// Checks what a person typed.
    /// - Throws: ``MemberValidationError`` naming the field at fault.
    public func validate() throws(MemberValidationError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MemberValidationError(field: "title", message: "a consultation needs a title") }
        guard trimmed.count <= 200 else { throw MemberValidationError(field: "title", message: "a title may have at most 200 characters") }
        guard addressee != openedBy else { throw MemberValidationError(field: "addressee", message: "an organisation cannot consult itself") }
    }
}

/// What a consultation is about: a shared STIX object in a collection, or an incident of the asking member.
public enum ConsultationSubject: Sendable, Equatable, Codable {
    case object(collection: UUID, stixID: String)
    case incident(UUID)

    /// The STIX id, for an object.
    public var stixID: String? {
        if case .object(_, let id) = self { return id }
        return nil
    }

    /// The collection, for an object.
    public var collection: UUID? {
        if case .object(let collection, _) = self { return collection }
        return nil
    }

    /// The incident, for an incident.
    public var incident: UUID? {
        if case .incident(let id) = self { return id }
        return nil
    }
}

/// One message in a consultation; the first is the question.
public struct ConsultationMessage: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var consultationID: UUID
    /// The author's organisation.
    public var organisation: UUID
    /// The author (always the signed-in user).
    public var author: String
    public var body: String
    public var postedAt: Date

    public init(id: UUID = UUID(), consultationID: UUID, organisation: UUID, author: String, body: String, postedAt: Date) {
        self.id = id
        self.consultationID = consultationID
        self.organisation = organisation
        self.author = author
        self.body = body
        self.postedAt = postedAt
    }

    /// - Throws: ``MemberValidationError`` when the body is empty or too long.
    public func validate() throws(MemberValidationError) {
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw MemberValidationError(field: "body", message: "write the message") }
        guard body.count <= 10_000 else { throw MemberValidationError(field: "body", message: "a message may have at most 10,000 characters") }
    }
}

import Foundation

/// One member's opinion of a shared indicator or report, kept as a STIX 2.1 `opinion` object.
///
/// A member holds one opinion per object; saying something new makes a new version of the same opinion.
public struct Opinion: Sendable, Equatable, Codable, Identifiable {
    /// The STIX id, `opinion--<uuid>`.
    public var id: String
    public var collectionID: UUID
    /// The STIX id of the object the opinion is about.
    public var objectID: String
    /// The organisation that produced the object (it reads every note), when known.
    public var producer: UUID?
    /// The organisation giving the opinion.
    public var organisation: UUID
    /// The user who gave it (always the signed-in user).
    public var author: String
    public var verdict: OpinionVerdict
    public var note: String
    public var created: Date
    public var modified: Date

    public init(id: String = "opinion--" + UUID().uuidString.lowercased(), collectionID: UUID, objectID: String, producer: UUID?, organisation: UUID, author: String,
                verdict: OpinionVerdict, note: String, created: Date, modified: Date? = nil) {
        self.id = id
        self.collectionID = collectionID
        self.objectID = objectID
        self.producer = producer
        self.organisation = organisation
        self.author = author
        self.verdict = verdict
        self.note = note
        self.created = created
        self.modified = modified ?? created
    }

    /// - Throws: ``MemberValidationError`` when the note is too long.
    public func validate() throws(MemberValidationError) {
        guard note.count <= 4000 else { throw MemberValidationError(field: "note", message: "the note may have at most 4,000 characters") }
    }

    /// The STIX 2.1 `opinion` object: `opinion` from the verdict, `explanation` the note, `object_refs` the object,
    /// created by the giving organisation's identity, marked `tlp` (the object's own level, so it travels no further).
    public func stix(tlp: TLPLevel) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("opinion"),
            "spec_version": .string("2.1"),
            "id": .string(id),
            "created": .string(MicrosTimestamp.format(created.micros, fractionDigits: 3)),
            "modified": .string(MicrosTimestamp.format(max(modified, created).micros, fractionDigits: 3)),
            "created_by_ref": .string("identity--" + organisation.uuidString.lowercased()),
            "opinion": .string(verdict.stixOpinion),
            "object_refs": .array([.string(objectID)]),
            "object_marking_refs": .array([.string(tlp.markingDefinitionID)]),
            "labels": .array([.string(verdict.rawValue)]),
        ]
        if !note.isEmpty { members["explanation"] = .string(note) }
        return .object(members)
    }
}

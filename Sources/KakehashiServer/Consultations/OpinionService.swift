import Foundation
import KakehashiCore
import KakehashiStorage

/// Opinions of shared indicators and reports: a member says useful, false positive or already seen, with a
/// note; everyone who sees the object sees the counts; the producer sees every note, a member its own.
struct OpinionService: Sendable {
    let consultations: ConsultationService
    let opinions: OpinionRepository

    var hub: Hub { consultations.hub }

    init(consultations: ConsultationService) {
        self.consultations = consultations
        opinions = OpinionRepository(database: consultations.hub.database)
    }

    /// Giving an opinion. There is no author field: the signed-in user speaks for its organisation.
    struct SaveRequest: Decodable {
        let verdict: String
        let note: String?
    }

    /// The object types opinions may be given of.
    static let types: Set<String> = ["indicator", "report"]

    /// What a viewer learns of the opinions of one object.
    struct Summary: Sendable {
        let objectID: String
        let counts: [OpinionVerdict: Int]
        /// The opinions whose notes the viewer reads: all of them for the producer, else its own.
        let readable: [Opinion]
        let isProducer: Bool
        let mayGive: Bool
        let own: Opinion?
    }

    /// The summary of `object`'s opinions as `principal` may see it (audited); 404 when it may not see the object.
    func summary(collection: String, object: String, for principal: Principal, context: HubRequestContext, action: String = "opinion.read") async throws -> Summary {
        let (collectionID, stored) = try await consultations.visibleObject(collection: collection, object: object, to: principal)
        let producer = try await consultations.consultations.producer(of: stored.objectID, in: collectionID)
        let all = try await opinions.opinions(of: stored.objectID, in: collectionID)
        let isProducer = producer == principal.organisation.id
        let summary = Summary(objectID: stored.objectID, counts: Dictionary(grouping: all, by: \.verdict).mapValues(\.count),
                              readable: isProducer ? all : all.filter { $0.organisation == principal.organisation.id }, isProducer: isProducer,
                              mayGive: Self.types.contains(stored.type) && !isProducer && principal.allows(.report),
                              own: all.first { $0.organisation == principal.organisation.id })
        try await hub.audit.append(.by(context, action: action, objectType: "stix-object", objectID: stored.objectID,
                                       details: ["collection": collectionID.idText, "opinions": String(all.count), "notes": String(summary.readable.count)]))
        return summary
    }

    /// Stores `principal`'s organisation's opinion of `object` as a STIX opinion, marked like the object, and tells the producer.
    /// - Throws: ``APIError`` 404 when the object is not visible, 403 without the right to report, 400 for other types or
    ///   the producer's own object; ``MemberValidationError`` for a bad verdict or note.
    func save(_ body: SaveRequest, collection: String, object: String, by principal: Principal, context: HubRequestContext) async throws -> Opinion {
        let (collectionID, stored) = try await consultations.visibleObject(collection: collection, object: object, to: principal)
        guard principal.allows(.report) else {
            throw APIError(.forbidden, code: "insufficient-role", "the role '\(principal.user.role.rawValue)' may not give opinions (needs 'report' rights)")
        }
        guard Self.types.contains(stored.type) else {
            throw APIError(.badRequest, code: "not-indicator-or-report", "opinions are given of indicators and reports; \(stored.objectID) is a \(stored.type)")
        }
        guard let verdict = OpinionVerdict(rawValue: body.verdict) else {
            throw MemberValidationError(field: "verdict", message: "'\(body.verdict)' is not a verdict; use one of \(OpinionVerdict.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let producer = try await consultations.consultations.producer(of: stored.objectID, in: collectionID)
        if producer == principal.organisation.id {
            throw APIError(.badRequest, code: "own-object", "your organisation produced \(stored.objectID); opinions come from the members who received it")
        }
        let opinion = Opinion(collectionID: collectionID, objectID: stored.objectID, producer: producer, organisation: principal.organisation.id,
                              author: principal.user.username, verdict: verdict, note: (body.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines), created: Date())
        try opinion.validate()
        let notification = try producer.map { try OpinionNotice(opinion, producer: $0).planned() }
        return try await opinions.save(opinion, tlp: stored.tlp, notification: notification,
                                       audit: .by(context, action: "opinion.save", objectType: "stix-object", objectID: stored.objectID,
                                                  details: ["collection": collectionID.idText, "verdict": verdict.rawValue, "opinion": opinion.id]))
    }

    /// The opinions of what `principal`'s organisation produced, newest first (audited): where the producer hears back.
    func received(by principal: Principal, context: HubRequestContext) async throws -> [Opinion] {
        let received = try await opinions.opinions(producedBy: principal.organisation.id)
        try await hub.audit.append(.by(context, action: "opinion.received.list", objectType: "opinion", details: ["count": String(received.count)]))
        return received
    }
}

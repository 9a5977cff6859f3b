import Foundation

/// `ConsultationController.ThreadView` as a client reads it.
struct ConsultationThreadResponse: Decodable {
    struct Party: Decodable {
        let id: String
        let nameEn: String
    }

    struct Consultation: Decodable {
        let id: String
        let title: String
        let tlp: String
        let openedBy: Party
        let openedByUser: String
        let addressee: Party
        let addresseeKind: String
        let object: String?
        let openedAt: String
        let firstAnswerDue: String
        let firstAnsweredAt: String?
        let overdue: Bool
        let incidentID: String?
    }

    struct Message: Decodable {
        let organisation: String
        let author: String
        let body: String
    }

    let consultation: Consultation
    let messages: [Message]
}

/// `OpinionController.OpinionView` as a client reads it, with the STIX object's fields a test checks.
struct OpinionResponse: Decodable {
    struct STIX: Decodable {
        let type: String
        let spec_version: String
        let id: String
        let opinion: String
        let explanation: String?
        let object_refs: [String]
        let created_by_ref: String
        let object_marking_refs: [String]
        let created: String
        let modified: String
    }

    let id: String
    let objectID: String
    let organisation: String
    let author: String
    let verdict: String
    let note: String
    let stix: STIX
}

/// `OpinionController.SummaryView` as a client reads it.
struct OpinionSummaryResponse: Decodable {
    let objectID: String
    let counts: [String: Int]
    let isProducer: Bool
    let opinions: [OpinionResponse]
}

/// `/api/v1/opinions`.
struct ReceivedOpinionsResponse: Decodable {
    let opinions: [OpinionResponse]
}

/// `POST /api/v1/consultations/:id/incident`.
struct IncidentLinkResponse: Decodable {
    let consultationID: String
    let incidentID: String
}

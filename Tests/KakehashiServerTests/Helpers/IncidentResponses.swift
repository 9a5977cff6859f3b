import Foundation

/// A delivery of a submission to one recipient (`DeliveryView` in the app).
struct DeliveryResponse: Decodable {
    let receiptID: String
    let incidentID: String
    let recipientOrganisation: String
    let regimes: [String]
    let state: String
    let acknowledgedBy: String?
}

/// A deadline as the submission result and the deadlines endpoint list it.
struct DeadlineResponse: Decodable {
    let regimeID: String
    let state: String?
    let dueAt: String?
}

/// `POST /api/v1/incidents/{id}/submissions` when accepted (`SubmissionResultView`).
struct SubmissionResultResponse: Decodable {
    struct Published: Decodable {
        let collectionID: String
    }

    let deliveries: [DeliveryResponse]
    let deadlines: [DeadlineResponse]
    let sharedTo: [Published]
    let sharingProblem: String?
}

/// `POST /api/v1/incidents/{id}/submissions` when refused (`RefusalBody`).
struct RefusalResponse: Decodable {
    struct Missing: Decodable {
        let field: String
    }

    let error: ErrorResponse.Detail
    let missing: [Missing]
    let messages: [String: String]
}

/// `GET /api/v1/incidents/{id}` (`IncidentView`).
struct IncidentResponse: Decodable {
    struct Draft: Decodable {
        struct Report: Decodable {
            let serviceImpact: [Opaque]?
        }

        let report: Report
    }

    let relation: String
    let draft: Draft?
    let submissions: [Opaque]
    let deliveries: [DeliveryResponse]
}

/// An entry of `GET /api/v1/incidents` (`IncidentSummaryView`).
struct IncidentSummaryResponse: Decodable {
    let id: String
    let status: String
}

/// `GET /api/v1/incidents/{id}/export.json`: the fields the tests check.
struct IncidentExportResponse: Decodable {
    let submissions: [Opaque]
}

/// A STIX bundle, as the incident export sends it.
struct BundleResponse: Decodable {
    struct Object: Decodable {
        let type: String
        let id: String?
    }

    let type: String
    let objects: [Object]
}

/// `GET /api/v1/regimes`.
struct RegimeCatalogueResponse: Decodable {
    let regimes: [Opaque]
}

/// `PUT /api/v1/regimes` when accepted.
struct RegimeUpdateResponse: Decodable {
    let version: Int
}

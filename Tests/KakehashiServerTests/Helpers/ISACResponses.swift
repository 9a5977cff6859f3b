import Foundation

/// A checklist's score (`ChecklistController.ScoreView`).
struct ChecklistScoreResponse: Decodable {
    let overall: Double?
    let unanswered: Int
}

/// An entry of `GET /api/v1/checklists`.
struct ChecklistSummaryResponse: Decodable {
    let id: String
}

/// `GET` and `PUT /api/v1/checklists/{id}/assessment` (`ChecklistController.AssessmentView`).
struct AssessmentResponse: Decodable {
    struct Assessment: Decodable {
        let submittedBy: String
    }

    let assessment: Assessment?
    let score: ChecklistScoreResponse?
}

/// `GET /api/v1/checklists/{id}/overview` (`ChecklistController.OverviewView`).
struct ChecklistOverviewResponse: Decodable {
    struct Row: Decodable {
        let nameEn: String
        let score: ChecklistScoreResponse?
    }

    let organisations: [Row]
}

/// `GET /api/v1/campaigns/{id}`: the status board (`CampaignController.BoardView`).
struct StatusBoardResponse: Decodable {
    struct Sector: Decodable {
        let sector: String
        let operators: [Operator]
    }

    struct Operator: Decodable {
        let state: String?
        let note: String?
    }

    let sectors: [Sector]

    /// The operators listed under `sector`, none if the sector is not on the board.
    func operators(in sector: String) -> [Operator] {
        sectors.first { $0.sector == sector }?.operators ?? []
    }
}

import Foundation

/// `GET /api/v1/findings`: the fields the tests check.
struct FindingListResponse: Decodable {
    struct Entry: Decodable {
        struct Finding: Decodable {
            struct Score: Decodable {
                let vector: String?
                let baseScore: Double?
            }

            let itemID: String
            let vulnerabilityID: String
            let knownExploited: Bool?
            let status: String?
            let site: String?
            let requiredAction: String?
            let scores: [Score]?
        }

        let finding: Finding
    }

    let findings: [Entry]
}

/// `GET /api/v1/equipment`: the registry's items.
struct EquipmentListResponse: Decodable {
    struct Item: Decodable {
        let id: String
        let support: String
    }

    let items: [Item]
}

/// `GET /api/v1/equipment/support-end`: one row per sector.
struct SupportEndResponse: Decodable {
    struct Row: Decodable {
        let sector: String
        let ended: Int
        let critical: Int
    }

    let sectors: [Row]
}

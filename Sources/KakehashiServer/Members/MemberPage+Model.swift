/// `/admin/members`: the users an administrator may see, and for hub administrators the organisations by sector.
enum MemberPage {
    struct Model: PageModel {
        struct UserRow: Encodable, Sendable, Equatable {
            let username: String
            let displayName: String
            let role: String
            let organisation: String
            let timeZone: String
            let locale: String
            let disabled: Bool
        }

        /// A sector with its member organisations (or the organisations without a sector).
        struct SectorGroup: Encodable, Sendable, Equatable {
            let sector: String
            let organisations: [Member]
        }

        struct Member: Encodable, Sendable, Equatable {
            let name: String
            let kind: String
            let tier: String
        }

        let frame: PageFrame
        let users: [UserRow]
        let hubAdmin: Bool
        /// Set for hub administrators only.
        var sectors: [SectorGroup]?
    }
}

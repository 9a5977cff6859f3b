/// `/admin/members`: the users an administrator may see, and for hub administrators the organisations by sector.
enum MemberPage {
    struct Model: PageModel {
        struct User: Encodable, Sendable, Equatable {
            let username: String
            let displayName: String
            let role: String
            let organisation: String
            let timeZone: String
            let locale: String
            let disabled: Bool
        }

        /// A sector with its member organisations (or the organisations without a sector).
        struct Sector: Encodable, Sendable, Equatable {
            let sector: String
            let organisations: [Organisation]
        }

        struct Organisation: Encodable, Sendable, Equatable {
            let name: String
            let kind: String
            let tier: String
        }

        let frame: PageFrame
        let users: [User]
        let hubAdmin: Bool
        /// Set for hub administrators only.
        var sectors: [Sector]?
    }
}

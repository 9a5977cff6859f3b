/// `/audit`: the latest audit entries for overseers, filtered by action, with the chain's verdict after a check.
enum AuditPage {
    struct Model: PageModel {
        struct Entry: Encodable, Sendable, Equatable {
            let sequence: Int64
            let time: String
            let user: String
            let action: String
            let object: String
            let address: String
        }

        let frame: PageFrame
        /// The action prefix the entries are filtered by ("" for all).
        let action: String
        /// What the chain check found, after one.
        var verdict: String?
        let entries: [Entry]
    }
}

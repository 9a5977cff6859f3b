/// `/admin/outbox`: the e-mails the hub owes recipient organisations, with each one's state.
enum OutboxPage {
    struct Model: PageModel {
        struct Message: Encodable, Sendable, Equatable {
            let created: String
            let organisation: String
            let subject: String
            let state: String
            let stateClass: String
            let attempts: Int
            let when: String
            let recipients: String
            let lastError: String
        }

        let frame: PageFrame
        let unsent: Bool
        let empty: Bool
        let messages: [Message]
    }
}

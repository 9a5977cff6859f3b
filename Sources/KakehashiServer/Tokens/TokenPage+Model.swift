/// `/tokens`: the user's API tokens, the form to create one, and a new token's secret (shown once).
enum TokenPage {
    struct Model: PageModel {
        struct Token: Encodable, Sendable, Equatable {
            let id: String
            let name: String
            let prefix: String
            let scopes: String
            let created: String
            let expires: String
            let state: String
            let canRevoke: Bool
        }

        let frame: PageFrame
        /// The create form.
        let fields: [FormField.Model]
        let tokens: [Token]
        /// A token just created: its secret, shown on this answer only, and its name.
        var secret: FalseWhenAbsent<String> = FalseWhenAbsent(nil)
        var secretName: String?
        var notice: FalseWhenAbsent<String> = FalseWhenAbsent(nil)
    }

    /// What an action brings back to the page: a notice, or a new token's secret.
    struct Outcome: Sendable {
        var notice: String?
        var secret: String?
        var secretName: String?
    }
}

/// `/checklists`: the hub's self-assessment checklists with the organisation's score on each.
enum ChecklistListPage {
    struct Model: PageModel {
        struct Row: Encodable, Sendable, Equatable {
            let id: String
            let title: String
            let version: String
            let items: Int
            /// The organisation's latest overall score, or "—".
            let score: String
        }

        let frame: PageFrame
        let checklists: [Row]
    }
}

/// `/checklists/:id`: one checklist to answer, its scores, and for overseers the operators' scores.
enum ChecklistPage {
    struct Model: PageModel {
        struct Category: Encodable, Sendable, Equatable {
            let name: String
            let score: String
            let items: [Item]
        }

        struct Item: Encodable, Sendable, Equatable {
            let id: String
            let text: String
            let note: String
            let error: String
            let hasError: Bool
            let options: [Option]
        }

        struct Option: Encodable, Sendable, Equatable {
            let value: String
            let label: String
            let selected: Bool
        }

        /// An overseen organisation's scores.
        struct Overview: Encodable, Sendable, Equatable {
            let name: String
            let overall: String
            /// One score per category, in the checklist's order.
            let parts: [String]
            let submitted: String
        }

        let frame: PageFrame
        let id: String
        let title: String
        let version: String
        let notice: String
        let hasNotice: Bool
        let mayAnswer: Bool
        let submittedAt: String
        let hasScore: Bool
        let overall: String
        let categories: [Category]
        var overseer: Bool
        /// Set for overseers only.
        var overviewCategories: [String]?
        var overview: [Overview]?
    }
}

/// `/board`: the campaigns the viewer may see, and for coordinators the form to open one.
enum StatusBoardPage {
    struct Model: PageModel {
        struct Campaign: Encodable, Sendable, Equatable {
            let id: String
            let title: String
            let opened: String
            let state: String
            let open: Bool
            let sectors: String
        }

        let frame: PageFrame
        let campaigns: [Campaign]
        let empty: Bool
        let coordinator: Bool
        /// The open-a-campaign form.
        let fields: [FormField.Model]
    }
}

/// `/board/:id`: one campaign's board, sector by sector, and the form to report the viewer's state.
enum CampaignBoardPage {
    struct Model: PageModel {
        struct Sector: Encodable, Sendable, Equatable {
            let name: String
            let counts: [Count]
            let rows: [Row]
        }

        /// How many operators of a sector stand in one state.
        struct Count: Encodable, Sendable, Equatable {
            let label: String
            let count: Int
            let state: String
        }

        /// An operator's latest report.
        struct Row: Encodable, Sendable, Equatable {
            let name: String
            let state: String
            let label: String
            let note: String
            let when: String
            let own: Bool
        }

        let frame: PageFrame
        let title: String
        let summary: String
        let hasSummary: Bool
        let open: Bool
        let opened: String
        let closed: String
        let id: String
        let notice: String
        let hasNotice: Bool
        let sectors: [Sector]
        let mayReport: Bool
        let mayClose: Bool
        /// The report-our-state form.
        let fields: [FormField.Model]
    }
}

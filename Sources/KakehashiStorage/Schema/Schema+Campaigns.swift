// Tables and columns of campaigns.
import SQLKit

extension Schema {
    /// `campaigns`: campaigns (the sector status board).
    enum Campaigns {
        static let table = SQLIdentifier("campaigns")
        static let id = SQLIdentifier("id")
        static let titleJa = SQLIdentifier("title_ja")
        static let titleEn = SQLIdentifier("title_en")
        static let summary = SQLIdentifier("summary")
        static let sectors = SQLIdentifier("sectors")
        static let openedBy = SQLIdentifier("opened_by")
        static let openedAt = SQLIdentifier("opened_at")
        static let closedAt = SQLIdentifier("closed_at")
    }

    /// `status_reports`: status reports filed during campaigns.
    enum StatusReports {
        static let table = SQLIdentifier("status_reports")
        static let id = SQLIdentifier("id")
        static let campaignID = SQLIdentifier("campaign_id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let state = SQLIdentifier("state")
        static let note = SQLIdentifier("note")
        static let reportedBy = SQLIdentifier("reported_by")
        static let reportedAt = SQLIdentifier("reported_at")
    }
}

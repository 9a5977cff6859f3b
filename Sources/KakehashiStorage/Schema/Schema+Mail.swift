// Tables and columns of notification e-mail addresses.
import SQLKit

extension Schema {
    /// `organisation_notification_emails`: where each organisation's notification e-mail goes.
    enum OrganisationNotificationEmails {
        static let table = SQLIdentifier("organisation_notification_emails")
        static let organisationID = SQLIdentifier("organisation_id")
        static let address = SQLIdentifier("address")
        static let position = SQLIdentifier("position")
        static let createdAt = SQLIdentifier("created_at")
    }
}

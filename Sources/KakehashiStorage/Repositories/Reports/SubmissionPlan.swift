import Foundation
import KakehashiCore

/// Everything one accepted submission writes, decided by the server before the transaction.
public struct SubmissionPlan: Sendable {
    /// The version the server validated against; the submission becomes `expectedVersion + 1`.
    /// Another submission committed meanwhile makes the plan fail with a `conflict`.
    public var expectedVersion: Int
    public var submission: SubmissionRecord
    /// The incident's status and category after the submission.
    public var status: IncidentRecord.Status
    public var category: String
    /// One per recipient organisation.
    public var deliveries: [DeliveryRecord]
    /// Notifications to queue in the same transaction, so none is lost and none is sent for a rolled-back submission.
    public var notifications: [PlannedNotification]

    public init(expectedVersion: Int, submission: SubmissionRecord, status: IncidentRecord.Status, category: String, deliveries: [DeliveryRecord], notifications: [PlannedNotification] = []) {
        self.expectedVersion = expectedVersion
        self.submission = submission
        self.status = status
        self.category = category
        self.deliveries = deliveries
        self.notifications = notifications
    }
}

/// A message for one organisation: a webhook event to each of its active endpoints and an e-mail in the outbox.
public struct PlannedNotification: Sendable, Equatable {
    public var organisation: UUID
    /// The webhook event name, e.g. `incident.delivered`.
    public var event: String
    /// The exact webhook body (JSON); it is signed as stored.
    public var payload: String
    public var emailSubject: String
    public var emailBody: String

    public init(organisation: UUID, event: String, payload: String, emailSubject: String, emailBody: String) {
        self.organisation = organisation
        self.event = event
        self.payload = payload
        self.emailSubject = emailSubject
        self.emailBody = emailBody
    }
}

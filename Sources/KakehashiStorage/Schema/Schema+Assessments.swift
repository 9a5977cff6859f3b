// Tables and columns of self-assessments.
import SQLKit

extension Schema {
    /// `self_assessments`: organisations' checklist self-assessments, every saving kept.
    enum SelfAssessments {
        static let table = SQLIdentifier("self_assessments")
        static let id = SQLIdentifier("id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let checklistID = SQLIdentifier("checklist_id")
        static let checklistVersion = SQLIdentifier("checklist_version")
        static let responses = SQLIdentifier("responses")
        static let submittedBy = SQLIdentifier("submitted_by")
        static let submittedAt = SQLIdentifier("submitted_at")
    }
}

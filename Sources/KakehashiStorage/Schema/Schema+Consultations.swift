// Tables and columns of consultations and opinions.
import SQLKit

extension Schema {
    /// `consultations`: requests for information between two member organisations.
    enum Consultations {
        static let table = SQLIdentifier("consultations")
        static let id = SQLIdentifier("id")
        static let openedBy = SQLIdentifier("opened_by")
        static let openedByUser = SQLIdentifier("opened_by_user")
        static let addressee = SQLIdentifier("addressee")
        static let addresseeKind = SQLIdentifier("addressee_kind")
        static let collectionID = SQLIdentifier("collection_id")
        static let objectID = SQLIdentifier("object_id")
        static let subjectIncident = SQLIdentifier("subject_incident")
        static let title = SQLIdentifier("title")
        static let tlp = SQLIdentifier("tlp")
        static let openedAt = SQLIdentifier("opened_at")
        static let firstAnswerDue = SQLIdentifier("first_answer_due")
        static let firstAnsweredAt = SQLIdentifier("first_answered_at")
        static let incidentID = SQLIdentifier("incident_id")
    }

    /// `consultation_messages`: the question and every reply of a consultation.
    enum ConsultationMessages {
        static let table = SQLIdentifier("consultation_messages")
        static let id = SQLIdentifier("id")
        static let consultationID = SQLIdentifier("consultation_id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let author = SQLIdentifier("author")
        static let body = SQLIdentifier("body")
        static let postedAt = SQLIdentifier("posted_at")
    }

    /// `opinions`: members' STIX opinions of shared objects, readable by the object's producer.
    enum Opinions {
        static let table = SQLIdentifier("opinions")
        static let id = SQLIdentifier("id")
        static let collectionID = SQLIdentifier("collection_id")
        static let objectID = SQLIdentifier("object_id")
        static let producerOrg = SQLIdentifier("producer_org")
        static let organisationID = SQLIdentifier("organisation_id")
        static let author = SQLIdentifier("author")
        static let verdict = SQLIdentifier("verdict")
        static let note = SQLIdentifier("note")
        static let created = SQLIdentifier("created")
        static let modified = SQLIdentifier("modified")
        static let json = SQLIdentifier("json")
    }
}

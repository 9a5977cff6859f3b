// Tables and columns of the audit log.
import SQLKit

extension Schema {
    /// `audit_log`: the hash-chained audit log.
    enum AuditLog {
        static let table = SQLIdentifier("audit_log")
        static let seq = SQLIdentifier("seq")
        static let at = SQLIdentifier("at")
        static let actorUser = SQLIdentifier("actor_user")
        static let actorOrg = SQLIdentifier("actor_org")
        static let action = SQLIdentifier("action")
        static let objectType = SQLIdentifier("object_type")
        static let objectID = SQLIdentifier("object_id")
        static let clientAddress = SQLIdentifier("client_address")
        static let details = SQLIdentifier("details")
        static let prevHash = SQLIdentifier("prev_hash")
        static let hash = SQLIdentifier("hash")
    }

    /// `audit_head`: the audit chain's head: one row, id 1.
    enum AuditHead {
        static let table = SQLIdentifier("audit_head")
        static let id = SQLIdentifier("id")
        static let seq = SQLIdentifier("seq")
        static let hash = SQLIdentifier("hash")
    }
}

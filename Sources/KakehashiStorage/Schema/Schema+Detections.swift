// Tables and columns of detection packs.
import SQLKit

extension Schema {
    /// `detection_sids`: the Suricata SID each organisation's range gave each indicator value, kept so
    /// that the same value always gets the same SID and no two values share one.
    enum DetectionSIDs {
        static let table = SQLIdentifier("detection_sids")
        static let organisationID = SQLIdentifier("organisation_id")
        static let sidBase = SQLIdentifier("sid_base")
        static let sidCount = SQLIdentifier("sid_count")
        /// `indicator|kind|value` (``DetectionEntry/key`` in KakehashiHunt).
        static let entryKey = SQLIdentifier("entry_key")
        static let sid = SQLIdentifier("sid")
        static let allocatedAt = SQLIdentifier("allocated_at")
    }
}

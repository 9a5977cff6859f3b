// Tables and columns of TAXII collections, objects and statuses.
import SQLKit

extension Schema {
    /// `collections`: TAXII collections.
    enum Collections {
        static let table = SQLIdentifier("collections")
        static let id = SQLIdentifier("id")
        static let title = SQLIdentifier("title")
        static let description = SQLIdentifier("description")
        static let alias = SQLIdentifier("alias")
        static let defaultTLP = SQLIdentifier("default_tlp")
        static let lastAdded = SQLIdentifier("last_added")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `collection_access`: which organisations read and write each collection.
    enum CollectionAccess {
        static let table = SQLIdentifier("collection_access")
        static let collectionID = SQLIdentifier("collection_id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let canRead = SQLIdentifier("can_read")
        static let canWrite = SQLIdentifier("can_write")
    }

    /// `stix_objects`: every stored STIX object version.
    enum STIXObjects {
        static let table = SQLIdentifier("stix_objects")
        static let collectionID = SQLIdentifier("collection_id")
        static let objectID = SQLIdentifier("object_id")
        static let version = SQLIdentifier("version")
        static let versionText = SQLIdentifier("version_text")
        static let type = SQLIdentifier("type")
        static let specVersion = SQLIdentifier("spec_version")
        static let dateAdded = SQLIdentifier("date_added")
        static let isLatest = SQLIdentifier("is_latest")
        static let isFirst = SQLIdentifier("is_first")
        static let tlp = SQLIdentifier("tlp")
        static let producerOrg = SQLIdentifier("producer_org")
        static let redRecipients = SQLIdentifier("red_recipients")
        static let json = SQLIdentifier("json")
    }

    /// `taxii_statuses`: TAXII status resources.
    enum TAXIIStatuses {
        static let table = SQLIdentifier("taxii_statuses")
        static let id = SQLIdentifier("id")
        static let collectionID = SQLIdentifier("collection_id")
        static let organisationID = SQLIdentifier("organisation_id")
        static let requestTimestamp = SQLIdentifier("request_timestamp")
        static let body = SQLIdentifier("body")
    }

    /// `stix_object_ids`: the id index's large level (SQLite only): hashed ids and dates added.
    enum STIXObjectIDs {
        static let table = SQLIdentifier("stix_object_ids")
        static let h = SQLIdentifier("h")
        static let dateAdded = SQLIdentifier("date_added")
    }

    /// `stix_object_ids_recent`: the id index's small level (SQLite only), merged into the large one when full.
    enum STIXObjectIDsRecent {
        static let table = SQLIdentifier("stix_object_ids_recent")
        static let h = SQLIdentifier("h")
        static let dateAdded = SQLIdentifier("date_added")
    }
}

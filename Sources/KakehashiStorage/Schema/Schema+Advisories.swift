// Tables and columns of equipment and advisories.
import SQLKit

extension Schema {
    /// `equipment`: operators' critical-equipment registries.
    enum Equipment {
        static let table = SQLIdentifier("equipment")
        static let organisationID = SQLIdentifier("organisation_id")
        static let itemID = SQLIdentifier("item_id")
        static let position = SQLIdentifier("position")
        static let name = SQLIdentifier("name")
        static let vendor = SQLIdentifier("vendor")
        static let product = SQLIdentifier("product")
        static let version = SQLIdentifier("version")
        static let modelNumbers = SQLIdentifier("model_numbers")
        static let cpe = SQLIdentifier("cpe")
        static let site = SQLIdentifier("site")
        static let function = SQLIdentifier("function")
        static let domain = SQLIdentifier("domain")
        static let designatedCritical = SQLIdentifier("designated_critical")
        static let criticalComputer = SQLIdentifier("critical_computer")
        static let supportEnd = SQLIdentifier("support_end")
        static let updatedAt = SQLIdentifier("updated_at")
    }

    /// `advisory_documents`: imported advisory documents (CSAF, CVE, KEV).
    enum AdvisoryDocuments {
        static let table = SQLIdentifier("advisory_documents")
        static let id = SQLIdentifier("id")
        static let format = SQLIdentifier("format")
        static let advisoryID = SQLIdentifier("advisory_id")
        static let title = SQLIdentifier("title")
        static let publisher = SQLIdentifier("publisher")
        static let released = SQLIdentifier("released")
        static let vulnerabilities = SQLIdentifier("vulnerabilities")
        static let source = SQLIdentifier("source")
        static let body = SQLIdentifier("body")
        static let importedBy = SQLIdentifier("imported_by")
        static let importedAt = SQLIdentifier("imported_at")
    }

    /// `advisory_findings`: registry items affected by advisories.
    enum AdvisoryFindings {
        static let table = SQLIdentifier("advisory_findings")
        static let organisationID = SQLIdentifier("organisation_id")
        static let itemID = SQLIdentifier("item_id")
        static let vulnerabilityID = SQLIdentifier("vulnerability_id")
        static let knownExploited = SQLIdentifier("known_exploited")
        static let severity = SQLIdentifier("severity")
        static let json = SQLIdentifier("json")
        static let firstSeen = SQLIdentifier("first_seen")
        static let updatedAt = SQLIdentifier("updated_at")
    }

    /// `finding_dispositions`: findings decided not applicable.
    enum FindingDispositions {
        static let table = SQLIdentifier("finding_dispositions")
        static let organisationID = SQLIdentifier("organisation_id")
        static let itemID = SQLIdentifier("item_id")
        static let vulnerabilityID = SQLIdentifier("vulnerability_id")
        static let reason = SQLIdentifier("reason")
        static let decidedBy = SQLIdentifier("decided_by")
        static let decidedAt = SQLIdentifier("decided_at")
    }

    /// `advisory_feeds`: advisory URLs fetched on a schedule.
    enum AdvisoryFeeds {
        static let table = SQLIdentifier("advisory_feeds")
        static let id = SQLIdentifier("id")
        static let url = SQLIdentifier("url")
        static let format = SQLIdentifier("format")
        static let intervalSeconds = SQLIdentifier("interval_seconds")
        static let nextFetchAt = SQLIdentifier("next_fetch_at")
        static let lastFetchedAt = SQLIdentifier("last_fetched_at")
        static let lastOutcome = SQLIdentifier("last_outcome")
        static let createdBy = SQLIdentifier("created_by")
        static let createdAt = SQLIdentifier("created_at")
    }
}

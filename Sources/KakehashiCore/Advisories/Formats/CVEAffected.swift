/// The `affected` entries and `metrics` of a CVE JSON 5 container.
enum CVEAffected {
    static func decode(_ entry: JSONCursor) throws(AdvisoryFormatError) -> AffectedProduct {
        let vendor = try entry.string("vendor")
        let product = try entry.string("product")
        let package = try entry.string("packageName")
        guard (vendor != nil && product != nil) || package != nil else {
            throw entry.fail("needs vendor and product, or collectionURL and packageName")
        }
        var defaultStatus = AffectedStatus.unknown
        if let statusCursor = try entry.optional("defaultStatus") {
            guard let status = AffectedStatus(rawValue: try statusCursor.string()) else {
                throw statusCursor.fail("must be affected, unaffected or unknown")
            }
            defaultStatus = status
        }
        var versions: [VersionRange] = []
        for item in try entry.array("versions") {
            versions.append(try versionRange(item))
        }
        var cpes: [CPEName] = []
        for element in try entry.array("cpes") {
            let text = try element.string()
            do {
                cpes.append(try CPEName(parsing: text))
            } catch {
                throw element.fail(error.description)
            }
        }
        return AffectedProduct(
            vendor: vendor ?? "", product: product ?? package ?? "", cpes: cpes, versions: versions,
            defaultStatus: defaultStatus)
    }

    private static func status(_ cursor: JSONCursor) throws(AdvisoryFormatError) -> AffectedStatus {
        let statusCursor = try cursor.required("status")
        guard let status = AffectedStatus(rawValue: try statusCursor.string()) else {
            throw statusCursor.fail("must be affected, unaffected or unknown")
        }
        return status
    }

    private static func versionRange(_ item: JSONCursor) throws(AdvisoryFormatError) -> VersionRange {
        let version = try item.requiredString("version")
        let itemStatus = try status(item)
        let lessThan = try item.string("lessThan")
        let lessThanOrEqual = try item.string("lessThanOrEqual")
        let versionType = try item.string("versionType")
        if lessThan != nil && lessThanOrEqual != nil {
            throw item.fail("lessThan and lessThanOrEqual may not both be given")
        }
        if (lessThan != nil || lessThanOrEqual != nil) && versionType == nil {
            throw item.fail("a range (lessThan / lessThanOrEqual) requires versionType")
        }
        var changes: [VersionRange.Change] = []
        for change in try item.array("changes") {
            changes.append(VersionRange.Change(at: try change.requiredString("at"), status: try status(change)))
        }
        if !changes.isEmpty && lessThan == nil && lessThanOrEqual == nil {
            throw item.fail("changes are allowed only in a range (lessThan / lessThanOrEqual)")
        }
        return VersionRange(
            version: version, status: itemStatus, versionType: versionType, lessThan: lessThan,
            lessThanOrEqual: lessThanOrEqual, changes: changes)
    }

    static func collectScores(from container: JSONCursor, into scores: inout [CVSSScore]) throws(AdvisoryFormatError) {
        for metric in try container.array("metrics") {
            for key in ["cvssV4_0", "cvssV3_1", "cvssV3_0"] {
                guard let cvss = try metric.optional(key) else { continue }
                let vector = try cvss.required("vectorString")
                let text = try vector.string()
                do {
                    let score = try CVSSScore(vector: text)
                    if !scores.contains(score) { scores.append(score) }
                } catch {
                    throw vector.fail(error.description)
                }
            }
        }
    }
}

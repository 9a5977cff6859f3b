import Foundation

/// A finding as the hub keeps and shows it: one vulnerability that affects (or may affect) one
/// registered item, flattened from ``AdvisoryMatch`` so it can be stored, compared and rendered.
public struct AdvisoryFinding: Sendable, Hashable, Codable {
    /// A CVSS score with the vector it was computed from.
    public struct Score: Sendable, Hashable, Codable {
        public var version: String
        public var vector: String
        public var baseScore: Double
        public var severity: CVSSSeverity

        public init(_ score: CVSSScore) {
            version = score.version
            vector = score.vector
            baseScore = score.baseScore
            severity = score.severity
        }
    }

    /// A remediation, workaround or required action.
    public struct Action: Sendable, Hashable, Codable {
        public var category: String
        public var details: String
        public var url: String?
    }

    /// The item's identifier in the operator's registry.
    public var itemID: String
    /// The CVE ID or, without one, the advisory ID.
    public var vulnerabilityID: String
    /// `affected`, or `unknown` when the version is not registered or the advisory leaves it open.
    public var status: AffectedStatus
    /// How the item was recognised: `cpe`, `model_number` or `vendor_product`.
    public var evidence: String
    /// The advisory the record came from, and its title.
    public var advisoryID: String
    public var title: String
    /// The product as the advisory names it.
    public var advisoryProduct: String
    /// The item: name, vendor, product, version, site and function, as registered.
    public var itemName: String
    public var itemProduct: String
    public var site: String
    public var function: String
    /// Whether the item is designated critical equipment or a critical computer.
    public var critical: Bool
    /// CVSS scores with their vectors (3.x and 4.0 where given).
    public var scores: [Score]
    /// The highest base score, 0 when unscored.
    public var severityScore: Double
    /// Listed in CISA's Known Exploited Vulnerabilities catalog.
    public var knownExploited: Bool
    /// Known to be used in ransomware campaigns.
    public var ransomware: Bool
    /// CISA's required action and due date, when known exploited.
    public var requiredAction: String?
    public var dueDate: String?
    /// Remediations from every advisory that matched the same vulnerability.
    public var actions: [Action]
    /// One line for a person.
    public var summary: String

    /// Flattens a match.
    public init(_ match: AdvisoryMatch) {
        let item = match.equipment
        itemID = item.id
        vulnerabilityID = match.vulnerabilityID
        status = match.status
        evidence = match.evidence.rawValue
        advisoryID = match.record.advisoryID
        title = match.record.title ?? match.record.advisoryID
        advisoryProduct = "\(match.product.vendor) \(match.product.product)"
        itemName = item.name
        itemProduct = [item.vendor, item.product, item.version ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        site = item.site
        function = item.function
        critical = item.designatedCriticalEquipment || item.criticalComputer
        scores = match.scores.map(Score.init)
        severityScore = match.severityScore
        knownExploited = match.knownExploited != nil
        ransomware = match.knownExploited?.usedByRansomware ?? false
        requiredAction = match.knownExploited?.requiredAction
        dueDate = match.knownExploited?.dueDate
        actions = match.remediations.map { Action(category: $0.category, details: $0.details, url: $0.url) }
        summary = match.summary
    }

    /// The identity of a finding within one organisation: the item and the vulnerability.
    public var key: FindingKey { FindingKey(itemID: itemID, vulnerabilityID: vulnerabilityID) }

    /// The severity band of the highest score.
    public var severity: CVSSSeverity { CVSSSeverity(score: severityScore) }

    /// Orders findings as ``AdvisoryMatcher/rank(_:)`` does: known exploited first, affected before
    /// unknown, higher scores, critical items, then by item and vulnerability.
    public static func ranked(_ findings: [AdvisoryFinding]) -> [AdvisoryFinding] {
        findings.sorted { a, b in
            if a.knownExploited != b.knownExploited { return a.knownExploited }
            let affectedA = a.status == .affected, affectedB = b.status == .affected
            if affectedA != affectedB { return affectedA }
            if a.severityScore != b.severityScore { return a.severityScore > b.severityScore }
            if a.critical != b.critical { return a.critical }
            if a.itemID != b.itemID { return a.itemID < b.itemID }
            return a.vulnerabilityID < b.vulnerabilityID
        }
    }
}

/// Which item and which vulnerability a finding is about.
public struct FindingKey: Sendable, Hashable, Codable, Comparable {
    public var itemID: String
    public var vulnerabilityID: String

    public init(itemID: String, vulnerabilityID: String) {
        self.itemID = itemID
        self.vulnerabilityID = vulnerabilityID
    }

    public static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
        (lhs.itemID, lhs.vulnerabilityID) < (rhs.itemID, rhs.vulnerabilityID)
    }
}

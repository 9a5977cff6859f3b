/// One finding: a vulnerability that affects (or may affect) a registered item, with what to do.
public struct AdvisoryMatch: Sendable, Hashable {
    /// How the item was recognised in the advisory.
    public enum Evidence: String, Sendable, Hashable, Comparable {
        /// A CPE name of the advisory matched the item's CPE (NISTIR 7696 superset or equal).
        case cpe
        /// A model number, SKU or model-number pattern matched.
        case modelNumber = "model_number"
        /// Normalised vendor and product names agreed.
        case vendorProduct = "vendor_product"

        private var rank: Int {
            switch self {
            case .cpe: 0
            case .modelNumber: 1
            case .vendorProduct: 2
            }
        }

        public static func < (lhs: Evidence, rhs: Evidence) -> Bool { lhs.rank < rhs.rank }
    }

    /// Held by reference: findings are sorted and passed around in large numbers.
    private final class Storage: Sendable {
        let equipment: Equipment
        let record: VulnerabilityRecord
        let product: AffectedProduct
        let status: AffectedStatus
        let evidence: Evidence
        let knownExploited: KnownExploitation?
        let remediations: [Remediation]
        let scores: [CVSSScore]

        init(
            equipment: Equipment, record: VulnerabilityRecord, product: AffectedProduct, status: AffectedStatus,
            evidence: Evidence, knownExploited: KnownExploitation?, remediations: [Remediation], scores: [CVSSScore]
        ) {
            self.equipment = equipment
            self.record = record
            self.product = product
            self.status = status
            self.evidence = evidence
            self.knownExploited = knownExploited
            self.remediations = remediations
            self.scores = scores
        }
    }

    private let storage: Storage

    /// Creates a finding.
    public init(
        equipment: Equipment, record: VulnerabilityRecord, product: AffectedProduct, status: AffectedStatus,
        evidence: Evidence, knownExploited: KnownExploitation?, remediations: [Remediation], scores: [CVSSScore]
    ) {
        storage = Storage(
            equipment: equipment, record: record, product: product, status: status, evidence: evidence,
            knownExploited: knownExploited, remediations: remediations, scores: scores)
    }

    /// The affected item (what and where: ``Equipment/site``, ``Equipment/function``).
    public var equipment: Equipment { storage.equipment }
    /// The vulnerability record.
    public var record: VulnerabilityRecord { storage.record }
    /// The advisory entry that matched.
    public var product: AffectedProduct { storage.product }
    /// `.affected`, or `.unknown` when the item's version is not registered or the advisory leaves it open.
    public var status: AffectedStatus { storage.status }
    /// How the item was recognised.
    public var evidence: Evidence { storage.evidence }
    /// KEV facts when the CVE is known to be exploited.
    public var knownExploited: KnownExploitation? { storage.knownExploited }
    /// Remediations that apply to the matched product (from every advisory that matched the same CVE).
    public var remediations: [Remediation] { storage.remediations }
    /// Scores from every advisory that matched the same CVE.
    public var scores: [CVSSScore] { storage.scores }

    public static func == (lhs: AdvisoryMatch, rhs: AdvisoryMatch) -> Bool {
        lhs.storage === rhs.storage || (
            lhs.equipment == rhs.equipment && lhs.record == rhs.record && lhs.product == rhs.product
                && lhs.status == rhs.status && lhs.evidence == rhs.evidence && lhs.knownExploited == rhs.knownExploited
                && lhs.remediations == rhs.remediations && lhs.scores == rhs.scores)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(equipment.id)
        hasher.combine(vulnerabilityID)
        hasher.combine(status)
    }

    /// The CVE ID or, without one, the advisory ID.
    public var vulnerabilityID: String { record.cve ?? record.advisoryID }
    /// The CVSS 3.x score with its vector, if any.
    public var cvss3: CVSSScore? { scores.first { $0.version == "3.1" } ?? scores.first { $0.version == "3.0" } }
    /// The CVSS 4.0 score with its vector, if any.
    public var cvss4: CVSSScore? { scores.first { $0.version == "4.0" } }
    /// The highest base score, 0 when unscored.
    public var severityScore: Double { scores.reduce(0) { Swift.max($0, $1.baseScore) } }
    /// CISA's required action when known exploited.
    public var requiredAction: String? { knownExploited?.requiredAction }

    /// One line for a person: what is affected, where, and how bad.
    public var summary: String {
        var text = "\(vulnerabilityID) \(status == .affected ? "affects" : "may affect") \(equipment.id)"
        if !equipment.name.isEmpty { text += " (\(equipment.name))" }
        text += ": \(equipment.vendor) \(equipment.product)"
        if let version = equipment.version { text += " \(version)" }
        if !equipment.site.isEmpty { text += " at \(equipment.site)" }
        if !equipment.function.isEmpty { text += ", \(equipment.function)" }
        if severityScore > 0 { text += "; CVSS \(severityScore)" }
        if knownExploited != nil { text += "; known exploited" }
        return text
    }
}

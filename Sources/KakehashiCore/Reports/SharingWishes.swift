/// The parts of a report that can carry their own TLP label.
public enum ReportSection: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case narrative
    case impact
    case systems
    case techniques
    case indicators
    case ransom
    case ddos
    case actions
}

/// What the reporter allows the hub to do with the report beyond the legal recipients.
public struct SharingWishes: Sendable, Codable, Hashable {
    /// The TLP 2.0 label of the whole report.
    public var tlp: TLPLevel
    /// Labels for single sections that differ from ``tlp``; the stricter of the two applies.
    public var sectionTLP: [ReportSection: TLPLevel]
    /// Consent to share with the sector ISAC.
    public var shareWithISAC: Bool
    /// Consent to share with the national center (beyond what the law already requires).
    public var shareWithNationalCenter: Bool
    /// Whether the reporter's identity and identifying details are removed before sharing.
    public var anonymise: Bool

    /// Creates sharing wishes; by default nothing is shared beyond the legal recipients, and
    /// whatever is shared later is anonymised.
    public init(
        tlp: TLPLevel = .amber,
        sectionTLP: [ReportSection: TLPLevel] = [:],
        shareWithISAC: Bool = false,
        shareWithNationalCenter: Bool = false,
        anonymise: Bool = true
    ) {
        self.tlp = tlp
        self.sectionTLP = sectionTLP
        self.shareWithISAC = shareWithISAC
        self.shareWithNationalCenter = shareWithNationalCenter
        self.anonymise = anonymise
    }

    /// The label that governs `section`: the stricter of the report's and the section's own.
    public func label(for section: ReportSection) -> TLPLevel {
        max(tlp, sectionTLP[section] ?? tlp)
    }

    enum CodingKeys: String, CodingKey { case tlp, sectionTLP, shareWithISAC, shareWithNationalCenter, anonymise }

    /// Decodes sharing wishes; absent consents are `false`, absent `anonymise` is `true`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tlp = try c.decodeIfPresent(TLPLevel.self, forKey: .tlp) ?? .amber
        sectionTLP = try c.decodeIfPresent([ReportSection: TLPLevel].self, forKey: .sectionTLP) ?? [:]
        shareWithISAC = try c.decodeIfPresent(Bool.self, forKey: .shareWithISAC) ?? false
        shareWithNationalCenter = try c.decodeIfPresent(Bool.self, forKey: .shareWithNationalCenter) ?? false
        anonymise = try c.decodeIfPresent(Bool.self, forKey: .anonymise) ?? true
    }
}

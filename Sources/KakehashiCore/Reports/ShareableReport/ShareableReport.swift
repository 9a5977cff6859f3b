import Foundation

/// What of an incident may go beyond the legal recipients: anonymised if the reporter asked, sections
/// labelled TLP:RED withheld, free text only where marked shareable.
///
/// Made by ``ShareableReport/make(from:for:)``; exported to STIX by ``ShareableReport/stixBundle()``.
public struct ShareableReport: Sendable, Hashable {
    /// The hub's incident id; used only to derive STIX ids and never written into the shared output.
    public let incidentID: String
    /// The label of the whole shared view: the strictest label of what it contains.
    public let label: TLPLevel
    /// Labels of the sections included.
    public let sectionLabels: [ReportSection: TLPLevel]
    /// The reporting organisation, when the reporter did not ask for anonymity.
    public let reporter: Reporter?
    /// Sectors of the reporter (kept when anonymised: the community needs them and they name no one).
    public let sectors: [String]
    /// The category.
    public let category: IncidentCategory
    /// When it began, was detected and resolved.
    public let occurred: Date?, detected: Date?, resolved: Date?
    /// ATT&CK techniques, if their section is shareable.
    public let attackTechniques: [AttackTechniqueID]
    /// The suspected entry vector and exploited CVEs, if the techniques section is shareable.
    public let entryVector: EntryVector?, exploitedCVEs: [CVEID]
    /// Service impact; names and areas removed when anonymised.
    public let serviceImpact: [ServiceImpact]
    /// Affected systems; names removed when anonymised.
    public let affectedSystems: [AffectedSystem]
    /// Indicators the reporter allows to share; when anonymised, none naming the reporter.
    public let indicators: [IncidentIndicator]
    /// Ransom details, if their section is shareable.
    public let ransom: RansomDetails?
    /// DDoS details, if shareable; the mitigation text removed when anonymised.
    public let ddos: DDoSDetails?
    /// The narrative, only if the reporter marked it shareable.
    public let narrative: IncidentNarrative?
    /// Actions taken (free text), only if the narrative is marked shareable.
    public let actionsTaken: [String]
    /// Where the incident stands.
    public let status: IncidentStatus
    /// When the shared version was submitted (the STIX report's `published`).
    public let published: Date
    /// When the incident was first submitted (the STIX objects' `created`).
    public let firstSubmitted: Date
    /// For each shared indicator, when it first appeared in a submission.
    public let indicatorFirstSeen: [IncidentIndicator: Date]
}

/// A path into ``IncidentReport`` that a regime's stage can require, e.g. `times.becameAware`.
///
/// Fields inside a section that does not apply are satisfied by its absence: `ransom.amount` is only
/// wanted when a ransom was demanded or paid, `ransom.paidAt` only when it was paid, `ddos.*` only for
/// a DDoS, so one stage definition serves every category.
public enum ReportField: String, Sendable, Codable, CaseIterable {
    case reporterOrganization = "reporter.organizationID"
    case reporterSectors = "reporter.sectors"
    case reporterDesignations = "reporter.designations"
    case contacts = "contacts"
    case contact24x7 = "contacts.24x7"
    case timesOccurred = "times.occurred"
    case timesDetected = "times.detected"
    case timesBecameAware = "times.becameAware"
    case timesResolved = "times.resolved"
    case category = "category"
    case attackTechniques = "attackTechniques"
    case narrative = "narrative"
    case narrativeJapanese = "narrative.ja"
    case narrativeEnglish = "narrative.en"
    case serviceImpact = "serviceImpact"
    case serviceImpactUsers = "serviceImpact.usersAffected"
    case serviceImpactArea = "serviceImpact.area"
    case serviceImpactDuration = "serviceImpact.duration"
    case affectedSystems = "affectedSystems"
    case entryVector = "entryVector"
    case exploitedCVEs = "exploitedCVEs"
    case indicators = "indicators"
    case ransom = "ransom"
    case ransomAmount = "ransom.amount"
    case ransomCurrency = "ransom.currency"
    case ransomPaidAt = "ransom.paidAt"
    case ddosPeak = "ddos.peak"
    case ddosVectors = "ddos.vectors"
    case ddosMitigation = "ddos.mitigation"
    case actionsTaken = "actionsTaken"
    case status = "status"
    case alreadyNotified = "alreadyNotified"

    /// Whether `report` gives this field (or the field does not apply to it).
    public func isSatisfied(by report: IncidentReport) -> Bool {
        let ransomRelevant = report.category == .ransomware || report.ransom?.demanded == true || report.ransomPaid
        let ddosRelevant = report.category == .ddos
        switch self {
        case .reporterOrganization: return !report.reporter.organizationID.isReportBlank
        case .reporterSectors: return !report.reporter.sectors.isEmpty
        case .reporterDesignations: return !report.reporter.designations.isEmpty
        case .contacts: return !report.contacts.isEmpty
        case .contact24x7: return report.contacts.contains(where: \.available24x7)
        case .timesOccurred: return report.times.occurred != nil
        case .timesDetected: return report.times.detected != nil
        case .timesBecameAware: return report.times.becameAware != nil
        case .timesResolved: return report.status != .resolved || report.times.resolved != nil
        case .category, .status: return true
        case .attackTechniques: return !report.attackTechniques.isEmpty
        case .narrative: return report.narrative.hasText
        case .narrativeJapanese: return !(report.narrative.ja ?? "").isReportBlank
        case .narrativeEnglish: return !(report.narrative.en ?? "").isReportBlank
        case .serviceImpact: return !report.serviceImpact.isEmpty
        case .serviceImpactUsers: return !report.serviceImpact.isEmpty && report.serviceImpact.allSatisfy { $0.usersAffected != nil }
        case .serviceImpactArea: return !report.serviceImpact.isEmpty && report.serviceImpact.allSatisfy { !($0.area ?? "").isReportBlank }
        case .serviceImpactDuration: return !report.serviceImpact.isEmpty && report.serviceImpact.allSatisfy { $0.durationMinutes != nil }
        case .affectedSystems: return !report.affectedSystems.isEmpty
        case .entryVector: return report.entryVector != nil
        case .exploitedCVEs: return report.entryVector != .vulnerabilityExploitation || !report.exploitedCVEs.isEmpty
        case .indicators: return !report.indicators.isEmpty
        case .ransom: return !ransomRelevant || report.ransom != nil
        case .ransomAmount: return !ransomRelevant || !(report.ransom?.amount ?? "").isReportBlank
        case .ransomCurrency: return !ransomRelevant || !(report.ransom?.currency ?? "").isReportBlank
        case .ransomPaidAt: return !report.ransomPaid || report.ransom?.paidAt != nil
        case .ddosPeak: return !ddosRelevant || report.ddos?.peakBitsPerSecond != nil || report.ddos?.peakPacketsPerSecond != nil
        case .ddosVectors: return !ddosRelevant || !(report.ddos?.vectors.isEmpty ?? true)
        case .ddosMitigation: return !ddosRelevant || !(report.ddos?.mitigation ?? "").isReportBlank
        case .actionsTaken: return !report.actionsTaken.isEmpty
        case .alreadyNotified: return true
        }
    }
}

extension String {
    var isReportBlank: Bool { allSatisfy(\.isWhitespace) }
}

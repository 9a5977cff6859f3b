import Foundation

extension ShareableReport {
    /// The shareable view of an incident's latest submitted version for `audience`.
    ///
    /// - Throws: ``SharingError`` when the reporter did not consent, the report is TLP:RED, or nothing
    ///   has been submitted yet.
    public static func make(from incident: Incident, for audience: SharingAudience) throws(SharingError) -> ShareableReport {
        let submitted = incident.submissions.filter { $0.kind != .draft }
        guard let latest = submitted.last, let first = submitted.first else { throw .nothingSubmitted(incidentID: incident.id) }
        let report = latest.report
        let wishes = report.sharing
        let consent = switch audience {
        case .isac: wishes.shareWithISAC
        case .nationalCenter: wishes.shareWithNationalCenter
        }
        guard consent else { throw .noConsent(incidentID: incident.id, audience: audience) }
        guard wishes.tlp != .red else { throw .labelForbids(incidentID: incident.id, label: .red) }

        let anonymise = wishes.anonymise
        var labels: [ReportSection: TLPLevel] = [:]
        func allowed(_ section: ReportSection) -> Bool {
            let label = wishes.label(for: section)
            guard label != .red else { return false }
            labels[section] = label
            return true
        }
        let freeText = report.narrative.shareable
        let techniques = allowed(.techniques)
        let indicators = allowed(.indicators) ? sharedIndicators(of: report, anonymise: anonymise) : []
        var firstSeen: [IncidentIndicator: Date] = [:]
        for indicator in indicators {
            firstSeen[indicator] = submitted.first { $0.report.indicators.contains { $0.type == indicator.type && $0.value == indicator.value } }?.submittedAt ?? latest.submittedAt
        }
        let impact = allowed(.impact) ? report.serviceImpact.map { anonymise ? ServiceImpact(service: "", state: $0.state, usersAffected: $0.usersAffected, durationMinutes: $0.durationMinutes) : $0 } : []
        let systems = allowed(.systems) ? report.affectedSystems.map { anonymise ? AffectedSystem(name: "", kind: $0.kind, isCriticalEquipment: $0.isCriticalEquipment, isCriticalComputer: $0.isCriticalComputer) : $0 } : []
        let ransom = allowed(.ransom) ? report.ransom : nil
        let ddos = allowed(.ddos) ? report.ddos.map { anonymise ? DDoSDetails(peakBitsPerSecond: $0.peakBitsPerSecond, peakPacketsPerSecond: $0.peakPacketsPerSecond, vectors: $0.vectors) : $0 } : nil
        let narrative = freeText && allowed(.narrative) ? report.narrative : nil
        let actions = freeText && allowed(.actions) ? report.actionsTaken : []
        // Every section is decided above, so `labels` is complete before the overall label is taken.
        let view = ShareableReport(
            incidentID: incident.id,
            label: max(wishes.tlp, labels.values.max() ?? wishes.tlp),
            sectionLabels: labels,
            reporter: anonymise ? nil : Reporter(organizationID: report.reporter.organizationID, organizationName: report.reporter.organizationName, sectors: report.reporter.sectors),
            sectors: report.reporter.sectors,
            category: report.category,
            occurred: report.times.occurred, detected: report.times.detected, resolved: report.times.resolved,
            attackTechniques: techniques ? report.attackTechniques : [],
            entryVector: techniques ? report.entryVector : nil,
            exploitedCVEs: techniques ? report.exploitedCVEs : [],
            serviceImpact: impact,
            affectedSystems: systems,
            indicators: indicators,
            ransom: ransom,
            ddos: ddos,
            narrative: narrative,
            actionsTaken: actions,
            status: report.status,
            published: latest.submittedAt,
            firstSubmitted: first.submittedAt,
            indicatorFirstSeen: firstSeen
        )
        return view
    }

    /// Indicators marked shareable; when anonymising, also without those that name the reporter
    /// (its own domains, id or name), since a victim's address identifies the victim.
    static func sharedIndicators(of report: IncidentReport, anonymise: Bool) -> [IncidentIndicator] {
        let identifying = ([report.reporter.organizationID, report.reporter.organizationName ?? ""] + report.reporter.ownDomains)
            .map { $0.lowercased() }
            .filter { !$0.isReportBlank }
        return report.indicators.filter { indicator in
            guard indicator.shareable else { return false }
            guard anonymise else { return true }
            let value = indicator.value.lowercased()
            return !identifying.contains { value.contains($0) }
        }
    }
}

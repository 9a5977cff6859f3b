import Foundation
import KakehashiCore

/// A member's report as the hub keeps it: attributed to the member's own organisation, whatever the body says, and stored as JSON.
enum ReportInput {
    /// `report` as filed by `organisation`: its id always, and its name and sectors where the report gives none.
    static func attributed(_ report: IncidentReport, to organisation: Organisation) -> IncidentReport {
        var report = report
        report.reporter.organizationID = organisation.id.uuidString.lowercased()
        if report.reporter.organizationName == nil { report.reporter.organizationName = organisation.nameJa }
        if report.reporter.sectors.isEmpty { report.reporter.sectors = organisation.sectors.map(\.regimeSectorName) }
        return report
    }

    /// The report as the hub stores it: ISO 8601 UTC instants, sorted keys.
    static func json(_ report: IncidentReport) throws -> String {
        String(decoding: try ReportCoding.makeEncoder().encode(report), as: UTF8.self)
    }

    /// A stored report.
    static func decode(_ json: String) throws -> IncidentReport {
        try ReportCoding.makeDecoder().decode(IncidentReport.self, from: Data(json.utf8))
    }
}

extension Sector {
    /// The sector's name in the regime catalogue's `roles` table (e.g. `railways` → `railway`).
    var regimeSectorName: String {
        switch self {
        case .informationCommunications: "telecommunications"
        case .airports: "airport"
        case .railways: "railway"
        case .creditCards: "credit-card"
        case .ports: "port"
        case .government: "government"
        default: rawValue
        }
    }
}

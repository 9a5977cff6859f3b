import Foundation
import KakehashiCore

/// Reads a report sent by a member: the reporter is always the member's own organisation, whatever the body says.
enum ReportInput {
    /// Decodes `json` (an `IncidentReport` object, `reporter` optional) as a report by `organisation`.
    ///
    /// `reporter.organizationID` is set to the organisation's id, and the name and sectors are filled in
    /// from the member directory when the body leaves them out.
    /// - Throws: ``APIError`` 400 naming the path at fault.
    static func report(from json: Any, by organisation: Organisation) throws -> IncidentReport {
        guard var object = json as? [String: Any] else {
            throw APIError(.badRequest, code: "invalid-body", "the report must be a JSON object", field: "report")
        }
        var reporter = object["reporter"] as? [String: Any] ?? [:]
        reporter["organizationID"] = organisation.id.uuidString.lowercased()
        if reporter["organizationName"] == nil { reporter["organizationName"] = organisation.nameJa }
        if reporter["sectors"] == nil { reporter["sectors"] = organisation.sectors.map(\.regimeSectorName) }
        object["reporter"] = reporter
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try ReportCoding.makeDecoder().decode(IncidentReport.self, from: data)
        } catch let error as DecodingError {
            throw APIError(.badRequest, code: "invalid-report", DecodingErrorText.describe(error))
        }
    }

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

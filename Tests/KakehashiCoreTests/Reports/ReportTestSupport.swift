import Foundation
import Testing
@testable import KakehashiCore

/// Helpers shared by the report, regime and deadline tests.
enum ReportTestSupport {
    /// The shipped regime catalogue, `Sources/KakehashiServer/Resources/regimes.json`, found from this file's
    /// path: the nearest folder above it that holds `Package.swift` is the repository root.
    static func regimesData(filePath: String = #filePath) throws -> Data {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            let parent = folder.deletingLastPathComponent()
            try #require(parent.path != folder.path, "no Package.swift above \(filePath)")
            folder = parent
        }
        return try Data(contentsOf: folder.appendingPathComponent("Sources/KakehashiServer/Resources/regimes.json"))
    }

    /// The shipped regime catalogue.
    static func catalog() throws -> RegimeCatalog {
        try RegimeCatalog.decode(from: regimesData())
    }

    /// A fixture report from `Fixtures/reports/`.
    static func fixtureReport(_ name: String) throws -> IncidentReport {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/reports"))
        return try ReportCoding.makeDecoder().decode(IncidentReport.self, from: Data(contentsOf: url))
    }

    /// An instant from ISO 8601 text such as `2026-03-29T01:30:00Z` or `2026-03-29T10:30:00+09:00`.
    static func instant(_ text: String) throws -> Date {
        try #require(ReportCoding.parseInstant(text), "bad instant \(text)")
    }

    /// A small, complete report with the given designations, aware at `becameAware`.
    static func report(
        designations: [String],
        becameAware: Date,
        category: IncidentCategory = .ransomware,
        state: ServiceState = .down,
        ransom: RansomDetails? = nil,
        timeZone: String = "Asia/Tokyo"
    ) throws -> IncidentReport {
        IncidentReport(
            reporter: Reporter(organizationID: "org-test", organizationName: "Test Operator", sectors: ["railway"], designations: designations),
            contacts: [IncidentContact(name: "SOC", email: "soc@example.org", available24x7: true)],
            times: try IncidentTimes(occurred: becameAware.addingTimeInterval(-3600), detected: becameAware.addingTimeInterval(-600), becameAware: becameAware, timeZone: timeZone),
            category: category,
            attackTechniques: [try AttackTechniqueID("T1486")],
            narrative: IncidentNarrative(ja: "概要", en: "Summary"),
            serviceImpact: [ServiceImpact(service: "Ticketing", state: state, usersAffected: 100, area: "Kanto", durationMinutes: 60)],
            affectedSystems: [AffectedSystem(name: "srv-1", isCriticalComputer: true)],
            entryVector: .phishing,
            ransom: ransom,
            actionsTaken: ["isolated"],
            status: .ongoing
        )
    }

    /// The deadline of `stage` in `regime` among `deadlines`.
    static func find(_ deadlines: [StageDeadline], _ regime: String, _ stage: String) throws -> StageDeadline {
        try #require(deadlines.first { $0.regime.id == regime && $0.stage.id == stage }, "no deadline \(regime)/\(stage) among \(deadlines.map { "\($0.regime.id)/\($0.stage.id)" })")
    }
}

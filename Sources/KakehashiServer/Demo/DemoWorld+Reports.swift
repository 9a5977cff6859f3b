import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

extension DemoWorld {
    /// Maps jp-mlit to the transport ministry and jp-nisc to the national office, and files one sample
    /// incident: ransomware at the port terminal operator, modelled on the Nagoya port attack of July 2023
    /// (terminal operating system encrypted, container handling stopped for about two and a half days).
    ///
    /// Runs once: nothing is filed when the port operator already has an incident.
    public static func seedReporting(hub: Hub, logger: Logger) async throws {
        let reporting = try Reporting(hub: hub)
        var byName: [String: Organisation] = [:]
        for organisation in try await hub.organisations.list() { byName[organisation.nameEn] = organisation }
        guard let ministry = byName["Ministry of Land, Infrastructure, Transport and Tourism"], let office = byName["National Cybersecurity Office"],
              let port = byName["Chubu Port Terminal Operations"] else { return }
        let map = try await reporting.authorities.all()
        for (authority, organisation) in [("jp-mlit", ministry), ("jp-nisc", office)] where map[authority] == nil {
            try await reporting.authorities.assign(authority, to: [organisation.id], audit: seedAudit("authority.assign", objectType: "authority", objectID: authority))
        }
        guard try await reporting.incidents.list(reporter: port.id).isEmpty else { return }

        let report = try sampleRansomwareReport(by: port, now: Date())
        let now = Date()
        let record = IncidentRecord(reporterOrganisation: port.id, category: report.category.rawValue, createdBy: "port-analyst", createdAt: now, updatedAt: now)
        let draft = DraftRecord(incidentID: record.id, json: try ReportInput.json(report), savedBy: "port-analyst", savedAt: now)
        try await reporting.incidents.create(record, draft: draft, audit: seedAudit("incident.create", objectType: "incident", objectID: record.id.uuidString.lowercased()))
        let access = IncidentAccess(record: record, relation: .reporter, submissions: [], deliveries: [], allSubmissions: [], allDeliveries: [])
        _ = try await IncidentService(reporting: reporting).commit(report, kind: .initial, access: access, username: "port-analyst", organisation: port,
                                                                   audit: seedAudit("incident.submit", objectType: "incident", objectID: record.id.uuidString.lowercased()), logger: logger)
    }

    static func seedAudit(_ action: String, objectType: String, objectID: String) -> AuditRecord {
        AuditRecord(actorUser: "cli", action: action, objectType: objectType, objectID: objectID, clientAddress: "local", details: ["source": "demo.seed"])
    }

    /// The sample initial report, its clock started three hours before `now`.
    static func sampleRansomwareReport(by port: Organisation, now: Date) throws -> IncidentReport {
        let detected = now.addingTimeInterval(-3 * 3600)
        return IncidentReport(
            reporter: Reporter(organizationID: port.id.uuidString.lowercased(), organizationName: port.nameJa, sectors: ["port"],
                               designations: ["jp-critical-infrastructure-operator"], ownDomains: ["chubu-port-terminal.example.jp"]),
            contacts: [IncidentContact(name: "港湾システム部 CSIRT", role: "CSIRT lead", email: "csirt@chubu-port-terminal.example.jp", phone: "+81-52-000-0000", available24x7: true)],
            times: try IncidentTimes(occurred: detected.addingTimeInterval(-1800), detected: detected, becameAware: detected.addingTimeInterval(1800), timeZone: "Asia/Tokyo"),
            category: .ransomware,
            attackTechniques: [try AttackTechniqueID("T1486"), try AttackTechniqueID("T1190")],
            narrative: IncidentNarrative(
                ja: "早朝、コンテナターミナル統一システムのサーバ群が暗号化され、プリンタから脅迫文が出力された。全ターミナルでコンテナの搬出入を停止している。リモート保守用VPN機器の脆弱性が侵入経路と推定される。",
                en: "Early this morning the servers of the unified container terminal system were encrypted and a ransom note was printed on the terminal printers. Container handling is stopped at every terminal. The entry point is believed to be a vulnerable VPN appliance used for remote maintenance."),
            serviceImpact: [ServiceImpact(service: "コンテナ搬出入 / container gate-in and gate-out", state: .down, area: "名古屋港 全ターミナル", durationMinutes: 180)],
            affectedSystems: [AffectedSystem(name: "コンテナターミナル統一システム", kind: "it-terminal-operating-system")],
            entryVector: .vulnerabilityExploitation,
            indicators: [try IncidentIndicator(type: .ipv4, value: "203.0.113.45"), try IncidentIndicator(type: .sha256, value: String(repeating: "5e", count: 32))],
            ransom: RansomDetails(demanded: true, paid: false),
            actionsTaken: ["ネットワークから被害サーバを隔離", "バックアップからの復旧に着手", "愛知県警察に通報"],
            status: .ongoing,
            alreadyNotified: ["police"],
            sharing: SharingWishes(tlp: .amber, shareWithISAC: true, anonymise: true)
        )
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage

/// A port operator that reports, the ministry and the national office that receive, and helpers to build plans.
struct ReportStorageFixture: Sendable {
    let port = Organisation(nameJa: "中部港湾ターミナル", nameEn: "Chubu Port Terminal Operations", kind: .operator, sectors: [.ports])
    let ministry = Organisation(nameJa: "国土交通省", nameEn: "MLIT", kind: .regulator, sectors: [.ports])
    let office = Organisation(nameJa: "国家サイバー統括室", nameEn: "National Cybersecurity Office", kind: .nationalCenter)
    let start = Date(timeIntervalSince1970: 1_688_000_000)

    func install(on database: HubDatabase) async throws {
        let organisations = OrganisationRepository(database: database)
        for organisation in [port, ministry, office] { try await organisations.create(organisation) }
    }

    func audit(_ action: String) -> AuditRecord {
        AuditRecord(actorUser: "port-reporter", actorOrganisation: port.id.uuidString.lowercased(), action: action, clientAddress: "127.0.0.1")
    }

    /// Creates an incident with a draft and returns it.
    func createIncident(_ repository: IncidentRepository) async throws -> IncidentRecord {
        let incident = IncidentRecord(reporterOrganisation: port.id, category: "ransomware", createdBy: "port-reporter", createdAt: start, updatedAt: start)
        try await repository.create(incident, draft: DraftRecord(incidentID: incident.id, json: #"{"category":"ransomware"}"#, savedBy: "port-reporter", savedAt: start), audit: audit("incident.create"))
        return incident
    }

    /// A plan for the next submission, delivered to the ministry and the office.
    func plan(_ incident: IncidentRecord, after version: Int, kind: SubmissionKind, at time: Date) -> SubmissionPlan {
        let submission = SubmissionRecord(incidentID: incident.id, version: version + 1, kind: kind, json: #"{"category":"ransomware","v":\#(version + 1)}"#,
                                          unassignedAuthorities: ["jp-prime-minister"], submittedBy: "port-reporter", submittedAt: time)
        let deliveries = [(ministry.id, ["jp-mlit"]), (office.id, ["jp-nisc"])].map { organisation, authorities in
            DeliveryRecord(incidentID: incident.id, version: version + 1, recipientOrganisation: organisation, authorities: authorities, regimes: ["jp-ci-action-plan"], deliveredAt: time)
        }
        let notifications = [ministry.id, office.id].map {
            PlannedNotification(organisation: $0, event: "incident.delivered", payload: #"{"event":"incident.delivered"}"#, emailSubject: "報告 / report", emailBody: "body")
        }
        return SubmissionPlan(expectedVersion: version, submission: submission, status: kind == .final ? .closed : .reported, category: "ransomware", deliveries: deliveries, notifications: notifications)
    }
}

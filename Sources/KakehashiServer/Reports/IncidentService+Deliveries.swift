import Foundation
import KakehashiCore
import KakehashiStorage

extension IncidentService {
    /// The recipient confirms receipt of a delivery. Anyone but the recipient organisation is refused (403,
    /// audited); an unknown receipt, or one of another incident, is a 404 (audited).
    func acknowledge(incidentID: UUID, receipt: UUID, by principal: Principal, context: HubRequestContext) async throws -> DeliveryRecord {
        let receiptText = receipt.uuidString.lowercased()
        guard let delivery = try await reporting.incidents.delivery(id: receipt), delivery.incidentID == incidentID else {
            try await hub.audit.append(.by(context, action: "delivery.acknowledge.denied", objectType: "delivery", objectID: receiptText, details: ["reason": "not-found"]))
            throw APIError(.notFound, code: "not-found", "incident \(incidentID.uuidString.lowercased()) has no delivery with the receipt id \(receiptText)")
        }
        guard delivery.recipientOrganisation == principal.organisation.id, principal.allows(.report) else {
            try await hub.audit.append(.by(context, action: "delivery.acknowledge.denied", objectType: "delivery", objectID: receiptText, details: ["reason": "not-recipient"]))
            throw APIError(.forbidden, code: "not-recipient", "only the organisation the report was delivered to may acknowledge it")
        }
        return try await reporting.incidents.acknowledge(id: receipt, by: principal.user.username, at: Date(), audit: .by(
            context, action: "delivery.acknowledge", objectType: "delivery", objectID: receiptText,
            details: ["incident": incidentID.uuidString.lowercased(), "version": String(delivery.version)]))
    }

    /// Where each stage of each applicable regime stands now. Before the first submission the draft's facts
    /// start the clocks, so a reporter sees what is due while still writing.
    func deadlines(of access: IncidentAccess, draft: IncidentReport?, now: Date = Date()) async throws -> [StageDeadline] {
        var incident = try access.domainIncident()
        if incident.submissions.isEmpty, let draft { incident = incident.appending(draft, kind: .draft, at: now) }
        return DeadlineCalculator.deadlines(for: incident, regimes: try await reporting.regimes.active().catalogue, now: now)
    }
}

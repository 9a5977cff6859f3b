import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

extension IncidentController {
    /// `POST /api/v1/incidents/:id/deliveries/:receipt/acknowledge`: the recipient confirms receipt.
    /// Only the recipient organisation may; anyone else gets a 403, audited.
    @Sendable func acknowledge(_ request: Request, context: HubRequestContext) async throws -> DeliveryView {
        let principal = try context.require(.report)
        let incidentID = try Self.incidentID(context)
        guard let receipt = context.parameters.get("receipt", as: UUID.self) else {
            throw APIError(.badRequest, code: "invalid-id", "the receipt id must be a UUID", field: "receipt")
        }
        let acknowledged = try await service.acknowledge(incidentID: incidentID, receipt: receipt, by: principal, context: context)
        return DeliveryView(acknowledged)
    }

    /// `GET /api/v1/incidents/:id/export.json`: the whole history (every version and delivery), for the reporter.
    @Sendable func exportJSON(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.read)
        let access = try await IncidentAccess.load(try Self.incidentID(context), for: principal, reporting: reporting, context: context, action: "incident.export.json")
        guard access.relation == .reporter else {
            try await hub.audit.append(.by(context, action: "incident.export.json.denied", objectType: "incident", objectID: access.record.id.uuidString.lowercased(), details: ["reason": "recipient"]))
            throw APIError(.forbidden, code: "not-reporter", "the full export is for the reporting organisation; read what was delivered to you with GET /api/v1/incidents/{id}")
        }
        let data = try ReportCoding.makeEncoder().encode(try access.domainIncident())
        try await hub.audit.append(.by(context, action: "incident.export.json", objectType: "incident", objectID: access.record.id.uuidString.lowercased()))
        return Self.download(data, type: "application/json", name: "incident-\(access.record.id.uuidString.lowercased()).json")
    }

    /// `GET /api/v1/incidents/:id/export.stix[?audience=isac|national-center]`: the shareable STIX 2.1
    /// bundle, when the reporter consented; otherwise 409 saying why.
    @Sendable func exportSTIX(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.read)
        let access = try await IncidentAccess.load(try Self.incidentID(context), for: principal, reporting: reporting, context: context, action: "incident.export.stix")
        let audienceText = request.uri.queryParameters["audience"].map(String.init) ?? SharingAudience.isac.rawValue
        guard let audience = SharingAudience(rawValue: audienceText) else {
            throw APIError(.badRequest, code: "invalid-field", "audience must be isac or national-center", field: "audience")
        }
        let objectID = access.record.id.uuidString.lowercased()
        let incident = try access.domainIncident()
        let view: ShareableReport
        do {
            view = try ShareableReport.make(from: incident, for: audience)
        } catch {
            try await hub.audit.append(.by(context, action: "incident.export.stix.refused", objectType: "incident", objectID: objectID, details: ["audience": audience.rawValue, "reason": error.description]))
            throw APIError(.conflict, code: "not-shareable", error.description)
        }
        try await hub.audit.append(.by(context, action: "incident.export.stix", objectType: "incident", objectID: objectID, details: ["audience": audience.rawValue, "tlp": view.label.rawValue]))
        return Self.download(view.stixBundle().serializedData(), type: "application/stix+json;version=2.1", name: "incident-\(objectID).stix.json")
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

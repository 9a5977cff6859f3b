import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/incidents`: report once, and the hub routes the report to every authority the regimes name.
///
/// Reporting organisations create a draft, edit it, and submit it (initial, update, final); recipient
/// organisations read what was delivered to them and acknowledge it. Every read and write is audited.
struct IncidentController {
    let reporting: Reporting

    var hub: Hub { reporting.hub }
    var service: IncidentService { IncidentService(reporting: reporting) }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.get("inbox", use: inbox)
        routes.get(":id", use: read)
        routes.put(":id/draft", use: saveDraft)
        routes.post(":id/submissions", use: submit)
        routes.get(":id/deadlines", use: deadlines)
        routes.post(":id/deliveries/:receipt/acknowledge", use: acknowledge)
        routes.get(":id/export.json", use: exportJSON)
        routes.get(":id/export.stix", use: exportSTIX)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [IncidentSummaryView] {
        let principal = try context.require(.read)
        return try await service.list(for: principal, context: context).map(IncidentSummaryView.init)
    }

    @Sendable func inbox(_ request: Request, context: HubRequestContext) async throws -> [DeliveryView] {
        let principal = try context.require(.read)
        return try await service.inbox(for: principal, context: context).map(DeliveryView.init)
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<IncidentView> {
        let principal = try context.require(.report)
        let report = try await Self.decode(ReportRequest.self, request, by: principal.organisation, context: context).report
        let (record, draft) = try await service.create(report, by: principal, context: context)
        let access = IncidentAccess(record: record, relation: .reporter, submissions: [], deliveries: [], allSubmissions: [], allDeliveries: [])
        return EditedResponse(status: .created, response: try access.view(draft: draft))
    }

    @Sendable func read(_ request: Request, context: HubRequestContext) async throws -> IncidentView {
        let principal = try context.require(.read)
        let access = try await IncidentAccess.load(try Self.incidentID(context), for: principal, reporting: reporting, context: context, action: "incident.read")
        let draft = access.relation == .reporter ? try await reporting.incidents.draft(incidentID: access.record.id) : nil
        try await hub.audit.append(.by(context, action: "incident.read", objectType: "incident", objectID: access.record.id.uuidString.lowercased(), details: ["relation": access.relation.rawValue]))
        return try access.view(draft: draft)
    }

    @Sendable func saveDraft(_ request: Request, context: HubRequestContext) async throws -> DraftView {
        let principal = try context.require(.report)
        let access = try await service.reporterAccess(try Self.incidentID(context), for: principal, context: context, action: "incident.draft", purpose: "edit the draft")
        let report = try await Self.decode(ReportRequest.self, request, by: principal.organisation, context: context).report
        let draft = try await service.saveDraft(report, access: access, by: principal, context: context)
        return DraftView(savedAt: draft.savedAt, savedBy: draft.savedBy, report: try ReportInput.decode(draft.json))
    }

    @Sendable func deadlines(_ request: Request, context: HubRequestContext) async throws -> [DeadlineSummary] {
        let principal = try context.require(.read)
        let access = try await IncidentAccess.load(try Self.incidentID(context), for: principal, reporting: reporting, context: context, action: "incident.deadlines")
        let incident = try access.domainIncident()
        let zone = request.uri.queryParameters["tz"].map(String.init) ?? incident.latestReport?.times.timeZone ?? principal.user.timeZone
        guard TimeZone(identifier: zone) != nil else {
            throw APIError(.badRequest, code: "invalid-field", "'\(zone)' is not an IANA time zone id such as Asia/Tokyo", field: "tz")
        }
        let regimes = try await reporting.regimes.active().catalogue
        try await hub.audit.append(.by(context, action: "incident.deadlines", objectType: "incident", objectID: access.record.id.uuidString.lowercased()))
        return DeadlineCalculator.deadlines(for: incident, regimes: regimes, now: Date()).map { $0.summary(timeZone: zone) }
    }

    static func incidentID(_ context: HubRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw APIError(.badRequest, code: "invalid-id", "the incident id must be a UUID", field: "id")
        }
        return id
    }
}

extension DeadlineSummary: ResponseEncodable {}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

extension IncidentController {
    /// `POST /api/v1/incidents/:id/submissions` with `{"kind": "initial"|"update"|"final", "report"?: {...}, "baseVersion"?: n}`.
    ///
    /// Without `report`, the saved draft is submitted. A refused submission answers 422 naming every
    /// missing field in Japanese and English, and keeps the report as the draft.
    @Sendable func submit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let principal = try context.require(.report)
        let access = try await service.reporterAccess(try Self.incidentID(context), for: principal, context: context, action: "incident.submit", purpose: "submit reports for this incident")
        let record = access.record
        let body = try await Self.decode(SubmitRequest.self, request, by: principal.organisation, context: context)
        let kind = body.kind
        if let base = body.baseVersion, base != record.latestVersion {
            throw APIError(.conflict, code: "version-conflict", "the incident is at version \(record.latestVersion), not \(base); reload it and submit again", field: "baseVersion")
        }
        try IncidentService.checkOrder(kind, record: record)
        let report: IncidentReport
        if let given = body.report {
            report = given
        } else if let draft = try await reporting.incidents.draft(incidentID: record.id) {
            report = try ReportInput.decode(draft.json)
        } else if let current = try await reporting.incidents.find(id: record.id), current.latestVersion != record.latestVersion {
            // Another submission took the draft meanwhile: a race, not a bad request.
            throw APIError(.conflict, code: "version-conflict", "the incident moved to version \(current.latestVersion) while this submission was made; reload it and submit again", field: "baseVersion")
        } else {
            throw APIError(.badRequest, code: "nothing-to-submit", "give a report, or save a draft first", field: "report")
        }

        let outcome: IncidentService.Accepted
        switch try await service.submit(report, kind: kind, access: access, by: principal, context: context) {
        case .accepted(let accepted): outcome = accepted
        case .refused(let refusal): return try Self.refusal(refusal)
        }
        let result = SubmissionResultView(
            incidentID: record.id, version: outcome.version, kind: kind, submittedAt: outcome.submittedAt, deliveries: outcome.deliveries.map(DeliveryView.init),
            unassignedAuthorities: outcome.unassigned, deadlines: outcome.deadlines, sharedTo: outcome.shared, sharingProblem: outcome.sharingProblem
        )
        return try EditedResponse(status: .created, response: result).response(from: request, context: context)
    }

    static func refusal(_ refusal: SubmissionRefusal) throws -> Response {
        let data = try HubJSON.encoder.encode(RefusalBody(refusal))
        return Response(status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

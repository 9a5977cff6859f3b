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
        guard let body = try await Self.jsonBody(request, context: context) as? [String: Any] else {
            throw APIError(.badRequest, code: "invalid-body", "the body must be a JSON object with kind, and optionally report and baseVersion")
        }
        let kind = try Self.submissionKind(body["kind"])
        if let base = body["baseVersion"] {
            guard let base = base as? Int else { throw APIError(.badRequest, code: "invalid-field", "baseVersion must be an integer", field: "baseVersion") }
            guard base == record.latestVersion else {
                throw APIError(.conflict, code: "version-conflict", "the incident is at version \(record.latestVersion), not \(base); reload it and submit again", field: "baseVersion")
            }
        }
        try IncidentService.checkOrder(kind, record: record)
        let report: IncidentReport
        if let given = body["report"] {
            report = try ReportInput.report(from: given, by: principal.organisation)
        } else if let draft = try await reporting.incidents.draft(incidentID: record.id) {
            report = try ReportInput.decode(draft.json)
        } else if let current = try await reporting.incidents.find(id: record.id), current.latestVersion != record.latestVersion {
            // Another submission took the draft meanwhile: a race, not a bad request.
            throw APIError(.conflict, code: "version-conflict", "the incident moved to version \(current.latestVersion) while this submission was made; reload it and submit again", field: "baseVersion")
        } else {
            throw APIError(.badRequest, code: "nothing-to-submit", "give a report, or save a draft first", field: "report")
        }

        let outcome: ReportSubmitter.Outcome
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

    static func submissionKind(_ value: Any?) throws -> SubmissionKind {
        guard let text = value as? String, let kind = SubmissionKind(rawValue: text), kind != .draft else {
            throw APIError(.badRequest, code: "invalid-field", "kind must be initial, update or final (save drafts with PUT …/draft)", field: "kind")
        }
        return kind
    }

    static func refusal(_ refusal: SubmissionRefusal) throws -> Response {
        let data = try JSONEncoder.hub().encode(RefusalBody(refusal))
        return Response(status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation
import Hummingbird
import KakehashiCore

extension IncidentController {
    /// The body of `POST /api/v1/incidents` and `PUT /api/v1/incidents/:id/draft`: an ``IncidentReport``
    /// whose `reporter` may be left out (the hub attributes it to the member's organisation).
    struct ReportRequest: Decodable {
        let report: IncidentReport

        init(from decoder: any Decoder) throws {
            do {
                report = try IncidentReport(from: decoder)
            } catch DecodingError.typeMismatch(_, let context) where context.codingPath.count == decoder.codingPath.count {
                throw APIError(.badRequest, code: "invalid-body", "the report must be a JSON object", field: "report")
            }
        }
    }

    /// The body of `POST /api/v1/incidents/:id/submissions`: `{"kind": "initial"|"update"|"final", "report"?: {...}, "baseVersion"?: n}`.
    struct SubmitRequest: Decodable {
        let kind: SubmissionKind
        /// The report to submit; without it the saved draft is submitted.
        let report: IncidentReport?
        /// The version the client last saw; a different current version is a 409.
        let baseVersion: Int?

        enum CodingKeys: String, CodingKey { case kind, report, baseVersion }

        init(from decoder: any Decoder) throws {
            let c: KeyedDecodingContainer<CodingKeys>
            do {
                c = try decoder.container(keyedBy: CodingKeys.self)
            } catch is DecodingError {
                throw APIError(.badRequest, code: "invalid-body", "the body must be a JSON object with kind, and optionally report and baseVersion")
            }
            guard let text = try? c.decodeIfPresent(String.self, forKey: .kind), let kind = SubmissionKind(rawValue: text), kind != .draft else {
                throw APIError(.badRequest, code: "invalid-field", "kind must be initial, update or final (save drafts with PUT …/draft)", field: "kind")
            }
            self.kind = kind
            if c.contains(.baseVersion) {
                guard let base = try? c.decode(Int.self, forKey: .baseVersion) else {
                    throw APIError(.badRequest, code: "invalid-field", "baseVersion must be an integer", field: "baseVersion")
                }
                baseVersion = base
            } else {
                baseVersion = nil
            }
            if c.contains(.report) {
                guard try !c.decodeNil(forKey: .report) else {
                    throw APIError(.badRequest, code: "invalid-body", "the report must be a JSON object", field: "report")
                }
                report = try c.decode(ReportRequest.self, forKey: .report).report
            } else {
                report = nil
            }
        }
    }

    /// Decodes the body as `type`, a report request by `organisation`: reports are read with the hub's report
    /// instants (fractional seconds allowed) and attributed to the organisation, whatever `reporter` says.
    /// - Throws: ``APIError`` 400 `invalid-body` (not JSON, not an object) or `invalid-report` naming the path at fault.
    static func decode<Body: Decodable>(_ type: Body.Type, _ request: Request, by organisation: Organisation, context: HubRequestContext) async throws -> Body {
        let reporter = Reporter(organizationID: organisation.id.uuidString.lowercased(), organizationName: organisation.nameJa,
                                sectors: organisation.sectors.map(\.regimeSectorName))
        let decoder = HubRequestDecoder(decoder: ReportCoding.makeDecoder(attributedTo: reporter), code: "invalid-report")
        return try await decoder.decode(type, from: request, context: context)
    }
}

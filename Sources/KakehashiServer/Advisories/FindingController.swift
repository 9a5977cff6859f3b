import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/findings`: vulnerabilities matched to an operator's equipment, ranked known-exploited
/// first; the operator can mark one not applicable with a reason (kept and audited) and reopen it.
struct FindingController {
    let hub: Hub

    struct FindingView: Encodable {
        let finding: AdvisoryFinding
        let firstSeen: Date
        let notApplicable: FindingDisposition?

        init(_ stored: FindingRepository.Stored) {
            finding = stored.finding
            firstSeen = stored.firstSeen
            notApplicable = stored.disposition
        }
    }

    struct ListView: Encodable, ResponseEncodable {
        let organisationID: UUID
        let findings: [FindingView]
    }

    struct DecisionRequest: Decodable {
        let item: String
        let vulnerability: String
        let reason: String?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post("not-applicable", use: markNotApplicable)
        routes.post("reopen", use: reopen)
        return routes
    }

    /// `GET /api/v1/findings[?organisation=ID]`.
    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> ListView {
        let principal = try context.require(.read)
        let reference = request.uri.queryParameters["organisation"].map(String.init)
        let access = try await RegistryAccess.resolve(reference, for: principal, organisations: hub.organisations)
        let findings = try await hub.advisories.findings.list(organisation: access.organisation.id)
        try await hub.audit.append(.by(context, action: "finding.list", objectType: "equipment-registry", objectID: access.organisation.id.uuidString.lowercased(),
                                       details: ["relation": access.relation.rawValue, "count": String(findings.count)]))
        return ListView(organisationID: access.organisation.id, findings: findings.map(FindingView.init))
    }

    /// `POST /api/v1/findings/not-applicable` with `{"item", "vulnerability", "reason"}`.
    @Sendable func markNotApplicable(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.require(.write)
        let body = try await request.decode(as: DecisionRequest.self, context: context)
        try await Self.markNotApplicable(hub: hub, principal: principal, item: body.item, vulnerability: body.vulnerability, reason: body.reason ?? "", context: context)
        return .noContent
    }

    /// `POST /api/v1/findings/reopen` with `{"item", "vulnerability"}`.
    @Sendable func reopen(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.require(.write)
        let body = try await request.decode(as: DecisionRequest.self, context: context)
        let key = FindingKey(itemID: body.item, vulnerabilityID: body.vulnerability)
        try await hub.advisories.findings.reopen(organisation: principal.organisation.id, key: key, audit: .by(
            context, action: "finding.reopen", objectType: "finding", objectID: "\(key.itemID)/\(key.vulnerabilityID)"))
        return .noContent
    }

    /// The one path (API and pages) by which a finding is marked not applicable.
    static func markNotApplicable(hub: Hub, principal: Principal, item: String, vulnerability: String, reason: String, context: HubRequestContext) async throws {
        let reason = try FindingDisposition.validate(reason: reason)
        let key = FindingKey(itemID: item, vulnerabilityID: vulnerability)
        let disposition = FindingDisposition(key: key, reason: reason, decidedBy: principal.user.username, decidedAt: Date())
        try await hub.advisories.findings.markNotApplicable(organisation: principal.organisation.id, disposition, audit: .by(
            context, action: "finding.not-applicable", objectType: "finding", objectID: "\(key.itemID)/\(key.vulnerabilityID)", details: ["reason": reason]))
    }
}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The advisories page: vulnerabilities matched to the viewer's equipment (or, for a regulator, an
/// operator's), known-exploited first, with what is affected and where, severity with its vectors,
/// the required action; the operator marks a finding not applicable with a reason, or reopens it.
struct FindingPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("advisories", use: show)
        routes.post("advisories/not-applicable", use: markNotApplicable)
        routes.post("advisories/reopen", use: reopen)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try await findingsPage(request, page: page, context: context, reasonError: nil, status: .ok)
        }
    }

    @Sendable func markNotApplicable(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.write) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            let item = form["item"] ?? "", vulnerability = form["vulnerability"] ?? ""
            do {
                try await FindingController.markNotApplicable(hub: hub, principal: page.principal, item: item, vulnerability: vulnerability, reason: form["reason"] ?? "", context: context)
            } catch is MemberValidationError {
                let error = FindingsPage.ReasonError(key: "\(item)/\(vulnerability)", message: page.text["reason_required"] ?? "")
                return try await findingsPage(request, page: page, context: context, reasonError: error, status: .unprocessableContent)
            } catch let error as StorageError where error.code == .notFound {
                throw PageNotFound()
            }
            return .redirect(to: "/advisories", type: .normal)
        }
    }

    @Sendable func reopen(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.write) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            let key = FindingKey(itemID: form["item"] ?? "", vulnerabilityID: form["vulnerability"] ?? "")
            do {
                try await hub.advisories.findings.reopen(organisation: page.principal.organisation.id, key: key, audit: .by(
                    context, action: "web.finding.reopen", objectType: "finding", objectID: "\(key.itemID)/\(key.vulnerabilityID)"))
            } catch let error as StorageError where error.code == .notFound {
                throw PageNotFound()
            }
            return .redirect(to: "/advisories", type: .normal)
        }
    }

    private func findingsPage(_ request: Request, page: PageSession, context: HubRequestContext, reasonError: FindingsPage.ReasonError?, status: HTTPResponse.Status) async throws -> Response {
        let model = try await model(request, page: page, context: context, reasonError: reasonError)
        return renderer.page("advisories", language: page.language, title: page.text["advisories"] ?? "", model: model, status: status)
    }

    /// The advisories page's model for the registry the request names (the read is audited), with the
    /// not-applicable form's `reasonError` beside its finding.
    func model(_ request: Request, page: PageSession, context: HubRequestContext, reasonError: FindingsPage.ReasonError?) async throws -> FindingsPage.Model {
        let access = try await RegistryPage.access(request, page: page, hub: hub, context: context, action: "web.finding.read")
        let stored = try await hub.advisories.findings.list(organisation: access.organisation.id)
        let views = stored.map { entry in
            let finding = entry.finding
            let key = "\(finding.itemID)/\(finding.vulnerabilityID)"
            // KEV's required action is shown on its own line, not again among the remediations.
            let actions = finding.actions.filter { $0.category != "required_action" || finding.requiredAction == nil }
            var view = FindingsPage.Model.Finding(
                item: finding.itemID, itemName: finding.itemName, itemProduct: finding.itemProduct, site: finding.site, function: finding.function,
                vulnerability: finding.vulnerabilityID, title: finding.title, advisory: finding.advisoryID,
                statusLabel: (finding.status == .affected ? page.text["affected"] : page.text["may_affect"]) ?? "",
                affected: finding.status == .affected, critical: finding.critical,
                severity: finding.severityScore > 0 ? finding.severity.rawValue : page.text["unscored"] ?? "", severityClass: finding.severity.rawValue.lowercased(),
                score: finding.severityScore > 0 ? String(format: "%.1f", finding.severityScore) : "",
                vectors: finding.scores.map { .init(version: $0.version, vector: $0.vector, score: String(format: "%.1f", $0.baseScore)) },
                knownExploited: finding.knownExploited, ransomware: finding.ransomware,
                requiredAction: finding.requiredAction ?? "", dueDate: finding.dueDate ?? "",
                hasActions: !actions.isEmpty,
                actions: actions.map { .init(category: page.text["remedy_" + $0.category] ?? $0.category, details: $0.details, url: $0.url ?? "") },
                firstSeen: page.time(entry.firstSeen),
                evidence: finding.evidence)
            if let decision = entry.disposition {
                view.decision = .init(reason: decision.reason, by: decision.decidedBy, at: page.time(decision.decidedAt))
            }
            if let reasonError, reasonError.key == key { view.reasonError = reasonError.message }
            return view
        }
        let open = views.filter { $0.decision == nil }
        return FindingsPage.Model(
            frame: page.frame,
            organisation: page.name(of: access.organisation),
            owner: access.relation == .owner && page.principal.allows(.write),
            open: open,
            closed: views.filter { $0.decision != nil },
            hasClosed: views.contains { $0.decision != nil },
            openCount: open.count,
            exploitedCount: open.filter(\.knownExploited).count,
            documents: try await hub.advisories.documents.list(limit: 10).map {
                .init(id: $0.advisoryID, title: $0.title, format: $0.format.rawValue.uppercased(), count: $0.vulnerabilities, at: page.time($0.importedAt))
            })
    }
}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/audit`: the audit log for overseers (the national office and regulators), with chain verification.
struct AuditPageController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("audit", use: show)
        routes.post("audit/verify", use: verify)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try await render(request, context: context, page: page, verdict: nil)
        }
    }

    @Sendable func verify(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.isAuditOverseer else { throw PageNotFound() }
            let verdict: String
            do {
                let count = try await hub.audit.verify()
                verdict = (page.text["chain_intact"] ?? "") + String(count)
            } catch let broken as AuditChainVerifier.Break {
                verdict = (page.text["chain_broken"] ?? "") + broken.description
            }
            try await hub.audit.append(.by(context, action: "audit.verify", details: ["verdict": verdict]))
            return try await render(request, context: context, page: page, verdict: verdict)
        }
    }

    private func render(_ request: Request, context: HubRequestContext, page: PageSession, verdict: String?) async throws -> Response {
        guard page.principal.isAuditOverseer else { throw PageNotFound() }
        let action = request.uri.queryParameters["action"].map(String.init) ?? ""
        return renderer.page("audit", language: page.language, title: page.text["audit_log"] ?? "",
                             model: try await model(page: page, context: context, action: action, verdict: verdict))
    }

    /// The audit page's model: the latest 200 entries whose action starts with `action` ("" for all; the view is
    /// audited), and the chain check's `verdict` after one.
    func model(page: PageSession, context: HubRequestContext, action: String, verdict: String?) async throws -> AuditPage.Model {
        let entries = try await hub.audit.recent(limit: 200, actionPrefix: action.isEmpty ? nil : action)
        try await hub.audit.append(.by(context, action: "audit.view", details: ["filter": action]))
        let zone = TimeZone(identifier: page.principal.user.timeZone) ?? .gmt
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return AuditPage.Model(frame: page.frame, action: action, verdict: verdict, entries: entries.map { entry in
            .init(sequence: entry.sequence, time: formatter.string(from: Date(micros: entry.timeMicros)), user: entry.actorUser ?? "-",
                  action: entry.action, object: [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "), address: entry.clientAddress ?? "-")
        })
    }
}

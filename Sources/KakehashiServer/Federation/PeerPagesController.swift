import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/admin/peers`: the federation peers and where each exchange stands, for hub administrators; declare a peer
/// (its credential named as a file or an environment variable, never typed in), pause, resume or remove one.
/// Goes through ``PeerService``, as `/api/v1/peers` and `kakehashi peer` do.
struct PeerPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var service: PeerService { PeerService(hub: hub) }

    /// What the form starts with.
    static let blankForm = FormFields(pairs: [("kind", "kakehashi"), ("direction", "both"), ("tlp_cap", "green"), ("unmarked_default", "amber"), ("interval", "60")])

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("admin/peers", use: show)
        routes.post("admin/peers", use: create)
        routes.post("admin/peers/:id/pause", use: pause)
        routes.post("admin/peers/:id/resume", use: resume)
        routes.post("admin/peers/:id/remove", use: remove)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try Self.requireHubAdministrator(page)
            let done = request.uri.queryParameters["done"].map(String.init)
            let notice = done.flatMap { ["added", "paused", "resumed", "removed"].contains($0) ? page.text["peer_done_\($0)"] : nil }
            return try await peersPage(page: page, context: context, form: Self.blankForm, errors: [:], notice: notice)
        }
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try Self.requireHubAdministrator(page)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
            var errors: [String: String] = [:]
            let interval = Int(form["interval"] ?? "")
            if interval == nil { errors["interval"] = "invalid_number" }
            let file = (form["credential_file"] ?? "").trimmingCharacters(in: .whitespaces)
            let variable = (form["credential_env"] ?? "").trimmingCharacters(in: .whitespaces)
            if !file.isEmpty, !variable.isEmpty { errors["credential_env"] = "peer_error_credential_both" }
            if errors.isEmpty {
                let declaration = PeerService.Declaration(
                    name: form["name"] ?? "", kind: form["kind"] ?? "", apiRoot: form["api_root"] ?? "", collection: form["collection"] ?? "",
                    localCollection: form["local_collection"] ?? "", organisation: form["organisation"] ?? "", direction: form["direction"] ?? "",
                    tlpCap: form["tlp_cap"], sameCommunity: form["same_community"] != nil, unmarkedDefault: form["unmarked_default"],
                    intervalSeconds: interval, credential: !file.isEmpty ? "file:" + file : !variable.isEmpty ? "env:" + variable : "none")
                do {
                    _ = try await service.declare(declaration, by: .request(context))
                    return .redirect(to: "/admin/peers?done=added", type: .normal)
                } catch let error as PeerDeclarationError {
                    errors[Self.formField(error.field, credentialFile: !file.isEmpty)] = "peer_error_\(error.field)"
                } catch let error as StorageError where error.code == .conflict {
                    errors["name"] = "peer_error_name_taken"
                }
            }
            return try await peersPage(page: page, context: context, form: form, errors: errors, notice: nil, status: .unprocessableContent)
        }
    }

    @Sendable func pause(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await change(request, context: context, done: "paused") { try await service.setPaused($0, true, by: .request(context)) }
    }

    @Sendable func resume(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await change(request, context: context, done: "resumed") { try await service.setPaused($0, false, by: .request(context)) }
    }

    @Sendable func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await change(request, context: context, done: "removed") { try await service.remove($0, by: .request(context)) }
    }

    /// Runs one button's change on the peer the path names, then shows the page again with a notice.
    private func change(_ request: Request, context: HubRequestContext, done: String, _ body: @escaping (UUID) async throws -> Void) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try Self.requireHubAdministrator(page)
            guard let id = context.parameters.get("id", as: UUID.self), try await hub.peers.find(id: id) != nil else { throw PageNotFound() }
            try await body(id)
            return .redirect(to: "/admin/peers?done=\(done)", type: .normal)
        }
    }

    static func requireHubAdministrator(_ page: PageSession) throws {
        guard page.principal.allows(.admin), page.principal.isHubAdministrator else { throw PageNotFound() }
    }

    /// The form field a declaration error's field was typed into.
    static func formField(_ field: String, credentialFile: Bool) -> String {
        switch field {
        case "credential": credentialFile ? "credential_file" : "credential_env"
        default: field
        }
    }

    func peersPage(page: PageSession, context: HubRequestContext, form: FormFields, errors: [String: String], notice: String?,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = try await model(page: page, context: context, form: form, errors: errors, notice: notice)
        return renderer.page("peers", language: page.language, title: page.text["peers"] ?? "", model: model, status: status)
    }

    /// The peers page's model: every peer with its state, newest refusals and refused deletions, and the form
    /// filled from `form` with `errors` (message keys). The read is audited.
    func model(page: PageSession, context: HubRequestContext, form: FormFields = blankForm, errors: [String: String] = [:], notice: String? = nil) async throws -> PeersPage.Model {
        let overviews = try await service.overview(details: true, limit: 10)
        try await hub.audit.append(.by(context, action: "web.peers.read", objectType: "peer", details: ["count": String(overviews.count)]))
        let organisations = try await hub.organisations.list()
        let names = Dictionary(organisations.map { ($0.id, page.name(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let collections = try await hub.collections.list()
        let titles = Dictionary(collections.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        func word(_ key: String) -> String { page.text[key] ?? key }
        func never(_ date: Date?) -> String { date.map(page.time) ?? word("peer_never") }
        let peers = overviews.map { entry in
            let peer = entry.peer
            let state = entry.state
            return PeersPage.Model.Entry(
                id: peer.id.uuidString.lowercased(), name: peer.name, kind: word("peer_kind_\(peer.kind.rawValue)"), apiRoot: peer.apiRoot,
                remoteCollection: peer.remoteCollection, localCollection: titles[peer.localCollection] ?? peer.localCollection.uuidString.lowercased(),
                organisation: names[peer.organisation] ?? "-", direction: word("peer_direction_\(peer.direction.rawValue)"),
                tlpCap: peer.tlpCap.displayName, tlpClass: peer.tlpCap.cssClass, sameCommunity: word(peer.sameCommunity ? "peer_yes" : "peer_no"),
                unmarkedDefault: peer.unmarkedDefault.displayName, interval: word("peer_interval_seconds").replacingOccurrences(of: "{seconds}", with: String(peer.intervalSeconds)),
                paused: peer.paused, status: word(peer.paused ? "peer_paused" : "peer_active"),
                credential: peer.credential == .none ? word("peer_credential_none") : peer.credential.reference,
                lagObjects: state.lagObjects, lagSeconds: String(format: "%.1f", state.lagSeconds),
                lastSuccess: never(state.lastSuccessAt), lastError: state.lastError.orFalse, lastErrorAt: state.lastErrorAt.map(page.time) ?? "",
                failures: state.consecutiveFailures, sent: state.sent, received: state.received, refused: state.refused,
                refusals: entry.refusals.map { refusal in
                    .init(time: page.time(refusal.at), direction: word("peer_refusal_\(refusal.direction.rawValue)"), objectID: refusal.objectID,
                          version: refusal.version ?? "—", code: refusal.code, reason: refusal.reason)
                },
                refusedDeletions: entry.refusedDeletions.map { .init(time: page.time($0.at), objectID: $0.objectID, reason: $0.reason ?? "—") })
        }
        let errorTexts = errors.mapValues { word($0) }
        let levels: [TLPLevel] = [.clear, .green, .amber]
        let fields = [
            FormField(name: "name", label: word("peer_name"), kind: .text, hint: word("peer_name_hint")),
            FormField(name: "kind", label: word("peer_kind"), kind: .select(Peer.Kind.allCases.map { .init(value: $0.rawValue, label: word("peer_kind_\($0.rawValue)")) })),
            FormField(name: "api_root", label: word("peer_api_root"), kind: .text, hint: word("peer_api_root_hint")),
            FormField(name: "collection", label: word("peer_remote_collection"), kind: .text),
            FormField(name: "local_collection", label: word("peer_local_collection"),
                      kind: .select(collections.map { .init(value: $0.id.uuidString.lowercased(), label: $0.title) })),
            FormField(name: "organisation", label: word("peer_organisation"),
                      kind: .select(organisations.map { .init(value: $0.id.uuidString.lowercased(), label: page.name(of: $0)) }), hint: word("peer_organisation_hint")),
            FormField(name: "direction", label: word("peer_direction"),
                      kind: .select(Peer.Direction.allCases.map { .init(value: $0.rawValue, label: word("peer_direction_\($0.rawValue)")) })),
            FormField(name: "tlp_cap", label: word("peer_tlp_cap"), kind: .select(levels.map { .init(value: $0.rawValue, label: $0.displayName) })),
            FormField(name: "same_community", label: word("peer_same_community"), kind: .checkbox),
            FormField(name: "unmarked_default", label: word("peer_unmarked_default"),
                      kind: .select(TLPLevel.allCases.map { .init(value: $0.rawValue, label: $0.displayName) }), hint: word("peer_unmarked_default_hint")),
            FormField(name: "interval", label: word("peer_interval"), kind: .number),
            FormField(name: "credential_file", label: word("peer_credential_file"), kind: .text, hint: word("peer_credential_file_hint")),
            FormField(name: "credential_env", label: word("peer_credential_env"), kind: .text, hint: word("peer_credential_env_hint")),
        ].map { $0.model(form, errors: errorTexts) }
        return PeersPage.Model(frame: page.frame, empty: peers.isEmpty, peers: peers, fields: fields, notice: notice.orFalse)
    }
}

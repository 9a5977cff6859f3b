import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The critical-equipment pages: an operator's registry with support-end flags and a CSV import;
/// for regulators, the operators of their sectors and a per-sector support-end summary.
struct EquipmentPagesController {
    let hub: Hub
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("equipment", use: show)
        routes.post("equipment", use: importCSV)
        return routes
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            try await registryPage(request, page: page, context: context, outcome: .init(), status: .ok)
        }
    }

    /// Replaces the operator's registry with pasted CSV; a bad file changes nothing and comes back with its error.
    @Sendable func importCSV(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.write) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: HubLimits.maxBodyBytes)))
            let csv = form["csv"] ?? ""
            let items: [Equipment]
            do {
                items = try EquipmentCSV.parse(csv)
            } catch {
                let message = (page.text["csv_rejected"] ?? "") + " " + String(describing: error)
                return try await registryPage(request, page: page, context: context, outcome: .init(csvError: message, csv: csv), status: .unprocessableContent)
            }
            let added = try await hub.advisories.replaceRegistry(
                organisation: page.principal.organisation.id, items: items,
                audit: .by(context, action: "web.equipment.replace", objectType: "equipment-registry",
                           objectID: page.principal.organisation.id.uuidString.lowercased(), details: ["items": String(items.count)]),
                logger: context.logger)
            let notice = String(format: page.text["registry_imported"] ?? "%d %d", items.count, added)
            return try await registryPage(request, page: page, context: context, outcome: .init(notice: notice), status: .ok)
        }
    }

    private func registryPage(_ request: Request, page: PageSession, context: HubRequestContext, outcome: EquipmentPage.Outcome, status: HTTPResponse.Status) async throws -> Response {
        let model = try await model(request, page: page, context: context, outcome: outcome)
        return renderer.page("equipment", language: page.language, title: page.text["equipment"] ?? "", model: model, status: status)
    }

    /// The registry page's model for the registry the request names (`?organisation=`, else the viewer's own;
    /// the read is audited), with what an import brought back in `outcome`.
    func model(_ request: Request, page: PageSession, context: HubRequestContext, outcome: EquipmentPage.Outcome, now: Date = Date()) async throws -> EquipmentPage.Model {
        let access = try await RegistryPage.access(request, page: page, hub: hub, context: context, action: "web.equipment.read")
        let items = try await hub.advisories.equipment.list(organisation: access.organisation.id)
        var ended = 0, soon = 0
        let rows = items.map { item in
            let flag = SupportFlag(item.supportStatus(now: now), text: page.text)
            if flag.cssClass == "ended" { ended += 1 }
            if flag.cssClass == "ending-soon" { soon += 1 }
            return EquipmentPage.Model.Item(
                id: item.id, name: item.name, product: [item.vendor, item.product, item.version ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                models: item.modelNumbers.joined(separator: ", "), cpe: item.cpe?.formatted ?? "", site: item.site, function: item.function,
                domain: item.domain.rawValue, designated: item.designatedCriticalEquipment, criticalComputer: item.criticalComputer,
                supportEnd: item.supportEnd?.description ?? "", flag: flag.label, flagClass: flag.cssClass)
        }
        var model = EquipmentPage.Model(
            frame: page.frame, csvError: outcome.csvError, csv: outcome.csv, notice: outcome.notice,
            organisation: page.name(of: access.organisation), organisationID: access.organisation.id.uuidString.lowercased(),
            owner: access.relation == .owner && page.principal.allows(.write),
            items: rows, count: items.count, ended: ended, endingSoon: soon)
        if access.relation == .owner {
            let regulated = try await RegistryAccess.regulated(by: page.principal, organisations: hub.organisations)
            model.hasRegulated = !regulated.isEmpty
            model.regulated = regulated.map { .init(id: $0.id.uuidString.lowercased(), name: page.name(of: $0)) }
            if !regulated.isEmpty {
                let summary = try await EquipmentController.supportEndSummary(for: page.principal, hub: hub, now: now)
                model.hasSectors = !summary.rows.isEmpty
                model.sectors = summary.rows.map { row in
                    .init(sector: page.language == "ja" ? row.sector.nameJa : row.sector.rawValue, organisations: row.organisations,
                          items: row.items, ended: row.ended, endingSoon: row.endingSoon, critical: row.critical)
                }
            }
        }
        return model
    }
}

/// A support status in the page's words, with the CSS class of its flag.
struct SupportFlag {
    let label: String
    let cssClass: String

    init(_ status: SupportStatus, text: [String: String]) {
        switch status {
        case .ended(let daysAgo):
            label = String(format: text["support_ended_days"] ?? "%d", daysAgo + 1)
            cssClass = "ended"
        case .endingSoon(let daysLeft):
            label = String(format: text["support_ending_days"] ?? "%d", daysLeft)
            cssClass = "ending-soon"
        case .supported:
            label = text["supported"] ?? ""
            cssClass = "supported"
        case .unknown:
            label = text["support_unknown"] ?? ""
            cssClass = "unknown"
        }
    }
}

/// What the registry and findings pages share: whose registry the page shows, and names.
enum RegistryPage {
    /// The registry named by `?organisation=` (or the viewer's own) if the viewer may see it; the
    /// read is audited, a refusal too, and shows as a missing page.
    static func access(_ request: Request, page: PageSession, hub: Hub, context: HubRequestContext, action: String) async throws -> RegistryAccess {
        let reference = request.uri.queryParameters["organisation"].map(String.init)
        let access: RegistryAccess
        do {
            access = try await RegistryAccess.resolve(reference, for: page.principal, organisations: hub.organisations)
        } catch {
            try await hub.audit.append(.by(context, action: action + ".denied", objectType: "equipment-registry", objectID: reference))
            throw PageNotFound()
        }
        try await hub.audit.append(.by(context, action: action, objectType: "equipment-registry", objectID: access.organisation.id.uuidString.lowercased(),
                                       details: ["relation": access.relation.rawValue]))
        return access
    }
}

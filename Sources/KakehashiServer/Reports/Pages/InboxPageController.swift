import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/inbox`: the reports delivered to a recipient organisation (a regulator or the national center), each
/// with the summary the API lets the recipient read, and an Acknowledge button. Goes through
/// ``IncidentService`` as `GET /api/v1/incidents/inbox` and the acknowledge endpoint do.
struct InboxPageController {
    let reporting: Reporting
    let renderer: PageRenderer

    var service: IncidentService { IncidentService(reporting: reporting) }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("inbox", use: list)
        routes.post("inbox/:id/deliveries/:receipt/acknowledge", use: acknowledge)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.receivesReports else { throw PageNotFound() }
            let model = try await model(page: page, context: context, acknowledged: request.uri.queryParameters["acknowledged"] != nil)
            return renderer.page("inbox", language: page.language, title: page.text["inbox"] ?? "", model: model)
        }
    }

    /// The inbox's model: every delivery to the viewer's organisation with what it may read of the report.
    func model(page: PageSession, context: HubRequestContext, acknowledged: Bool) async throws -> InboxPage.Model {
        var names: [UUID: Organisation] = [:]
        for organisation in try await reporting.hub.organisations.list() { names[organisation.id] = organisation }
        var rows: [InboxPage.Model.Row] = []
        for delivery in try await service.inbox(for: page.principal, context: context) {
            let overview = try await IncidentOverview.load(delivery.incidentID, page: page, service: service, context: context, action: "web.inbox")
            let submission = overview.access.submissions.first { $0.version == delivery.version }
            let submitted = try submission.map { try ReportInput.decode($0.json) }
            rows.append(InboxPage.Model.Row(
                delivery: DeliveryRow(delivery, recipient: names[delivery.recipientOrganisation], page: page, canAcknowledge: true),
                reporter: names[overview.access.record.reporterOrganisation].map(page.name(of:)) ?? "-",
                title: overview.title(language: page.language),
                kind: submission.map { $0.kind.label[page.language == "en" ? .en : .ja] } ?? "",
                category: submitted.map { page.text["category_\($0.category.rawValue)"] ?? $0.category.rawValue } ?? "",
                tlp: (submitted?.sharing.tlp.displayName).orFalse,
                tlpClass: submitted?.sharing.tlp.cssClass ?? ""))
        }
        return InboxPage.Model(frame: page.frame, deliveries: rows, acknowledged: acknowledged)
    }

    /// Acknowledges a delivery for the recipient; anyone else's attempt is refused (audited) with the 404 page.
    @Sendable func acknowledge(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard let incident = context.parameters.get("id", as: UUID.self), let receipt = context.parameters.get("receipt", as: UUID.self) else { throw PageNotFound() }
            _ = try await service.acknowledge(incidentID: incident, receipt: receipt, by: page.principal, context: context)
            return .redirect(to: "/inbox?acknowledged=\(receipt.uuidString.lowercased())", type: .normal)
        }
    }
}

extension Principal {
    /// Organisations that receive incident reports for an authority: regulators and the national center.
    var receivesReports: Bool {
        [.regulator, .nationalCenter].contains(organisation.kind)
    }
}

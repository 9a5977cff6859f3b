import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// The incident pages: the organisation's incidents, the unified report form in steps (each step saves the
/// draft), review and submission, and an incident's deadlines and deliveries. Every read and write goes
/// through ``IncidentService``, as the REST API's do.
struct IncidentPagesController {
    let reporting: Reporting
    let renderer: PageRenderer

    var service: IncidentService { IncidentService(reporting: reporting) }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("incidents", use: list)
        routes.get("incidents/new", use: newIncident)
        routes.post("incidents/new", use: createIncident)
        routes.get("incidents/:id", use: show)
        routes.get("incidents/:id/steps/:step", use: showStep)
        routes.post("incidents/:id/steps/:step", use: saveStep)
        routes.post("incidents/:id/submit", use: submit)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            renderer.page("incidents", language: page.language, title: page.text["incidents"] ?? "", model: try await listModel(page: page, context: context))
        }
    }

    /// The incident list's model: the organisation's incidents with their next deadlines.
    func listModel(page: PageSession, context: HubRequestContext) async throws -> IncidentListPage.Model {
        var rows: [IncidentListPage.Model.Row] = []
        for record in try await service.list(for: page.principal, context: context) {
            rows.append(try await IncidentOverview.load(record.id, page: page, service: service, context: context, action: "web.incident.list").listRow(page: page))
        }
        return IncidentListPage.Model(frame: page.frame, incidents: rows, canReport: page.principal.allows(.report))
    }

    @Sendable func newIncident(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.report) else { throw PageNotFound() }
            let form = ReportFormFields.encode(try Self.blankReport(for: page.principal))
            return stepPage(page: page, incidentID: nil, step: .reporter, form: form, errors: [:])
        }
    }

    /// Step 1 of a new incident: creates the incident with its first draft, then goes on to step 2.
    @Sendable func createIncident(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.report) else { throw PageNotFound() }
            let form = try await Self.formFields(request)
            var report = try Self.blankReport(for: page.principal)
            let errors = ReportFormReader.apply(form, step: .reporter, to: &report)
            guard errors.isEmpty else {
                return stepPage(page: page, incidentID: nil, step: .reporter, form: form, errors: errors, status: .unprocessableContent)
            }
            let (record, _) = try await service.create(report, by: page.principal, context: context)
            return .redirect(to: "/incidents/\(record.id.uuidString.lowercased())/steps/\(ReportStep.happened.slug)", type: .normal)
        }
    }

    @Sendable func showStep(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let (overview, step) = try await editable(context, page: page, action: "web.incident.step")
            guard let report = overview.report else { throw PageNotFound() }
            if step == .review { return try await reviewPage(page: page, overview: overview, report: report, refusal: nil, problem: nil) }
            return stepPage(page: page, incidentID: overview.id, step: step, form: ReportFormFields.encode(report), errors: [:])
        }
    }

    /// Saves a step into the draft and moves to the next step; a step with errors comes back with the input kept.
    @Sendable func saveStep(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let (overview, step) = try await editable(context, page: page, action: "web.incident.draft")
            guard var report = overview.report, step != .review else { throw PageNotFound() }
            let form = try await Self.formFields(request)
            let errors = ReportFormReader.apply(form, step: step, to: &report)
            guard errors.isEmpty else {
                return stepPage(page: page, incidentID: overview.id, step: step, form: form, errors: errors, status: .unprocessableContent)
            }
            _ = try await service.saveDraft(report, access: overview.access, by: page.principal, context: context)
            return .redirect(to: "/incidents/\(overview.id)/steps/\(step.next.slug)", type: .normal)
        }
    }

    /// The incident for its reporter with the step named in the path; recipients and others get the 404 page.
    func editable(_ context: HubRequestContext, page: PageSession, action: String) async throws -> (IncidentOverview, ReportStep) {
        guard page.principal.allows(.report), let step = context.parameters.get("step").flatMap(ReportStep.init(slug:)) else { throw PageNotFound() }
        let overview = try await IncidentOverview.load(try Self.incidentID(context), page: page, service: service, context: context, action: action)
        guard overview.access.relation == .reporter else { throw PageNotFound() }
        return (overview, step)
    }

    /// Renders one step of the form from `form` (the draft written out, or what was posted), errors beside their fields.
    func stepPage(page: PageSession, incidentID: String?, step: ReportStep, form: FormFields, errors: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let title = "\(page.text[step.titleKey] ?? "") · \(page.text["incident_report"] ?? "")"
        return renderer.page("incident-step", language: page.language, title: title,
                             model: stepModel(page: page, incidentID: incidentID, step: step, form: form, errors: errors), status: status)
    }

    /// A step's model: its fields filled from `form`, each error (a message key) beside its field and in the summary.
    func stepModel(page: PageSession, incidentID: String?, step: ReportStep, form: FormFields, errors: [String: String]) -> IncidentStepPage.Model {
        let errorTexts = errors.mapValues { page.text[$0] ?? $0 }
        let groups = ReportFormLayout(form: form, language: page.language).groups(step)
        return IncidentStepPage.Model(
            frame: page.frame,
            steps: Self.stepLinks(incidentID: incidentID, current: step, text: page.text),
            stepNumber: step.rawValue,
            stepTitle: page.text[step.titleKey] ?? "",
            formAction: incidentID.map { "/incidents/\($0)/steps/\(step.slug)" } ?? "/incidents/new",
            incidentID: incidentID.orFalse,
            groups: groups.map { $0.model(form, errors: errorTexts) },
            errorCount: (errors.isEmpty ? nil : errors.count).orFalse,
            // The summary links each error to its field, in the form's order, for keyboard and screen-reader users.
            errorLinks: groups.flatMap(\.fields).compactMap { field in
                errorTexts[field.name].map { IncidentStepPage.Model.ErrorLink(target: field.name, text: "\(field.label): \($0)") }
            })
    }

    /// The step navigation: every step links once the incident exists.
    static func stepLinks(incidentID: String?, current: ReportStep, text: [String: String]) -> [StepLink] {
        ReportStep.allCases.map { step in
            StepLink(number: step.rawValue, title: text[step.titleKey] ?? "", href: incidentID.map { "/incidents/\($0)/steps/\(step.slug)" }.orFalse, current: step == current)
        }
    }

    /// A new report: the organisation's name and sectors, times in the user's zone, nothing shared beyond the law.
    static func blankReport(for principal: Principal) throws -> IncidentReport {
        let zone = TimeZone(identifier: principal.user.timeZone) != nil ? principal.user.timeZone : "Asia/Tokyo"
        let report = IncidentReport(reporter: Reporter(organizationID: principal.organisation.id.uuidString.lowercased()), times: try IncidentTimes(timeZone: zone), category: .other)
        return ReportInput.attributed(report, to: principal.organisation)
    }

    static func formFields(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 256 * 1024)))
    }

    static func incidentID(_ context: HubRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else { throw PageNotFound() }
        return id
    }
}

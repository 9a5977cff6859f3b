import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

extension IncidentPagesController {
    /// Submits the draft. A refusal comes back as the review page naming every missing field in the page's
    /// language, each linked to its step; the draft is kept.
    @Sendable func submit(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard page.principal.allows(.report) else { throw PageNotFound() }
            let overview = try await IncidentOverview.load(try Self.incidentID(context), page: page, service: service, context: context, action: "web.incident.submit")
            guard overview.access.relation == .reporter, let report = overview.report else { throw PageNotFound() }
            let form = try await Self.formFields(request)
            guard let kind = SubmissionKind(rawValue: form["kind"] ?? ""), kind != .draft else {
                return try await reviewPage(page: page, overview: overview, report: report, refusal: nil, problem: page.text["choose_kind"], status: .unprocessableContent)
            }
            do {
                switch try await service.submit(report, kind: kind, access: overview.access, by: page.principal, context: context) {
                case .accepted:
                    return .redirect(to: "/incidents/\(overview.id)?submitted=\(kind.rawValue)", type: .normal)
                case .refused(let refusal):
                    return try await reviewPage(page: page, overview: overview, report: report, refusal: refusal, problem: nil, status: .unprocessableContent)
                }
            } catch let error as APIError where error.status == .conflict {
                return try await reviewPage(page: page, overview: overview, report: report, refusal: nil, problem: page.text["error_\(error.code)"] ?? error.message, status: .conflict)
            }
        }
    }

    /// The review step: the whole report, the deadlines it starts, and the submit form.
    func reviewPage(page: PageSession, overview: IncidentOverview, report: IncidentReport, refusal: SubmissionRefusal?, problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let title = "\(page.text["step_review"] ?? "") · \(page.text["incident_report"] ?? "")"
        return renderer.page("incident-review", language: page.language, title: title,
                             model: reviewModel(page: page, overview: overview, report: report, refusal: refusal, problem: problem), status: status)
    }

    /// The review step's model: `report` in rows, its deadlines, the kinds it may be submitted as, and a refusal or problem.
    func reviewModel(page: PageSession, overview: IncidentOverview, report: IncidentReport, refusal: SubmissionRefusal?, problem: String?) -> IncidentReviewPage.Model {
        let lang: ReportLanguage = page.language == "en" ? .en : .ja
        let record = overview.access.record
        let kinds: [SubmissionKind] = record.status == .closed ? [] : record.latestVersion == 0 ? [.initial] : [.update, .final]
        let shownRefusal = refusal.map { refusal in
            IncidentReviewPage.Model.Refusal(
                heading: refusal.message(in: lang).split(separator: "\n").first.map(String.init) ?? "",
                missing: refusal.missing.map { item in
                    .init(field: item.field.label[lang], code: item.field.rawValue,
                          stages: item.requiredBy.map { "\($0.regimeName[lang]) — \($0.stageName[lang])" }.joined(separator: lang == .ja ? "、" : "; "),
                          href: "/incidents/\(overview.id)/steps/\(ReportStep.holding(item.field).slug)",
                          step: page.text[ReportStep.holding(item.field).titleKey] ?? "")
                })
        }
        return IncidentReviewPage.Model(
            frame: page.frame,
            steps: Self.stepLinks(incidentID: overview.id, current: .review, text: page.text),
            incidentID: overview.id,
            summary: ReportSummary(language: page.language, zone: page.principal.user.timeZone).rows(report),
            deadlines: overview.deadlines.map { DeadlineRows.row($0, zone: page.principal.user.timeZone, language: page.language) },
            kinds: kinds.enumerated().map { index, kind in .init(value: kind.rawValue, label: kind.label[lang], checked: index == 0) },
            closed: record.status == .closed,
            problem: problem.orFalse,
            refusal: shownRefusal.orFalse)
    }

    /// An incident's page. For its reporter: status, every stage's deadline with a countdown, every delivery's
    /// state and receipt. For a recipient: what was delivered to it, with its deliveries to acknowledge.
    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let overview = try await IncidentOverview.load(try Self.incidentID(context), page: page, service: service, context: context, action: "web.incident.read")
            try await reporting.hub.audit.append(.by(context, action: "web.incident.read", objectType: "incident", objectID: overview.id,
                                                     details: ["relation": overview.access.relation.rawValue]))
            let submitted = request.uri.queryParameters["submitted"].flatMap { SubmissionKind(rawValue: String($0)) }
            var model = try await incidentModel(page: page, overview: overview, submitted: submitted)
            model.consultations = try await ConsultationLink.links(toIncident: overview.access.record.id, page: page, reporting: reporting)
            return renderer.page("incident", language: page.language, title: overview.title(language: page.language), model: model)
        }
    }

    /// An incident page's model; `submitted` is the kind just submitted, if the page follows a submission.
    func incidentModel(page: PageSession, overview: IncidentOverview, submitted: SubmissionKind?) async throws -> IncidentPage.Model {
        let lang: ReportLanguage = page.language == "en" ? .en : .ja
        let zone = page.principal.user.timeZone
        var names: [UUID: Organisation] = [:]
        for organisation in try await reporting.hub.organisations.list() { names[organisation.id] = organisation }
        let record = overview.access.record
        return IncidentPage.Model(
            frame: page.frame,
            incidentID: overview.id,
            incidentTitle: overview.title(language: page.language),
            isReporter: overview.access.relation == .reporter,
            canEdit: overview.access.relation == .reporter && page.principal.allows(.report) && record.status != .closed,
            status: page.text["incident_status_\(record.status.rawValue)"] ?? record.status.rawValue,
            category: page.text["category_\(record.category)"] ?? record.category,
            version: record.latestVersion,
            submitted: submitted.map { $0.label[lang] }.orFalse,
            reporterName: names[record.reporterOrganisation].map { lang == .ja ? $0.nameJa : $0.nameEn } ?? "-",
            deadlines: overview.deadlines.map { DeadlineRows.row($0, zone: zone, language: page.language) },
            submissions: overview.access.submissions.map { submission in
                .init(version: submission.version, kind: submission.kind.label[lang], by: submission.submittedBy,
                      at: DeadlineDisplay.format(submission.submittedAt, timeZone: zone, language: lang),
                      unassigned: (submission.unassignedAuthorities.isEmpty ? nil : submission.unassignedAuthorities.joined(separator: ", ")).orFalse)
            },
            deliveries: overview.access.deliveries.map { delivery in
                DeliveryRow(delivery, recipient: names[delivery.recipientOrganisation], page: page, canAcknowledge: overview.access.relation == .recipient)
            },
            summary: overview.access.relation == .recipient ? overview.report.map { ReportSummary(language: page.language, zone: zone).rows($0) } ?? [] : [])
    }
}

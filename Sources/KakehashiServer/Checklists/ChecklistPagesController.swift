import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/checklists`: self-assessment checklists. An operator answers each item (yes, partial, no, not
/// applicable, with a note) and sees its score per category; regulators, the national center and ISACs
/// see the scores of the operators they oversee. Same rules as `/api/v1/checklists`.
struct ChecklistPagesController {
    let service: ChecklistService
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("checklists", use: list)
        routes.get("checklists/:id", use: show)
        routes.post("checklists/:id", use: save)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            renderer.page("checklists", language: page.language, title: page.text["checklists"] ?? "", model: try await listModel(page: page))
        }
    }

    /// The checklists page's model: every checklist with the organisation's latest score.
    func listModel(page: PageSession) async throws -> ChecklistListPage.Model {
        var rows: [ChecklistListPage.Model.Row] = []
        for checklist in service.checklists {
            let own = try await service.assessments.latest(checklist: checklist.id, organisations: [page.principal.organisation.id])[page.principal.organisation.id]
            rows.append(.init(id: checklist.id, title: page.language == "ja" ? checklist.titleJa : checklist.titleEn, version: checklist.version,
                              items: checklist.items.count, score: own.map { Self.percent(ChecklistScore($0, checklist: checklist).overall) } ?? "—"))
        }
        return ChecklistListPage.Model(frame: page.frame, checklists: rows)
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let checklist = try checklist(context)
            let saved = request.uri.queryParameters["saved"] != nil
            return try await checklistPage(checklist, page: page, context: context, submitted: nil, error: nil, notice: saved ? page.text["assessment_saved"] : nil)
        }
    }

    @Sendable func save(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let checklist = try checklist(context)
            guard ChecklistService.mayAnswer(page.principal) else { throw PageNotFound() }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 256 * 1024)))
            var responses: [String: ChecklistAssessment.Response] = [:]
            for item in checklist.items {
                guard let raw = form["answer_\(item.id)"], !raw.isEmpty else { continue }
                guard let answer = ChecklistAssessment.Answer(rawValue: raw) else {
                    // Not a choice the form offers: said beside the item, never dropped quietly.
                    return try await checklistPage(checklist, page: page, context: context, submitted: responses,
                                                   error: (item.id, page.text["assessment_error_answer"] ?? raw), notice: nil, status: .unprocessableContent)
                }
                responses[item.id] = .init(answer: answer, note: (form["note_\(item.id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            }
            do {
                _ = try await service.save(responses, checklist: checklist, principal: page.principal, context: context)
                return .redirect(to: "/checklists/\(checklist.id)?saved=1", type: .normal)
            } catch let error as MemberValidationError {
                return try await checklistPage(checklist, page: page, context: context, submitted: responses, error: (error.field, page.text["assessment_error_note"] ?? error.message),
                                               notice: nil, status: .unprocessableContent)
            }
        }
    }

    private func checklist(_ context: HubRequestContext) throws -> Checklist {
        guard let id = context.parameters.get("id"), let checklist = service.checklist(id) else { throw PageNotFound() }
        return checklist
    }

    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded())) %" } ?? "—"
    }

    private func checklistPage(_ checklist: Checklist, page: PageSession, context: HubRequestContext, submitted: [String: ChecklistAssessment.Response]?,
                               error: (item: String, message: String)?, notice: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = try await model(checklist, page: page, context: context, submitted: submitted, error: error, notice: notice)
        return renderer.page("checklist", language: page.language, title: page.language == "ja" ? checklist.titleJa : checklist.titleEn, model: model, status: status)
    }

    /// A checklist page's model: the answers `submitted` (else the latest saved), an error beside its item, and
    /// for overseers the overseen organisations' scores. The reads are audited.
    func model(_ checklist: Checklist, page: PageSession, context: HubRequestContext, submitted: [String: ChecklistAssessment.Response]?,
               error: (item: String, message: String)?, notice: String?) async throws -> ChecklistPage.Model {
        let ja = page.language == "ja"
        let own = try await service.assessments.latest(checklist: checklist.id, organisations: [page.principal.organisation.id])[page.principal.organisation.id]
        let responses = submitted ?? own?.responses ?? [:]
        let score = own.map { ChecklistScore($0, checklist: checklist) }
        let categories = checklist.categories.map { category in
            let part = score?.categories.first { $0.categoryID == category.id }
            return ChecklistPage.Model.Category(
                name: ja ? category.nameJa : category.nameEn, score: Self.percent(part?.score),
                items: checklist.items.filter { $0.category == category.id }.map { item in
                    let chosen = responses[item.id]?.answer.rawValue ?? ""
                    return .init(id: item.id, text: ja ? item.textJa : item.textEn, note: responses[item.id]?.note ?? "",
                                 error: error?.item == item.id ? error?.message ?? "" : "", hasError: error?.item == item.id,
                                 options: ([""] + ChecklistAssessment.Answer.allCases.map(\.rawValue)).map { value in
                                     .init(value: value, label: page.text["answer_\(value.isEmpty ? "none" : value)"] ?? value, selected: value == chosen)
                                 })
                })
        }
        var model = ChecklistPage.Model(
            frame: page.frame, id: checklist.id, title: ja ? checklist.titleJa : checklist.titleEn, version: checklist.version,
            notice: notice ?? "", hasNotice: notice != nil, mayAnswer: ChecklistService.mayAnswer(page.principal),
            submittedAt: own.map { page.time($0.submittedAt) } ?? "", hasScore: own != nil, overall: Self.percent(score?.overall),
            categories: categories, overseer: false)
        try await service.hub.audit.append(.by(context, action: "web.checklist.read", objectType: "checklist", objectID: checklist.id))
        if let overseen = ChecklistService.overseen(by: page.principal, among: try await service.hub.organisations.list()) {
            let latest = try await service.assessments.latest(checklist: checklist.id, organisations: Set(overseen.map(\.id)))
            try await service.hub.audit.append(.by(context, action: "web.checklist.overview.read", objectType: "checklist", objectID: checklist.id,
                                                   details: ["organisations": String(overseen.count)]))
            model.overseer = true
            model.overviewCategories = checklist.categories.map { ja ? $0.nameJa : $0.nameEn }
            model.overview = overseen.map { organisation in
                let assessment = latest[organisation.id]
                let score = assessment.map { ChecklistScore($0, checklist: checklist) }
                return .init(name: page.name(of: organisation), overall: Self.percent(score?.overall),
                             parts: checklist.categories.map { category in Self.percent(score?.categories.first { $0.categoryID == category.id }?.score) },
                             submitted: assessment.map { page.time($0.submittedAt) } ?? page.text["not_assessed"] ?? "—")
            }
        }
        return model
    }
}

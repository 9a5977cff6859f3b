import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/checklists`: the self-assessment checklists, an organisation's own answers and score, and for
/// regulators, the national center and ISACs an overview of the operators they oversee. Reads and saves
/// are audited.
struct ChecklistController {
    let service: ChecklistService

    struct ScoreView: Encodable {
        struct Part: Encodable {
            let category: String
            let score: Double?
            let answered: Int
            let items: Int
        }

        let overall: Double?
        let unanswered: Int
        let categories: [Part]

        init(_ score: ChecklistScore) {
            overall = score.overall
            unanswered = score.unanswered
            categories = score.categories.map { Part(category: $0.categoryID, score: $0.score, answered: $0.answered, items: $0.items) }
        }
    }

    struct AssessmentView: Encodable, ResponseEncodable {
        let checklist: String
        let assessment: ChecklistAssessment?
        let score: ScoreView?
    }

    struct OverviewView: Encodable, ResponseEncodable {
        struct Row: Encodable {
            let organisationID: UUID
            let nameJa: String
            let nameEn: String
            let sectors: [Sector]
            let submittedAt: Date?
            let checklistVersion: String?
            let score: ScoreView?
        }

        let checklist: String
        let organisations: [Row]
    }

    struct SaveRequest: Decodable {
        let responses: [String: ChecklistAssessment.Response]
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.get(":id/assessment", use: own)
        routes.put(":id/assessment", use: save)
        routes.get(":id/overview", use: overview)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [Checklist] {
        _ = try context.require(.read)
        return service.checklists
    }

    @Sendable func own(_ request: Request, context: HubRequestContext) async throws -> AssessmentView {
        let principal = try context.require(.read)
        let checklist = try checklist(context)
        let latest = try await service.assessments.latest(checklist: checklist.id, organisations: [principal.organisation.id])[principal.organisation.id]
        try await service.hub.audit.append(.by(context, action: "checklist.assessment.read", objectType: "checklist", objectID: checklist.id))
        return AssessmentView(checklist: checklist.id, assessment: latest, score: latest.map { ScoreView(ChecklistScore($0, checklist: checklist)) })
    }

    @Sendable func save(_ request: Request, context: HubRequestContext) async throws -> AssessmentView {
        let principal = try context.require(.write)
        guard ChecklistService.mayAnswer(principal) else {
            throw APIError(.forbidden, code: "not-an-operator", "operators answer self-assessments for themselves (analysts and administrators)")
        }
        let checklist = try checklist(context)
        let body = try await request.decode(as: SaveRequest.self, context: context)
        let saved = try await service.save(body.responses, checklist: checklist, principal: principal, context: context)
        return AssessmentView(checklist: checklist.id, assessment: saved, score: ScoreView(ChecklistScore(saved, checklist: checklist)))
    }

    @Sendable func overview(_ request: Request, context: HubRequestContext) async throws -> OverviewView {
        let principal = try context.require(.read)
        let checklist = try checklist(context)
        guard let overseen = ChecklistService.overseen(by: principal, among: try await service.hub.organisations.list()) else {
            throw APIError(.forbidden, code: "not-an-overseer", "only regulators, the national center and ISACs see other organisations' self-assessments")
        }
        let latest = try await service.assessments.latest(checklist: checklist.id, organisations: Set(overseen.map(\.id)))
        try await service.hub.audit.append(.by(context, action: "checklist.overview.read", objectType: "checklist", objectID: checklist.id,
                                               details: ["organisations": String(overseen.count)]))
        return OverviewView(checklist: checklist.id, organisations: overseen.map { organisation in
            let assessment = latest[organisation.id]
            return OverviewView.Row(organisationID: organisation.id, nameJa: organisation.nameJa, nameEn: organisation.nameEn, sectors: organisation.sectors,
                                    submittedAt: assessment?.submittedAt, checklistVersion: assessment?.checklistVersion,
                                    score: assessment.map { ScoreView(ChecklistScore($0, checklist: checklist)) })
        })
    }

    private func checklist(_ context: HubRequestContext) throws -> Checklist {
        guard let id = context.parameters.get("id"), let checklist = service.checklist(id) else {
            throw APIError(.notFound, code: "not-found", "no checklist with that id")
        }
        return checklist
    }
}

extension Checklist: ResponseEncodable {}

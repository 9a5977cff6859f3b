import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/consultations`: requests for information between a member and the national center, its ISAC,
/// its regulator or an object's producer. Only the two parties see a thread (anyone else gets a 404); the
/// author of every message is the signed-in user, whatever the body says.
struct ConsultationController {
    let service: ConsultationService

    /// An organisation as a thread names it.
    struct PartyView: Encodable {
        let id: UUID
        let nameJa: String
        let nameEn: String

        init(_ organisation: Organisation) {
            id = organisation.id
            nameJa = organisation.nameJa
            nameEn = organisation.nameEn
        }
    }

    struct ConsultationView: Encodable, ResponseEncodable {
        let id: UUID
        let title: String
        let tlp: TLPLevel
        let openedBy: PartyView
        let openedByUser: String
        let addressee: PartyView
        let addresseeKind: ConsultationAddressee
        let collection: UUID?
        let object: String?
        let incident: UUID?
        let openedAt: Date
        let firstAnswerDue: Date
        let firstAnsweredAt: Date?
        let overdue: Bool
        /// The incident report the thread became.
        let incidentID: UUID?

        init(_ consultation: Consultation, openedBy: Organisation, addressee: Organisation, now: Date = Date()) {
            id = consultation.id
            title = consultation.title
            tlp = consultation.tlp
            self.openedBy = PartyView(openedBy)
            openedByUser = consultation.openedByUser
            self.addressee = PartyView(addressee)
            addresseeKind = consultation.addresseeKind
            collection = consultation.subject.collection
            object = consultation.subject.stixID
            incident = consultation.subject.incident
            openedAt = consultation.openedAt
            firstAnswerDue = consultation.firstAnswerDue
            firstAnsweredAt = consultation.firstAnsweredAt
            overdue = consultation.isOverdue(at: now)
            incidentID = consultation.incidentID
        }
    }

    struct MessageView: Encodable {
        let id: UUID
        let organisation: UUID
        let author: String
        let body: String
        let postedAt: Date
    }

    struct ThreadView: Encodable, ResponseEncodable {
        let consultation: ConsultationView
        let messages: [MessageView]

        init(_ thread: ConsultationService.Thread) {
            consultation = ConsultationView(thread.consultation, openedBy: thread.openedBy, addressee: thread.addressee)
            messages = thread.messages.map { MessageView(id: $0.id, organisation: $0.organisation, author: $0.author, body: $0.body, postedAt: $0.postedAt) }
        }
    }

    struct IncidentLinkView: Encodable, ResponseEncodable {
        let consultationID: UUID
        let incidentID: UUID
        let href: String
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: open)
        routes.get(":id", use: show)
        routes.post(":id/replies", use: reply)
        routes.post(":id/incident", use: becomeIncident)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [ConsultationView] {
        let principal = try context.require(.read)
        var threads = try await service.list(for: principal, context: context)
        if let incident = request.uri.queryParameters["incident"] {
            guard let id = UUID(uuidString: String(incident)) else { throw APIError(.badRequest, code: "invalid-parameter", "incident must be an incident id", field: "incident") }
            threads = threads.filter { $0.incidentID == id || $0.subject.incident == id }
        }
        let organisations = Dictionary(uniqueKeysWithValues: try await service.hub.organisations.list().map { ($0.id, $0) })
        return threads.compactMap { thread in
            guard let openedBy = organisations[thread.openedBy], let addressee = organisations[thread.addressee] else { return nil }
            return ConsultationView(thread, openedBy: openedBy, addressee: addressee)
        }
    }

    @Sendable func open(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<ThreadView> {
        let principal = try context.require(.report)
        let body = try await request.decode(as: ConsultationService.OpenRequest.self, context: context)
        let consultation = try await service.open(body, by: principal, context: context)
        return EditedResponse(status: .created, response: ThreadView(try await service.read(consultation.id, for: principal, context: context)))
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> ThreadView {
        let principal = try context.require(.read)
        return ThreadView(try await service.read(context.parameters.get("id", as: UUID.self), for: principal, context: context))
    }

    @Sendable func reply(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<ThreadView> {
        let principal = try context.require(.read)
        guard let consultation = try await service.visible(context.parameters.get("id", as: UUID.self), to: principal) else { throw ConsultationService.notFound() }
        let body = try await request.decode(as: ConsultationService.ReplyRequest.self, context: context)
        _ = try await service.reply(body, to: consultation, by: principal, context: context)
        return EditedResponse(status: .created, response: ThreadView(try await service.read(consultation.id, for: principal, context: context)))
    }

    @Sendable func becomeIncident(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<IncidentLinkView> {
        let principal = try context.require(.read)
        guard let consultation = try await service.visible(context.parameters.get("id", as: UUID.self), to: principal) else { throw ConsultationService.notFound() }
        let incident = try await service.becomeIncident(consultation, by: principal, context: context)
        return EditedResponse(status: .created, response: IncidentLinkView(consultationID: consultation.id, incidentID: incident, href: "/api/v1/incidents/\(incident.idText)"))
    }
}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/consultations`: the threads of the viewer's organisation, one thread with its due time, replies and the
/// make-a-report action, and the form to ask about an object (`/consultations/new?collection=…&object=…`) or
/// an incident; `POST /collections/:collection/objects/:object/opinions` is the object page's opinion buttons.
/// Same rules as `/api/v1/consultations` and `/api/v1/…/opinions`: both call the same services.
struct ConsultationPagesController {
    let service: ConsultationService
    let opinions: OpinionService
    let renderer: PageRenderer

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get("consultations", use: list)
        routes.get("consultations/new", use: newConsultation)
        routes.post("consultations", use: open)
        routes.get("consultations/:id", use: show)
        routes.post("consultations/:id/replies", use: reply)
        routes.post("consultations/:id/incident", use: becomeIncident)
        routes.post("collections/:collection/objects/:object/opinions", use: giveOpinion)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            renderer.page("consultations", language: page.language, title: page.text["consultations"] ?? "", model: try await listModel(page, context: context))
        }
    }

    /// The list's model (the read is audited).
    func listModel(_ page: PageSession, context: HubRequestContext) async throws -> ConsultationsPage.Model {
        let threads = try await service.list(for: page.principal, context: context, action: "web.consultation.list")
        let names = try await page.organisationNames(service.hub)
        let now = Date()
        return ConsultationsPage.Model(frame: page.frame, rows: threads.map { thread in
            let state = Self.state(thread, now: now)
            return .init(href: "/consultations/\(thread.id.idText)", title: thread.title, tlpLabel: thread.tlp.displayName, tlpClass: thread.tlp.cssClass,
                         otherParty: names[thread.otherParty(than: page.principal.organisation.id)] ?? "", asked: thread.openedBy == page.principal.organisation.id,
                         due: page.time(thread.firstAnswerDue), state: state, stateLabel: page.text["consult_state_\(state)"] ?? state)
        }, empty: threads.isEmpty)
    }

    static func state(_ thread: Consultation, now: Date) -> String {
        if thread.isOverdue(at: now) { return "overdue" }
        return thread.firstAnsweredAt == nil ? "waiting" : "answered"
    }

    @Sendable func newConsultation(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let query = request.uri.queryParameters
            let form = FormFields(pairs: [("collection", query["collection"].map(String.init) ?? ""), ("object", query["object"].map(String.init) ?? ""),
                                          ("incident", query["incident"].map(String.init) ?? "")])
            return try await formPage(page, form: form, errors: [:])
        }
    }

    @Sendable func open(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let form = try await Self.form(request)
            func given(_ name: String) -> String? { (form[name] ?? "").isEmpty ? nil : form[name] }
            let body = ConsultationService.OpenRequest(addressee: form["addressee"] ?? "", collection: given("collection"), object: given("object"),
                                                       incident: given("incident"), title: form["title"] ?? "", body: form["body"] ?? "", tlp: given("tlp"))
            do {
                let consultation = try await service.open(body, by: page.principal, context: context)
                return .redirect(to: "/consultations/\(consultation.id.idText)", type: .normal)
            } catch let error as MemberValidationError {
                return try await formPage(page, form: form, errors: [error.field: "consult_error_\(error.field)"], status: .unprocessableContent)
            }
        }
    }

    private func formPage(_ page: PageSession, form: FormFields, errors: [String: String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = try await formModel(page, form: form, errors: errors)
        return renderer.page("consultation-new", language: page.language, title: page.text["consult_new"] ?? "", model: model, status: status)
    }

    /// The ask form's model: whom the viewer may ask about the object or incident named in `form`.
    func formModel(_ page: PageSession, form: FormFields, errors: [String: String]) async throws -> NewConsultationPage.Model {
        guard page.principal.allows(.report) else { throw PageNotFound() }
        var producer: UUID?
        var subjectLabel = ""
        var tlps = TLPLevel.allCases
        if let collection = form["collection"], !collection.isEmpty, let object = form["object"], !object.isEmpty {
            let (collectionID, stored) = try await service.visibleObject(collection: collection, object: object, to: page.principal)
            producer = try await service.consultations.producer(of: stored.objectID, in: collectionID)
            subjectLabel = stored.objectID
            tlps = tlps.filter { $0 >= stored.tlp }
        } else if let incident = form["incident"], !incident.isEmpty {
            subjectLabel = incident
        }
        let addressees = try await service.hub.organisations.list().compactMap { organisation -> FormField.Option? in
            guard let kind = try? ConsultationAddressee.resolve(opener: page.principal.organisation, addressee: organisation, producer: producer) else { return nil }
            return FormField.Option(value: organisation.id.idText, label: "\(page.name(of: organisation))（\(page.text["consult_kind_\(kind.rawValue)"] ?? kind.rawValue)）")
        }
        let errorTexts = errors.mapValues { page.text[$0] ?? $0 }
        let formError = errors["object"].map { page.text[$0] ?? $0 }
        return NewConsultationPage.Model(
            frame: page.frame, collection: form["collection"] ?? "", object: form["object"] ?? "", incident: form["incident"] ?? "", subjectLabel: subjectLabel,
            fields: [
                FormField(name: "addressee", label: page.text["consult_addressee"] ?? "", kind: .select(addressees)),
                FormField(name: "title", label: page.text["consult_title"] ?? "", kind: .text),
                FormField(name: "body", label: page.text["consult_body"] ?? "", kind: .textarea),
                FormField(name: "tlp", label: page.text["consult_tlp"] ?? "", kind: .select(tlps.map { FormField.Option(value: $0.rawValue, label: $0.displayName) })),
            ].map { $0.model(form, errors: errorTexts) },
            formError: formError ?? "", hasFormError: formError != nil)
    }

    @Sendable func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let model = try await threadModel(page, id: context.parameters.get("id", as: UUID.self), context: context, form: FormFields(""), errors: [:])
            return renderer.page("consultation", language: page.language, title: model.title, model: model)
        }
    }

    /// A thread's model (the read is audited): the due time both sides see, the messages, what the viewer may do.
    func threadModel(_ page: PageSession, id: UUID?, context: HubRequestContext, form: FormFields, errors: [String: String]) async throws -> ConsultationPage.Model {
        let thread = try await service.read(id, for: page.principal, context: context, action: "web.consultation.read")
        let consultation = thread.consultation
        let mine = page.principal.organisation.id
        let names = [thread.openedBy.id: page.name(of: thread.openedBy), thread.addressee.id: page.name(of: thread.addressee)]
        let subjectHref: String
        let subjectLabel: String
        switch consultation.subject {
        case .object(let collection, let stixID):
            subjectHref = "/collections/\(collection.idText)/objects/\(stixID)"
            subjectLabel = stixID
        case .incident(let incident):
            subjectHref = consultation.openedBy == mine ? "/incidents/\(incident.idText)" : ""
            subjectLabel = page.text["consult_incident"] ?? "incident"
        }
        let errorTexts = errors.mapValues { page.text[$0] ?? $0 }
        return ConsultationPage.Model(
            frame: page.frame, id: consultation.id.idText, title: consultation.title, tlpLabel: consultation.tlp.displayName, tlpClass: consultation.tlp.cssClass,
            openedBy: names[consultation.openedBy] ?? "", addressee: names[consultation.addressee] ?? "",
            addresseeKind: page.text["consult_kind_\(consultation.addresseeKind.rawValue)"] ?? consultation.addresseeKind.rawValue,
            subjectHref: subjectHref, subjectLabel: subjectLabel, due: page.time(consultation.firstAnswerDue),
            answered: consultation.firstAnsweredAt.map(page.time) ?? "", hasAnswer: consultation.firstAnsweredAt != nil, overdue: consultation.isOverdue(at: Date()),
            messages: thread.messages.map { .init(organisation: names[$0.organisation] ?? "", author: $0.author, body: $0.body, when: page.time($0.postedAt), own: $0.organisation == mine) },
            mayReply: page.principal.allows(.report),
            mayMakeIncident: consultation.openedBy == mine && consultation.incidentID == nil && page.principal.allows(.report),
            incidentHref: consultation.incidentID.map { consultation.openedBy == mine ? "/incidents/\($0.idText)" : "" } ?? "",
            hasIncident: consultation.incidentID != nil && consultation.openedBy == mine,
            fields: [FormField(name: "body", label: page.text["consult_reply"] ?? "", kind: .textarea)].map { $0.model(form, errors: errorTexts) })
    }

    @Sendable func reply(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let id = context.parameters.get("id", as: UUID.self)
            guard let consultation = try await service.visible(id, to: page.principal) else { throw PageNotFound() }
            let form = try await Self.form(request)
            do {
                _ = try await service.reply(.init(body: form["body"] ?? ""), to: consultation, by: page.principal, context: context)
                return .redirect(to: "/consultations/\(consultation.id.idText)", type: .normal)
            } catch let error as MemberValidationError {
                let model = try await threadModel(page, id: id, context: context, form: form, errors: [error.field: "consult_error_\(error.field)"])
                return renderer.page("consultation", language: page.language, title: model.title, model: model, status: .unprocessableContent)
            }
        }
    }

    @Sendable func becomeIncident(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            guard let consultation = try await service.visible(context.parameters.get("id", as: UUID.self), to: page.principal) else { throw PageNotFound() }
            let incident = try await service.becomeIncident(consultation, by: page.principal, context: context)
            return .redirect(to: "/incidents/\(incident.idText)", type: .normal)
        }
    }

    @Sendable func giveOpinion(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await PageSession.handle(request, context: context, renderer: renderer) { page in
            let collection = try context.parameters.require("collection")
            let object = try context.parameters.require("object")
            let form = try await Self.form(request)
            do {
                _ = try await opinions.save(.init(verdict: form["verdict"] ?? "", note: form["note"]), collection: collection, object: object, by: page.principal, context: context)
            } catch is MemberValidationError {
                // Only a hand-made form sends another verdict or an overlong note; the page shows the opinions as they stand.
            }
            return .redirect(to: "/collections/\(collection)/objects/\(object)#opinions", type: .normal)
        }
    }

    /// The object page's opinions panel (the read is audited).
    static func panel(_ opinions: OpinionService, page: PageSession, collection: String, object: String, context: HubRequestContext) async throws -> OpinionPanel {
        let summary = try await opinions.summary(collection: collection, object: object, for: page.principal, context: context, action: "web.opinion.read")
        let names = try await page.organisationNames(opinions.hub)
        return OpinionPanel(
            action: "/collections/\(collection)/objects/\(object)/opinions", askHref: "/consultations/new?collection=\(collection)&object=\(object)",
            counts: OpinionVerdict.allCases.map { .init(verdict: $0.rawValue, label: page.text["opinion_\($0.rawValue)"] ?? $0.rawValue, count: summary.counts[$0] ?? 0) },
            mayGive: summary.mayGive, isProducer: summary.isProducer,
            notes: summary.readable.map { .init(organisation: names[$0.organisation] ?? "", label: page.text["opinion_\($0.verdict.rawValue)"] ?? $0.verdict.rawValue,
                                                note: $0.note, when: page.time($0.modified)) },
            hasNotes: !summary.readable.isEmpty, own: summary.own.map { page.text["opinion_\($0.verdict.rawValue)"] ?? "" } ?? "")
    }

    static func form(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
    }
}

import Foundation

/// `/consultations`: the threads the viewer's organisation is a party to.
enum ConsultationsPage {
    struct Model: PageModel {
        struct Row: Encodable, Sendable, Equatable {
            let href: String
            let title: String
            let tlpLabel: String
            let tlpClass: String
            let otherParty: String
            let asked: Bool
            let due: String
            /// `answered`, `overdue` or `waiting`.
            let state: String
            let stateLabel: String
        }

        let frame: PageFrame
        let rows: [Row]
        let empty: Bool
    }
}

/// `/consultations/:id`: one thread, its due time and messages, the reply form and the make-a-report action.
enum ConsultationPage {
    struct Model: PageModel {
        struct Message: Encodable, Sendable, Equatable {
            let organisation: String
            let author: String
            let body: String
            let when: String
            let own: Bool
        }

        let frame: PageFrame
        let id: String
        let title: String
        let tlpLabel: String
        let tlpClass: String
        let openedBy: String
        let addressee: String
        let addresseeKind: String
        let subjectHref: String
        let subjectLabel: String
        let due: String
        let answered: String
        let hasAnswer: Bool
        let overdue: Bool
        let messages: [Message]
        let mayReply: Bool
        let mayMakeIncident: Bool
        let incidentHref: String
        let hasIncident: Bool
        let fields: [FormField.Model]
    }
}

/// `/consultations/new`: asking about an object or an incident.
enum NewConsultationPage {
    struct Model: PageModel {
        let frame: PageFrame
        let collection: String
        let object: String
        let incident: String
        let subjectLabel: String
        let fields: [FormField.Model]
        let formError: String
        let hasFormError: Bool
    }
}

/// The opinions panel on an object's page.
struct OpinionPanel: Encodable, Sendable, Equatable {
    struct Count: Encodable, Sendable, Equatable {
        let verdict: String
        let label: String
        let count: Int
    }

    struct Note: Encodable, Sendable, Equatable {
        let organisation: String
        let label: String
        let note: String
        let when: String
    }

    let action: String
    let askHref: String
    let counts: [Count]
    let mayGive: Bool
    let isProducer: Bool
    let notes: [Note]
    let hasNotes: Bool
    let own: String
}

/// A consultation named on another page (the incident it became links back to it).
struct ConsultationLink: Encodable, Sendable, Equatable {
    let href: String
    let title: String

    /// The threads linked to incident `id` that the viewer's organisation is a party to.
    static func links(toIncident id: UUID, page: PageSession, reporting: Reporting) async throws -> [ConsultationLink] {
        try await ConsultationService(reporting: reporting).linked(toIncident: id, for: page.principal)
            .map { ConsultationLink(href: "/consultations/\($0.id.idText)", title: $0.title) }
    }
}

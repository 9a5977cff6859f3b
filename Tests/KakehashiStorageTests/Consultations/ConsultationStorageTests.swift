import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct ConsultationStorageTests {
    static func notice(_ organisation: UUID, _ event: String) -> PlannedNotification {
        PlannedNotification(organisation: organisation, event: event, payload: #"{"event":"\#(event)"}"#, emailSubject: "相談 / consultation", emailBody: "body")
    }

    @Test(arguments: TestEngine.allCases)
    func aThreadKeepsItsMessagesItsFirstAnswerAndBecomesAnIncidentOnce(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = ConsultationRepository(database: database)
            let collection = UUID()
            let thread = Consultation(openedBy: fixture.port.id, openedByUser: "port-reporter", addressee: fixture.office.id, addresseeKind: .nationalCenter,
                                      subject: .object(collection: collection, stixID: "indicator--0a8d4c3e-1111-4c5e-9a7b-2b1d3f4e5a6b"), title: "既知の C2 か",
                                      tlp: .amber, openedAt: fixture.start)
            let question = ConsultationMessage(consultationID: thread.id, organisation: fixture.port.id, author: "port-reporter", body: "観測しました", postedAt: fixture.start)
            try await repository.open(thread, question: question, notification: Self.notice(fixture.office.id, "consultation.opened"), audit: fixture.audit("consultation.open"))

            let followUp = ConsultationMessage(consultationID: thread.id, organisation: fixture.port.id, author: "port-reporter", body: "補足",
                                               postedAt: fixture.start.addingTimeInterval(60))
            let stillOpen = try await repository.reply(followUp, notification: Self.notice(fixture.office.id, "consultation.replied"), audit: fixture.audit("consultation.reply"))
            let answer = ConsultationMessage(consultationID: thread.id, organisation: fixture.office.id, author: "office-analyst", body: "既知です",
                                             postedAt: fixture.start.addingTimeInterval(3600))
            let answered = try await repository.reply(answer, notification: Self.notice(fixture.port.id, "consultation.replied"), audit: fixture.audit("consultation.reply"))
            let later = ConsultationMessage(consultationID: thread.id, organisation: fixture.office.id, author: "office-analyst", body: "追記",
                                            postedAt: fixture.start.addingTimeInterval(7200))
            try await repository.reply(later, notification: Self.notice(fixture.port.id, "consultation.replied"), audit: fixture.audit("consultation.reply"))
            let stranger = ConsultationMessage(consultationID: thread.id, organisation: fixture.ministry.id, author: "mlit", body: "x", postedAt: fixture.start)

            #expect(stillOpen.firstAnsweredAt == nil, "the asker's own follow-up is no answer")
            #expect(answered.firstAnsweredAt == answer.postedAt)
            let stored = try #require(try await repository.consultation(thread.id))
            #expect(stored.firstAnsweredAt == answer.postedAt && stored.firstAnswerDue == fixture.start.addingTimeInterval(24 * 3600) && !stored.isOverdue(at: .distantFuture))
            #expect(stored.subject == thread.subject && stored.title == thread.title && stored.tlp == .amber)
            #expect(try await repository.messages(thread.id) == [question, followUp, answer, later], "oldest first")
            await #expect { try await repository.reply(stranger, notification: Self.notice(fixture.port.id, "x"), audit: fixture.audit("x")) } throws: {
                ($0 as? StorageError)?.code == .invalid
            }
            #expect(try await repository.list(party: fixture.port.id).map(\.id) == [thread.id])
            #expect(try await repository.list(party: fixture.office.id).map(\.id) == [thread.id])
            #expect(try await repository.list(party: fixture.ministry.id).isEmpty)
            let mail = try await EmailOutbox(database: database).list()
            #expect(mail.filter { $0.organisationID == fixture.office.id }.count == 2 && mail.filter { $0.organisationID == fixture.port.id }.count == 2)

            let incident = IncidentRecord(reporterOrganisation: fixture.port.id, category: "other", createdBy: "port-reporter", createdAt: fixture.start, updatedAt: fixture.start)
            let draft = DraftRecord(incidentID: incident.id, json: #"{"category":"other"}"#, savedBy: "port-reporter", savedAt: fixture.start)
            try await repository.becomeIncident(thread.id, incident: incident, draft: draft, audit: fixture.audit("consultation.incident"))
            let again = IncidentRecord(reporterOrganisation: fixture.port.id, category: "other", createdBy: "port-reporter", createdAt: fixture.start, updatedAt: fixture.start)
            await #expect { try await repository.becomeIncident(thread.id, incident: again, draft: DraftRecord(incidentID: again.id, json: "{}", savedBy: "p", savedAt: fixture.start),
                                                                audit: fixture.audit("consultation.incident")) } throws: { ($0 as? StorageError)?.code == .conflict }

            #expect(try await repository.consultation(thread.id)?.incidentID == incident.id)
            #expect(try await repository.list(incident: incident.id).map(\.id) == [thread.id])
            let incidents = IncidentRepository(database: database)
            let kept = try await incidents.find(id: incident.id)
            let refused = try await incidents.find(id: again.id)
            #expect(kept != nil && refused == nil, "the refused second report left nothing behind")
            #expect(try await AuditLog(database: database).recent(limit: 20, actionPrefix: "consultation.").count == 5)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func anOrganisationHoldsOneOpinionPerObjectAndChangingItMakesANewVersion(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let opinions = OpinionRepository(database: database)
            let collection = UUID()
            let indicator = "indicator--0a8d4c3e-2222-4c5e-9a7b-2b1d3f4e5a6b"
            let first = Opinion(collectionID: collection, objectID: indicator, producer: fixture.office.id, organisation: fixture.port.id, author: "port-reporter",
                                verdict: .falsePositive, note: "社内サーバ", created: fixture.start)
            let saved = try await opinions.save(first, tlp: .amber, notification: Self.notice(fixture.office.id, "opinion.received"), audit: fixture.audit("opinion.save"))
            let change = Opinion(collectionID: collection, objectID: indicator, producer: fixture.office.id, organisation: fixture.port.id, author: "port-analyst",
                                 verdict: .alreadySeen, note: "", created: fixture.start)
            let changed = try await opinions.save(change, tlp: .amber, notification: nil, audit: fixture.audit("opinion.save"))
            let other = Opinion(collectionID: collection, objectID: indicator, producer: fixture.office.id, organisation: fixture.ministry.id, author: "mlit",
                                verdict: .useful, note: "参考になった", created: fixture.start.addingTimeInterval(5))
            try await opinions.save(other, tlp: .amber, notification: nil, audit: fixture.audit("opinion.save"))

            #expect(saved == first)
            #expect(changed.id == first.id && changed.created == first.created && changed.modified > first.modified && changed.verdict == .alreadySeen)
            let all = try await opinions.opinions(of: indicator, in: collection)
            #expect(all.map(\.organisation) == [fixture.port.id, fixture.ministry.id] && all.first == changed)
            #expect(try await opinions.opinions(of: indicator, in: UUID()).isEmpty)
            #expect(Set(try await opinions.opinions(producedBy: fixture.office.id).map(\.id)) == [first.id, other.id])
            #expect(try await opinions.opinions(producedBy: fixture.port.id).isEmpty)
            let stix = try JSONValue.parse(try #require(try await opinions.stix(first.id)))
            #expect(stix["type"]?.stringValue == "opinion" && stix["opinion"]?.stringValue == "neutral" && stix["explanation"] == nil)
            #expect(stix["object_refs"]?.arrayValue?.compactMap(\.stringValue) == [indicator])
            #expect(try await EmailOutbox(database: database).list().count == 1)
            #expect(try await AuditLog(database: database).recent(limit: 20, actionPrefix: "opinion.").count == 3)
        }
    }
}

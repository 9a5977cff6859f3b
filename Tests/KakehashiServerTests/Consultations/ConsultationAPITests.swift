import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct ConsultationAPITests {
    /// Calls the API as `user`, signed in with a session (CSRF header set).
    static func call(_ taxii: TAXIIFixture, _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as user: String, json: Any? = nil) async throws -> APIResponse {
        let browser = try await taxii.base.signIn(client, as: user)
        let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: uri, method: method, headers: browser.headersWithCSRF, body: body) { APIResponse($0) }
    }

    /// The TAXII world plus a reporter and a viewer at the airport; the railway shares one indicator.
    static func world(_ taxii: TAXIIFixture, _ client: some TestClientProtocol) async throws -> String {
        let hash = try await taxii.base.hub.passwords.hash(TestHub.password)
        try await taxii.base.hub.users.create(User(organisationID: taxii.airport.id, username: "airport-reporter", displayName: "空港 報告者", role: .reporter), passwordHash: hash)
        try await taxii.base.hub.users.create(User(organisationID: taxii.airport.id, username: "airport-viewer", displayName: "空港 閲覧者", role: .viewer), passwordHash: hash)
        let indicator = TAXIIFixture.indicator(7)
        _ = try await taxii.post(client, as: "railway", objects: [indicator])
        return try #require(indicator["id"] as? String)
    }

    @Test(arguments: TestEngine.allCases) func onlyThePartiesSeeAThreadAndItsAuthorIsTheSignedInUser(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let indicator = try await Self.world(taxii, client)
            let collection = taxii.collection.id.uuidString.lowercased()
            let center = taxii.base.center.id.uuidString.lowercased()
            let question: [String: Any] = ["addressee": center, "collection": collection, "object": indicator, "title": "この IP は既知の C2 ですか",
                                           "body": "空港の境界で観測しました。", "author": "center-admin", "openedByUser": "rail-admin"]

            let viewer = try await Self.call(taxii, client, .post, "/api/v1/consultations", as: "airport-viewer", json: question)
            let opened = try await Self.call(taxii, client, .post, "/api/v1/consultations", as: "airport-reporter", json: question)

            #expect(viewer.status == .forbidden, "a viewer reads, it does not ask")
            #expect(opened.status == .created)
            let thread = try opened.decode(ConsultationThreadResponse.self)
            #expect(thread.consultation.openedByUser == "airport-reporter" && thread.messages.map(\.author) == ["airport-reporter"],
                    "the author is the principal, whatever the body says")
            #expect(thread.consultation.addresseeKind == "national-center" && thread.consultation.tlp == "amber" && !thread.consultation.overdue)
            let openedAt = try #require(ISO8601DateFormatter().date(from: thread.consultation.openedAt))
            let due = try #require(ISO8601DateFormatter().date(from: thread.consultation.firstAnswerDue))
            #expect(abs(due.timeIntervalSince(openedAt) - 24 * 3600) < 1, "the national center answers within a day")
            let id = thread.consultation.id

            for outsider in ["rail-admin", "rail-viewer"] {
                #expect(try await Self.call(taxii, client, .get, "/api/v1/consultations/\(id)", as: outsider).status == .notFound, "\(outsider) is no party")
                #expect(try await Self.call(taxii, client, .post, "/api/v1/consultations/\(id)/replies", as: outsider, json: ["body": "x"]).status == .notFound)
                #expect(try await Self.call(taxii, client, .get, "/api/v1/consultations", as: outsider).decode([Opaque].self).isEmpty)
            }
            #expect(try await Self.call(taxii, client, .get, "/api/v1/consultations/\(UUID().uuidString)", as: "center-admin").status == .notFound)
            #expect(try await Self.call(taxii, client, .get, "/api/v1/consultations/\(id)", as: "airport-viewer").status == .ok, "every user of a party reads")

            let replied = try await Self.call(taxii, client, .post, "/api/v1/consultations/\(id)/replies", as: "center-admin",
                                              json: ["body": "既知の C2 です。遮断を推奨します。", "author": "airport-reporter"])
            #expect(replied.status == .created)
            let answered = try replied.decode(ConsultationThreadResponse.self)
            #expect(answered.messages.map(\.author) == ["airport-reporter", "center-admin"])
            #expect(answered.consultation.firstAnsweredAt != nil && !answered.consultation.overdue)

            let outbox = try await EmailOutbox(database: taxii.base.hub.database).list()
            #expect(outbox.filter { $0.organisationID == taxii.base.center.id }.count == 1, "the center is told of the question")
            #expect(outbox.filter { $0.organisationID == taxii.airport.id }.count == 1, "the airport is told of the answer")
            #expect(!outbox.contains { $0.body.contains("遮断を推奨") }, "a notice names the thread, not its words")

            let actions = try await taxii.base.hub.audit.recent(limit: 100, actionPrefix: "consultation.").map(\.action)
            #expect(actions.contains("consultation.open") && actions.contains("consultation.reply") && actions.contains("consultation.read"))
        }
    }

    @Test(arguments: TestEngine.allCases) func whomAMemberMayAskAndAThreadBecomesAnIncident(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let indicator = try await Self.world(taxii, client)
            let collection = taxii.collection.id.uuidString.lowercased()
            func ask(_ addressee: UUID, object: String? = nil, tlp: String? = nil) async throws -> APIResponse {
                var body: [String: Any] = ["addressee": addressee.uuidString, "collection": collection, "object": object ?? indicator, "title": "質問", "body": "本文"]
                if let tlp { body["tlp"] = tlp }
                return try await Self.call(taxii, client, .post, "/api/v1/consultations", as: "airport-reporter", json: body)
            }

            let producer = try await ask(taxii.base.railway.id)
            let vendor = try await ask(taxii.outsider.id)
            let below = try await ask(taxii.base.center.id, tlp: "green")
            let hidden = try await ask(taxii.base.center.id, object: "indicator--\(UUID().uuidString.lowercased())")

            #expect(producer.status == .created)
            #expect(try producer.decode(ConsultationThreadResponse.self).consultation.addresseeKind == "producer")
            #expect(vendor.status == .badRequest && vendor.body.contains("addressee"), "a vendor that did not produce the object cannot be asked")
            #expect(below.status == .badRequest && below.body.contains("tlp"), "a thread is never marked below its object")
            #expect(hidden.status == .notFound)

            let id = try producer.decode(ConsultationThreadResponse.self).consultation.id
            #expect(try await Self.call(taxii, client, .post, "/api/v1/consultations/\(id)/incident", as: "rail-admin").status == .forbidden,
                    "the addressed party does not turn the asker's thread into its own report")
            let made = try await Self.call(taxii, client, .post, "/api/v1/consultations/\(id)/incident", as: "airport-reporter")
            #expect(made.status == .created)
            let incident = try made.decode(IncidentLinkResponse.self).incidentID
            #expect(try await Self.call(taxii, client, .post, "/api/v1/consultations/\(id)/incident", as: "airport-reporter").status == .conflict)

            let thread = try await Self.call(taxii, client, .get, "/api/v1/consultations/\(id)", as: "airport-reporter").decode(ConsultationThreadResponse.self)
            #expect(thread.consultation.incidentID?.lowercased() == incident.lowercased(), "the thread links to its report")
            let back = try await Self.call(taxii, client, .get, "/api/v1/consultations?incident=\(incident)", as: "airport-reporter").decode([ConsultationThreadResponse.Consultation].self)
            #expect(back.map(\.id) == [id], "and the report back to its thread")
            let draft = try await Self.call(taxii, client, .get, "/api/v1/incidents/\(incident)", as: "airport-reporter")
            #expect(draft.status == .ok && draft.body.contains(indicator), "the draft names what the thread was about")
            #expect(try await Self.call(taxii, client, .get, "/api/v1/incidents/\(incident)", as: "rail-admin").status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func opinionsAreSTIXAndTheProducerReadsTheNotes(engine: TestEngine) async throws {
        try await TAXIIFixture.run(on: engine) { taxii, client in
            let indicator = try await Self.world(taxii, client)
            let path = "/api/v1/collections/\(taxii.collection.id.uuidString.lowercased())/objects/\(indicator)/opinions"

            let given = try await Self.call(taxii, client, .put, path, as: "airport-reporter", json: ["verdict": "false-positive", "note": "社内の監視サーバでした", "author": "rail-admin"])
            let own = try await Self.call(taxii, client, .put, path, as: "rail-admin", json: ["verdict": "useful"])
            let bad = try await Self.call(taxii, client, .put, path, as: "center-admin", json: ["verdict": "meh"])
            let viewer = try await Self.call(taxii, client, .put, path, as: "airport-viewer", json: ["verdict": "useful"])
            _ = try await Self.call(taxii, client, .put, path, as: "center-admin", json: ["verdict": "already-seen"])

            #expect(given.status == .ok)
            let opinion = try given.decode(OpinionResponse.self)
            #expect(opinion.author == "airport-reporter" && opinion.verdict == "false-positive")
            #expect(opinion.stix.type == "opinion" && opinion.stix.spec_version == "2.1" && opinion.stix.opinion == "strongly-disagree")
            #expect(opinion.stix.object_refs == [indicator] && opinion.stix.explanation == "社内の監視サーバでした")
            #expect(opinion.stix.created_by_ref == taxii.airport.stixIdentityID && opinion.stix.object_marking_refs == [TLPLevel.amber.markingDefinitionID])
            #expect(own.status == .badRequest, "the producer does not rate its own object")
            #expect(bad.status == .badRequest && viewer.status == .forbidden)

            let changed = try await Self.call(taxii, client, .put, path, as: "airport-reporter", json: ["verdict": "already-seen", "note": "既に遮断済み"]).decode(OpinionResponse.self)
            #expect(changed.id == opinion.id && changed.stix.created == opinion.stix.created && changed.stix.modified > opinion.stix.modified,
                    "a changed opinion is a new version of the same STIX object")
            _ = try await Self.call(taxii, client, .put, path, as: "airport-reporter", json: ["verdict": "false-positive", "note": "社内の監視サーバでした"])

            let producer = try await Self.call(taxii, client, .get, path, as: "rail-viewer").decode(OpinionSummaryResponse.self)
            #expect(producer.isProducer && producer.counts == ["useful": 0, "false-positive": 1, "already-seen": 1])
            #expect(Set(producer.opinions.map(\.note)) == ["社内の監視サーバでした", ""], "the producer reads every note")
            let center = try await Self.call(taxii, client, .get, path, as: "center-admin").decode(OpinionSummaryResponse.self)
            #expect(!center.isProducer && center.counts["false-positive"] == 1 && center.opinions.map(\.verdict) == ["already-seen"], "others see counts and their own note")
            #expect(try await Self.call(taxii, client, .get, path, as: "rail-admin").status == .ok)
            let received = try await Self.call(taxii, client, .get, "/api/v1/opinions", as: "rail-admin").decode(ReceivedOpinionsResponse.self)
            #expect(received.opinions.count == 2 && received.opinions.contains { $0.stix.id == opinion.id })
            let outbox = try await EmailOutbox(database: taxii.base.hub.database).list()
            #expect(outbox.filter { $0.organisationID == taxii.base.railway.id }.count == 4, "the producer is told of each opinion given")
            #expect(try await taxii.base.hub.audit.recent(limit: 100, actionPrefix: "opinion.").contains { $0.action == "opinion.save" })
        }
    }
}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/collections/:collection/objects/:object/opinions` and `/api/v1/opinions`: members' opinions of
/// shared indicators and reports, each a STIX 2.1 `opinion`. Whoever sees the object sees the counts; its
/// producer reads every note (even from members it cannot otherwise see); `/api/v1/opinions` lists what the
/// caller's organisation has heard back on what it produced.
struct OpinionController {
    let service: OpinionService

    struct OpinionView: Encodable {
        let id: String
        let objectID: String
        let collectionID: UUID
        let organisation: UUID
        let author: String
        let verdict: OpinionVerdict
        let note: String
        let created: Date
        let modified: Date
        /// The STIX 2.1 object as stored.
        let stix: JSONValue?

        init(_ opinion: Opinion, stix: String? = nil) {
            id = opinion.id
            objectID = opinion.objectID
            collectionID = opinion.collectionID
            organisation = opinion.organisation
            author = opinion.author
            verdict = opinion.verdict
            note = opinion.note
            created = opinion.created
            modified = opinion.modified
            self.stix = stix.flatMap { try? JSONValue.parse($0) }
        }
    }

    struct SummaryView: Encodable, ResponseEncodable {
        let objectID: String
        /// How many members gave each verdict.
        let counts: [String: Int]
        let isProducer: Bool
        /// Notes the caller reads: every one for the producer, else its own.
        let opinions: [OpinionView]
    }

    struct ReceivedView: Encodable, ResponseEncodable {
        let opinions: [OpinionView]
    }

    /// The routes under `/api/v1/collections`.
    var objectEndpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(":collection/objects/:object/opinions", use: summary)
        routes.put(":collection/objects/:object/opinions", use: save)
        return routes
    }

    /// The routes under `/api/v1/opinions`.
    var receivedEndpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: received)
        return routes
    }

    @Sendable func summary(_ request: Request, context: HubRequestContext) async throws -> SummaryView {
        let principal = try context.require(.read)
        let summary = try await service.summary(collection: try context.parameters.require("collection"), object: try context.parameters.require("object"),
                                                for: principal, context: context)
        return SummaryView(objectID: summary.objectID, counts: Dictionary(uniqueKeysWithValues: OpinionVerdict.allCases.map { ($0.rawValue, summary.counts[$0] ?? 0) }),
                           isProducer: summary.isProducer, opinions: try await views(summary.readable))
    }

    @Sendable func save(_ request: Request, context: HubRequestContext) async throws -> OpinionView {
        let principal = try context.require(.report)
        let body = try await request.decode(as: OpinionService.SaveRequest.self, context: context)
        let opinion = try await service.save(body, collection: try context.parameters.require("collection"), object: try context.parameters.require("object"),
                                             by: principal, context: context)
        return try await views([opinion])[0]
    }

    @Sendable func received(_ request: Request, context: HubRequestContext) async throws -> ReceivedView {
        let principal = try context.require(.read)
        return ReceivedView(opinions: try await views(try await service.received(by: principal, context: context)))
    }

    private func views(_ opinions: [Opinion]) async throws -> [OpinionView] {
        var views: [OpinionView] = []
        for opinion in opinions { views.append(OpinionView(opinion, stix: try await service.opinions.stix(opinion.id))) }
        return views
    }
}

extension OpinionController.OpinionView: ResponseEncodable {}

import Foundation
import Hummingbird
import KakehashiCore
import KakehashiStorage

/// `/api/v1/advisory-feeds`: URLs the hub fetches advisories from on a schedule (hub administrators).
struct AdvisoryFeedController {
    let hub: Hub

    struct CreateRequest: Decodable {
        let url: String
        let format: String?
        /// Hours between fetches; 24 when omitted.
        let intervalHours: Int?
    }

    var endpoints: RouteCollection<HubRequestContext> {
        let routes = RouteCollection(context: HubRequestContext.self)
        routes.get(use: list)
        routes.post(use: create)
        routes.delete(":id", use: remove)
        return routes
    }

    @Sendable func list(_ request: Request, context: HubRequestContext) async throws -> [AdvisoryFeedRepository.Feed] {
        try requireHubAdministrator(context)
        let feeds = try await hub.advisories.feeds.list()
        try await hub.audit.append(.by(context, action: "advisory-feed.list", objectType: "advisory-feed", details: ["count": String(feeds.count)]))
        return feeds
    }

    @Sendable func create(_ request: Request, context: HubRequestContext) async throws -> EditedResponse<AdvisoryFeedRepository.Feed> {
        let principal = try requireHubAdministrator(context)
        let body = try await request.decode(as: CreateRequest.self, context: context)
        let feed = try AdvisoryFeedRequest.validate(url: body.url, format: body.format, intervalHours: body.intervalHours ?? 24, createdBy: principal.user.username,
                                                    outbound: hub.configuration.outbound)
        try await hub.advisories.feeds.add(feed, audit: .by(context, action: "advisory-feed.add", objectType: "advisory-feed", objectID: feed.id.uuidString.lowercased(), details: ["url": feed.url]))
        return EditedResponse(status: .created, response: feed)
    }

    @Sendable func remove(_ request: Request, context: HubRequestContext) async throws -> HTTPResponse.Status {
        try requireHubAdministrator(context)
        let text = try context.parameters.require("id")
        guard let id = UUID(uuidString: text) else {
            throw APIError(.badRequest, code: "invalid-field", "'\(text)' is not a feed id (a UUID)", field: "id")
        }
        try await hub.advisories.feeds.remove(id, audit: .by(context, action: "advisory-feed.remove", objectType: "advisory-feed", objectID: id.uuidString.lowercased()))
        return .noContent
    }

    @discardableResult
    private func requireHubAdministrator(_ context: HubRequestContext) throws -> Principal {
        let principal = try context.require(.admin)
        guard principal.isHubAdministrator else {
            throw APIError(.forbidden, code: "not-hub-administrator", "only administrators of the national center or the ISAC may configure advisory feeds")
        }
        return principal
    }
}

extension AdvisoryFeedRepository.Feed: ResponseEncodable {}
extension AdvisoryDocumentRepository.Summary: ResponseEncodable {}

/// Checks a feed an administrator asks for (CLI and API alike).
enum AdvisoryFeedRequest {
    /// - Parameter outbound: the serving hub's policy, for a literal address in the URL; `nil` from the
    ///   command line, which does not know the policy `serve` runs with (every fetch is checked anyway).
    static func validate(url: String, format: String?, intervalHours: Int, createdBy: String, outbound: OutboundPolicy?, now: Date = Date()) throws -> AdvisoryFeedRepository.Feed {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["https", "http"].contains(scheme), parsed.host != nil else {
            throw MemberValidationError(field: "url", message: "'\(url)' is not an http(s) URL")
        }
        do {
            try outbound?.checkLiteral(url: parsed)
        } catch {
            throw MemberValidationError(field: "url", message: "\(error)")
        }
        guard (1...24 * 30).contains(intervalHours) else {
            throw MemberValidationError(field: "intervalHours", message: "the interval must be between 1 and 720 hours")
        }
        let chosen: AdvisoryDocument.Format?
        if let format, !format.isEmpty {
            guard let value = AdvisoryDocument.Format(rawValue: format) else {
                throw MemberValidationError(field: "format", message: "format must be csaf, cve or kev (or omitted, to recognise it)")
            }
            chosen = value
        } else {
            chosen = nil
        }
        return AdvisoryFeedRepository.Feed(url: url, format: chosen, intervalSeconds: intervalHours * 3600, nextFetchAt: now, createdBy: createdBy)
    }
}

/// The feed checks, for the command line.
public enum AdvisoryFeedCLI {
    public static func validate(url: String, format: String?, hours: Int) throws -> AdvisoryFeedRepository.Feed {
        try AdvisoryFeedRequest.validate(url: url, format: format, intervalHours: hours, createdBy: "cli", outbound: nil)
    }
}

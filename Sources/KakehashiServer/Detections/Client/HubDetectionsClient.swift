import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches detection reports from a hub for `kakehashi detections pull`.
public struct HubDetectionsClient: Sendable {
    public let baseURL: String
    public let collectionID: String
    let token: String

    /// A client for `collection` on `hub`, with the API token read from `tokenFile`.
    /// - Throws: ``HubClientError`` when the token file cannot be read or is empty.
    public init(hub: String, collection: String, tokenFile: String) throws {
        self.baseURL = hub.hasSuffix("/") ? String(hub.dropLast()) : hub
        self.collectionID = collection
        self.token = try HubClientError.readToken(from: tokenFile)
    }

    /// GETs `…/detections?query` and returns the body.
    /// - Throws: ``HubClientError`` with the hub's answer when it is not 200.
    public func fetch(query: String) async throws -> String {
        let url = "\(baseURL)/api/v1/collections/\(collectionID)/detections?\(query)"
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
        let body = String(buffer: try await response.body.collect(upTo: 1024 * 1024 * 1024))
        guard response.status == .ok else { throw HubClientError("the hub answered \(response.status.code) for the detections: \(body.prefix(300))") }
        return body
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore

/// The HTTP client for the hub's own outbound calls: every target, redirects included, passes the
/// ``OutboundPolicy`` before a connection is made.
///
/// The client follows no redirect by itself; ``get(_:policy:headers:timeout:maximumRedirects:)`` follows
/// them one by one, checking each new target. (A name that resolves differently between the check and
/// the connection — DNS rebinding — is not caught; the check narrows the window to one lookup.)
public enum OutboundHTTP {
    /// One process-wide client, never shut down.
    public static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )

    /// Checks `request`'s target, then sends it; a redirect answer is returned as it is.
    public static func execute(_ request: HTTPClientRequest, policy: OutboundPolicy, client: HTTPClient = client, timeout: TimeAmount) async throws -> HTTPClientResponse {
        guard let url = URL(string: request.url) else {
            throw OutboundCallError(target: request.url, reason: "the URL does not parse")
        }
        try await policy.check(url: url)
        return try await client.execute(request, timeout: timeout)
    }

    /// GETs `url`, following up to `maximumRedirects` redirects, each target checked.
    public static func get(_ url: String, policy: OutboundPolicy, headers: [(String, String)] = [], timeout: TimeAmount, maximumRedirects: Int = 5) async throws -> HTTPClientResponse {
        var target = url
        for _ in 0...maximumRedirects {
            var request = HTTPClientRequest(url: target)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            let response = try await execute(request, policy: policy, timeout: timeout)
            guard [301, 302, 303, 307, 308].contains(response.status.code) else { return response }
            guard let location = response.headers.first(name: "Location"),
                  let next = URL(string: location, relativeTo: URL(string: target))?.absoluteURL,
                  ["http", "https"].contains(next.scheme?.lowercased() ?? "") else {
                throw OutboundCallError(target: target, reason: "it redirects (HTTP \(response.status.code)) without an http(s) Location")
            }
            target = next.absoluteString
        }
        throw OutboundCallError(target: url, reason: "more than \(maximumRedirects) redirects")
    }
}

import AsyncHTTPClient
import Foundation
import KakehashiCore
import KakehashiStorage
import Logging
import NIOCore
import ServiceLifecycle

/// The background service that fetches each configured advisory feed when it is due and imports
/// what it finds; each fetch's outcome is kept on the feed for administrators to see.
///
/// `kakehashi serve` runs it beside the HTTP server; tests call ``runOnce(now:)`` with their own `download`.
public struct AdvisoryFeedFetcher: Service {
    /// Fetches a URL's body.
    public typealias Download = @Sendable (String) async throws -> Data

    let advisories: AdvisoryService
    let download: Download
    let interval: Duration
    let logger: Logger

    /// - Parameter outbound: which addresses the fetches (and their redirects) may reach.
    public init(advisories: AdvisoryService, download: Download? = nil, outbound: OutboundPolicy = .publicOnly, interval: Duration = .seconds(60), logger: Logger) {
        self.advisories = advisories
        self.download = download ?? Self.httpDownload(outbound)
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await PeriodicWork.run(every: interval, logger: logger, failure: "advisory feed round failed") {
            _ = try await runOnce(now: Date())
        }
    }

    /// Fetches and imports every due feed once; returns how many imported and how many failed.
    @discardableResult
    public func runOnce(now: Date) async throws -> (imported: Int, failed: Int) {
        var imported = 0, failed = 0
        for feed in try await advisories.feeds.claimDue(now: now) {
            let outcome: String
            do {
                let data = try await download(feed.url)
                let result = try await advisories.importDocuments(
                    [.init(name: feed.url, data: data)], format: feed.format,
                    audit: AuditRecord(actorUser: "feed", action: "advisory.import.feed", objectType: "advisory-feed", objectID: feed.id.uuidString.lowercased(), clientAddress: "local", details: ["url": feed.url]),
                    logger: logger, now: now)
                outcome = "ok: " + result.documents.map { "\($0.id) (\($0.vulnerabilities) vulnerabilities)" }.joined(separator: ", ") + "; \(result.newFindings) new findings"
                imported += 1
            } catch {
                outcome = "error: \(error)"
                failed += 1
                logger.warning("advisory feed fetch failed", metadata: ["feed.url": "\(feed.url)", "error": "\(error)"])
            }
            try await advisories.feeds.recordOutcome(feed.id, outcome: outcome, at: Date())
        }
        return (imported, failed)
    }

    /// The largest document a feed may serve (the KEV catalog is about 1.5 MB).
    static let maximumBytes = 64 * 1024 * 1024

    /// GET over HTTP(S), each target (redirects included) checked against `outbound`; anything but 200
    /// is an error naming the status.
    static func httpDownload(_ outbound: OutboundPolicy) -> Download {
        { url in try await download(url, outbound: outbound) }
    }

    static func download(_ url: String, outbound: OutboundPolicy) async throws -> Data {
        let response = try await OutboundHTTP.get(url, policy: outbound, headers: [("User-Agent", "Kakehashi-Advisories/1"), ("Accept", "application/json")], timeout: .seconds(60))
        guard response.status == .ok else {
            throw FeedError(url: url, message: "answered HTTP \(response.status.code)")
        }
        let body = try await response.body.collect(upTo: maximumBytes)
        return Data(body.readableBytesView)
    }

    struct FeedError: Error, CustomStringConvertible {
        let url: String
        let message: String
        var description: String { "\(url) \(message)" }
    }
}

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
                outcome = try await fetch(feed, now: now)
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

    /// Fetches one feed and imports what it serves: a document as it is; a CSAF provider's metadata, ROLIE
    /// feed or directory followed down to the documents it lists, of which those not held yet, or updated
    /// since they were imported, are fetched and imported. Returns the outcome to keep on the feed.
    func fetch(_ feed: AdvisoryFeedRepository.Feed, now: Date) async throws -> String {
        let data = try await download(feed.url)
        let audit = AuditRecord(actorUser: "feed", action: "advisory.import.feed", objectType: "advisory-feed", objectID: feed.id.uuidString.lowercased(),
                                clientAddress: "local", details: ["url": feed.url])
        switch try AdvisoryListing.recognise(data, url: feed.url) {
        case .document:
            let result = try await advisories.importDocuments([.init(name: feed.url, data: data)], format: feed.format, audit: audit, logger: logger, now: now)
            return "ok: " + result.documents.map { "\($0.id) (\($0.vulnerabilities) vulnerabilities)" }.joined(separator: ", ") + "; \(result.newFindings) new findings"
        case .entries(let entries):
            return try await importListed(entries, of: feed, failures: [], skipped: [], audit: audit, now: now)
        case .provider(let sources, let skipped):
            var entries: [AdvisoryListing.Entry] = []
            var failures: [String] = []
            for source in sources {
                do {
                    switch source.kind {
                    case .rolie:
                        guard case .entries(let listed) = try AdvisoryListing.recognise(try await download(source.url), url: source.url) else {
                            throw FeedError(url: source.url, message: "is named as a ROLIE feed but is not one (no \"feed\" member)")
                        }
                        entries += listed
                    case .directory:
                        entries += try AdvisoryListing.changes(try await download(AdvisoryListing.changesURL(directory: source.url)), directory: source.url)
                    }
                } catch {
                    failures.append("\(error)")
                }
            }
            return try await importListed(entries, of: feed, failures: failures, skipped: skipped, audit: audit, now: now)
        }
    }

    /// The most documents one round fetches from a listing; the rest follow in the next rounds.
    static let documentsPerRound = 500

    private func importListed(_ entries: [AdvisoryListing.Entry], of feed: AdvisoryFeedRepository.Feed, failures: [String], skipped: [String],
                              audit: AuditRecord, now: Date) async throws -> String {
        let held = try await advisories.documents.importedSources()
        // Each document once, with the latest update any listing gives it (nil: no listing says).
        var newest: [String: Date?] = [:]
        for entry in entries {
            let seen = newest[entry.url] ?? nil
            newest.updateValue([seen, entry.updated].compactMap { $0 }.max(), forKey: entry.url)
        }
        let due = newest.filter { url, updated in
            guard let imported = held[url] else { return true }
            return updated.map { $0 > imported } ?? false
        }.keys.sorted()
        var failures = failures
        var uploads: [AdvisoryService.Upload] = []
        for url in due.prefix(Self.documentsPerRound) {
            do {
                uploads.append(.init(name: url, data: try await download(url)))
            } catch {
                failures.append("\(error)")
            }
        }
        let (result, rejected) = try await advisories.importReadable(uploads, format: feed.format, audit: audit, logger: logger, now: now)
        failures += rejected.map(\.description)
        var outcome = "ok: \(newest.count) listed, \(result.documents.count) imported, \(result.newFindings) new findings"
        if due.count > Self.documentsPerRound { outcome += "; \(due.count - Self.documentsPerRound) more next round" }
        if !skipped.isEmpty { outcome += "; skipped (need credentials): " + skipped.joined(separator: ", ") }
        if !failures.isEmpty {
            outcome += "; \(failures.count) failed: " + failures.prefix(5).joined(separator: "; ")
            logger.warning("advisory feed documents failed", metadata: ["feed.url": "\(feed.url)", "failed": "\(failures.count)"])
        }
        return outcome
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

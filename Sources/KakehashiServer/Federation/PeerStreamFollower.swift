import AsyncHTTPClient
import Foundation
import KakehashiCore
import Logging
import NIOCore
import NIOHTTP1

/// Follows a Kakehashi peer's Server-Sent Events stream of its collection as a wake-up: each new object it
/// announces rings the doorbell, and the exchange loop pulls at once, so an object arrives in about a
/// second rather than one interval later. The stream carries no data the pull relies on; the pull itself
/// reads the exchange endpoint, with its chain and the peer's egress decision.
struct PeerStreamFollower: Sendable {
    let http: PeerHTTPClient
    let doorbell: Doorbell
    let logger: Logger

    var url: String { http.peer.hubBaseURL + "/api/v1/collections/\(http.peer.remoteCollection)/stream?wait=300" }

    /// Reconnects until cancelled: at once after the peer closed the stream, with a growing wait after an error.
    func run() async {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await follow()
                failures = 0
                try await Task.sleep(for: .milliseconds(200))
            } catch is CancellationError {
                return
            } catch {
                if Task.isCancelled { return }
                failures += 1
                logger.debug("peer stream unavailable", metadata: ["federation.stream": "\(url)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(min(30, 1 << min(failures, 5))))
            }
        }
    }

    /// One connection: reads events until the peer closes it.
    func follow() async throws {
        let response = try await http.open(.GET, url, accept: "text/event-stream", timeout: .seconds(330))
        guard response.status == .ok else {
            let body = try? await response.body.collect(upTo: 4096)
            throw PeerExchangeError("GET \(url) answered HTTP \(response.status.code): \(body.map { String(buffer: $0) }?.prefix(200) ?? "")")
        }
        var parser = EventStreamLines()
        for try await chunk in response.body {
            if parser.feed(chunk) { await doorbell.ring() }
        }
    }
}

/// Reads an event stream's bytes as lines and tells when an event with data ended (a blank line after a
/// `data:` line); comments (`: keep-alive`) and `retry:` lines are no events.
struct EventStreamLines {
    private var line: [UInt8] = []
    private var eventHasData = false
    /// Lines longer than this (a huge object) are not kept whole: only their first bytes matter here.
    private let keep = 64

    /// Feeds bytes; true when at least one event ended in them.
    mutating func feed(_ buffer: ByteBuffer) -> Bool {
        var ended = false
        for byte in buffer.readableBytesView {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if line.isEmpty {
                    if eventHasData { ended = true }
                    eventHasData = false
                } else if line.starts(with: Array("data:".utf8)) {
                    eventHasData = true
                }
                line.removeAll(keepingCapacity: true)
            } else if line.count < keep {
                line.append(byte)
            }
        }
        return ended
    }
}

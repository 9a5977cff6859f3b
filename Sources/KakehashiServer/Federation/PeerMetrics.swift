import Foundation
import KakehashiCore

/// The per-peer series of `/metrics`, read from the stored exchange state at each scrape, so that they are what
/// `/admin/peers` shows, survive a restart, and disappear with a removed peer. Labelled by the peer's name.
struct PeerMetrics {
    /// One series: its name, Prometheus type, help text, and how it is read from a peer's state.
    struct Series: Sendable {
        let name: String
        let type: String
        let help: String
        let value: @Sendable (PeerExchangeState) -> Double
    }

    static let series: [Series] = [
        Series(name: "kakehashi_peer_lag_objects", type: "gauge", help: "Versions not yet exchanged with the peer, as last measured.") { Double($0.lagObjects) },
        Series(name: "kakehashi_peer_lag_seconds", type: "gauge", help: "Seconds the oldest version not yet exchanged has waited.") { $0.lagSeconds },
        Series(name: "kakehashi_peer_sent_total", type: "counter", help: "Object versions sent to the peer.") { Double($0.sent) },
        Series(name: "kakehashi_peer_received_total", type: "counter", help: "Object versions received from the peer.") { Double($0.received) },
        Series(name: "kakehashi_peer_refused_total", type: "counter", help: "Object versions refused on the way in or out, or reported failed by the peer.") { Double($0.refused) },
        Series(name: "kakehashi_peer_consecutive_failures", type: "gauge", help: "Failed exchanges with the peer in a row.") { Double($0.consecutiveFailures) },
        Series(name: "kakehashi_peer_last_success_timestamp_seconds", type: "gauge", help: "When an exchange with the peer last succeeded (0 for never).") {
            $0.lastSuccessAt?.timeIntervalSince1970 ?? 0
        },
    ]

    /// The Prometheus text of every series for `peers` (name and state), or nothing when there are none.
    static func text(_ peers: [(name: String, state: PeerExchangeState)]) -> String {
        guard !peers.isEmpty else { return "" }
        var text = ""
        for series in series {
            text += "# HELP \(series.name) \(series.help)\n# TYPE \(series.name) \(series.type)\n"
            for peer in peers {
                text += "\(series.name){peer=\"\(label(peer.name))\"} \(number(series.value(peer.state)))\n"
            }
        }
        return text
    }

    /// Reads every peer's state and writes the series.
    static func text(of hub: Hub) async throws -> String {
        try await text(PeerService(hub: hub).overview().map { ($0.peer.name, $0.state) })
    }

    /// A label value escaped as the exposition format asks (backslash, quote, newline).
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Whole numbers without a fraction, others as Swift writes them.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

import Foundation
import Prometheus

/// The collection stream's figures in `/metrics`: subscribers per collection, and how long a commit takes
/// to reach them.
struct CollectionStreamMetrics {
    let registry: PrometheusCollectorRegistry

    static var subscribers: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kakehashi", subsystem: "stream", metricName: "subscribers", unitName: "", helpText: "Collection stream subscribers connected to this process, by collection")
    }

    static var lag: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kakehashi", subsystem: "stream", metricName: "delivery_lag", unitName: "seconds",
                             helpText: "Time from an object's commit (its date added) to its event being written to a subscriber")
    }

    /// The gauge of `collection`'s subscribers.
    func subscribers(of collection: UUID) -> Gauge {
        registry.makeGauge(descriptor: Self.subscribers, labels: [("collection", collection.uuidString.lowercased())])
    }

    /// Records the lag of events written at `written` (microseconds) for objects added at `dateAdded`.
    func recordLag(dateAdded: [Int64], written: Int64) {
        guard !dateAdded.isEmpty else { return }
        let histogram = registry.makeDurationHistogram(descriptor: Self.lag, buckets: [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15),
        ])
        for added in dateAdded {
            histogram.recordNanoseconds(max(0, written - added) * 1000)
        }
    }
}

import Prometheus

/// The federation service's own timings in `/metrics` (the counts per peer are read from the stored state).
enum FederationMetrics {
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "kakehashi", subsystem: "federation", metricName: "exchange_duration", unitName: "seconds",
                             helpText: "Time one exchange with a peer took, by peer and outcome")
    }

    static func exchangeDuration(_ registry: PrometheusCollectorRegistry, peer: String, outcome: String) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: duration, labels: [("peer", peer), ("outcome", outcome)],
                                       buckets: [.milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10), .seconds(60)])
    }
}

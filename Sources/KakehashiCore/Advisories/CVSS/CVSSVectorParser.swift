/// Splits a `CVSS:x.y/M:V/...` string into metrics, checking names, values, duplicates and mandatory metrics.
enum CVSSVectorParser {

    /// The allowed values as a dictionary by metric.
    static func table(_ allowed: [(metric: String, values: Set<String>)]) -> [String: Set<String>] {
        Dictionary(allowed.map { ($0.metric, $0.values) }, uniquingKeysWith: { first, _ in first })
    }

    static func parse(
        _ vector: String,
        prefixes: [String],
        allowed valuesByMetric: [String: Set<String>],
        mandatory: [String]
    ) throws(CVSSError) -> (prefix: String, metrics: [String: String]) {
        guard !vector.isEmpty else { throw CVSSError(vector: vector, metric: nil, rule: "the vector is empty") }
        guard let prefix = prefixes.first(where: { vector.hasPrefix($0 + "/") }) else {
            let expected = prefixes.map { "\"\($0)/\"" }.joined(separator: " or ")
            throw CVSSError(vector: vector, metric: nil, rule: "must start with \(expected)")
        }
        let body = vector.dropFirst(prefix.count + 1)
        var metrics: [String: String] = [:]
        for field in body.split(separator: "/", omittingEmptySubsequences: false) {
            guard !field.isEmpty else {
                throw CVSSError(vector: vector, metric: nil, rule: "empty field (doubled or trailing \"/\")")
            }
            let parts = field.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CVSSError(vector: vector, metric: String(parts[0]), rule: "field \"\(field)\" is not of the form METRIC:VALUE")
            }
            let name = String(parts[0]), value = String(parts[1])
            guard let values = valuesByMetric[name] else {
                throw CVSSError(vector: vector, metric: name, rule: "unknown metric")
            }
            guard values.contains(value) else {
                let list = values.sorted().joined(separator: ", ")
                throw CVSSError(vector: vector, metric: name, rule: "value \"\(value)\" is not one of \(list)")
            }
            guard metrics[name] == nil else {
                throw CVSSError(vector: vector, metric: name, rule: "metric appears more than once")
            }
            metrics[name] = value
        }
        for name in mandatory where metrics[name] == nil {
            throw CVSSError(vector: vector, metric: name, rule: "mandatory base metric is missing")
        }
        return (prefix, metrics)
    }
}

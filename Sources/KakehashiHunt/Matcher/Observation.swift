import KakehashiPrimitives

/// One observation the matcher can bind to an observation expression: the time window and count
/// of an observed-data object plus the cyber-observable objects it covers.
public struct Observation: Sendable {
    /// `first_observed`, microseconds since the Unix epoch.
    public var firstObserved: Int64
    /// `last_observed`, microseconds since the Unix epoch.
    public var lastObserved: Int64
    /// `number_observed` (at least 1).
    public var count: Int
    /// Objects that comparisons start from, keyed by id (STIX 2.1) or by the deprecated
    /// `objects` dictionary key; references resolve against ``referenceTargets``.
    public private(set) var objects: [(key: String, object: JSONValue)]
    /// Candidates for `_ref`/`_refs` resolution, searched by key.
    var referenceTargets: [(key: String, object: JSONValue)]
    /// Indexes into `objects` grouped by the object's `type`.
    private(set) var indexesByType: [String: [Int]] = [:]

    /// Creates an observation.
    /// - Parameters:
    ///   - objects: the observable objects with their ids (or dictionary keys), in order.
    ///   - referenceTargets: what `_ref` properties resolve against; defaults to `objects`.
    public init(firstObserved: Int64, lastObserved: Int64, count: Int,
                objects: [(key: String, object: JSONValue)],
                referenceTargets: [(key: String, object: JSONValue)]? = nil) {
        self.firstObserved = firstObserved
        self.lastObserved = lastObserved
        self.count = count
        self.objects = objects
        self.referenceTargets = referenceTargets ?? objects
        for (index, entry) in objects.enumerated() {
            if let type = entry.object["type"]?.stringValue {
                indexesByType[type, default: []].append(index)
            }
        }
    }

    /// All reference targets whose key is `id` (STIX 2.1 resolution may find several).
    func resolve(_ id: String) -> [JSONValue] {
        // Not `compactMap { … ? $0.object : nil }`: JSONValue is ExpressibleByNilLiteral, so that `nil`
        // would be a JSON null, not a missing target.
        referenceTargets.filter { $0.key == id }.map(\.object)
    }
}

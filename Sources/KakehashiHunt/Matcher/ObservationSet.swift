/// The observations a pattern is matched against, in order.
///
/// Build one from STIX 2.1 bundles (``init(stix21:)``), from STIX 2.0-style observed-data with the
/// deprecated `objects` dictionary (``init(observedDataWithObjectMaps:)``), or directly from
/// ``Observation`` values.
public struct ObservationSet: Sendable {
    /// The observations, in input order; match results refer to these indexes.
    public var observations: [Observation]
    /// The `id` of the observed-data object behind each observation, when known.
    public var observedDataIDs: [String?]
    /// Whether object types that are not cyber observables (`indicator`, `observed-data`, …)
    /// are ignored by comparisons, as the reference matcher does for STIX 2.1.
    public var ignoresNonObservableTypes: Bool

    /// Wraps observations built by hand.
    public init(observations: [Observation], observedDataIDs: [String?]? = nil, ignoresNonObservableTypes: Bool = true) {
        self.observations = observations
        self.observedDataIDs = observedDataIDs ?? Array(repeating: nil, count: observations.count)
        self.ignoresNonObservableTypes = ignoresNonObservableTypes
    }

    /// STIX 2.1 types that comparisons never select (they are not cyber observables).
    static let nonObservableTypes: Set<String> = [
        "attack-pattern", "bundle", "campaign", "course-of-action", "extension-definition", "grouping",
        "identity", "incident", "indicator", "infrastructure", "intrusion-set", "language-content",
        "location", "malware", "malware-analysis", "marking-definition", "note", "observed-data",
        "opinion", "relationship", "report", "threat-actor", "tool", "sighting", "vulnerability",
    ]
}

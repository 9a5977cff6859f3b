/// A mistake in the regime configuration, naming the regime and stage where it is.
public struct RegimeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The regime's id (or `#n`, its position, when it has no id).
    public var regime: String?
    /// The stage's id (or `#n`), when the mistake is in a stage.
    public var stage: String?
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(regime: String? = nil, stage: String? = nil, message: String) {
        self.regime = regime
        self.stage = stage
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let regime { place.append("regime '\(regime)'") }
        if let stage { place.append("stage '\(stage)'") }
        return place.isEmpty ? "regimes configuration: \(message)" : "regimes configuration, \(place.joined(separator: ", ")): \(message)"
    }
}

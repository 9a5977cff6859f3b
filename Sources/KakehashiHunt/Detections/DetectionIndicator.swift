import KakehashiPrimitives

/// The parts of one stored STIX indicator version a detection pack needs.
public struct DetectionIndicator: Sendable, Hashable {
    /// `indicator--…`.
    public var id: String
    public var name: String?
    public var pattern: String
    public var patternType: String
    public var revoked: Bool
    /// `valid_until` in microseconds, if given and readable.
    public var validUntil: Int64?
    /// `confidence` (0–100), if given.
    public var confidence: Int?
    /// A link to the indicator's page on the hub, if the caller knows one.
    public var link: String?

    public init(id: String, name: String? = nil, pattern: String, patternType: String = "stix", revoked: Bool = false,
                validUntil: Int64? = nil, confidence: Int? = nil, link: String? = nil) {
        self.id = id
        self.name = name
        self.pattern = pattern
        self.patternType = patternType
        self.revoked = revoked
        self.validUntil = validUntil
        self.confidence = confidence
        self.link = link
    }

    /// Reads an indicator object; `nil` when `object` is not an indicator with an id and a pattern.
    public init?(object: JSONValue, link: String? = nil) {
        guard object["type"]?.stringValue == "indicator", let id = object["id"]?.stringValue,
              let pattern = object["pattern"]?.stringValue else { return nil }
        self.init(id: id, name: object["name"]?.stringValue, pattern: pattern,
                  patternType: object["pattern_type"]?.stringValue ?? "stix",
                  revoked: object["revoked"]?.boolValue ?? false,
                  validUntil: object["valid_until"]?.stringValue.flatMap(PatternTimestamp.parse),
                  confidence: object["confidence"]?.intValue, link: link)
    }

    /// Whether the indicator still belongs in a pack at `now` (microseconds): neither revoked nor past `valid_until`.
    public func isActive(at now: Int64) -> Bool {
        !revoked && (validUntil.map { $0 > now } ?? true)
    }
}

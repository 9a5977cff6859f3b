/// One value a sensor looks for, and the indicator it came from.
public struct DetectionEntry: Sendable, Hashable, Codable {
    /// `indicator--…`.
    public var indicator: String
    public var kind: DetectionKind
    /// The canonical value (see ``DetectionKind``).
    public var value: String
    /// The indicator's name, if it has one.
    public var name: String?
    /// A link to the indicator on the hub.
    public var link: String?
    /// The indicator's confidence (0–100), if given.
    public var confidence: Int?
    /// The Suricata SID allocated to this entry, when a SID range was asked for.
    public var sid: Int64?
    /// In a delta's removals: another indicator still lists the same value, so a value-keyed list
    /// (Zeek, datasets, firewalls) keeps it.
    public var stillListed: Bool?

    public init(indicator: String, kind: DetectionKind, value: String, name: String? = nil, link: String? = nil,
                confidence: Int? = nil, sid: Int64? = nil) {
        self.indicator = indicator
        self.kind = kind
        self.value = value
        self.name = name
        self.link = link
        self.confidence = confidence
        self.sid = sid
    }

    /// What a SID is allocated to: the same indicator and value always get the same SID.
    public var key: String { "\(indicator)|\(kind.rawValue)|\(value)" }

    /// The value's identity in value-keyed lists.
    public var valueKey: String { "\(kind.rawValue)|\(value)" }

    /// A short description: the name and the indicator id.
    public var description: String { name.map { "\($0) (\(indicator))" } ?? indicator }

    /// Orders entries for output: by kind, value, then indicator, so a pack's text is the same for the same contents.
    static func ordered(_ lhs: DetectionEntry, _ rhs: DetectionEntry) -> Bool {
        (lhs.kind, lhs.value, lhs.indicator) < (rhs.kind, rhs.value, rhs.indicator)
    }
}

/// An indicator that is not in a pack, with the reason.
public struct UntranslatableIndicator: Sendable, Hashable, Codable {
    public var indicator: String
    public var reason: String

    public init(indicator: String, reason: String) {
        self.indicator = indicator
        self.reason = reason
    }
}

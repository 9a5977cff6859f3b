/// The parts of a STIX indicator the hunt needs.
public struct IndicatorRecord: Sendable, Hashable {
    /// `indicator--…`.
    public var id: String
    /// The pattern text.
    public var pattern: String
    /// `stix`, `snort`, `yara`…; only `stix` is hunted.
    public var patternType: String
    /// Optional name, for progress and reports.
    public var name: String?
    /// `valid_from`, as written.
    public var validFrom: String?
    /// `valid_until`, as written.
    public var validUntil: String?

    /// Creates a record.
    public init(id: String, pattern: String, patternType: String = "stix", name: String? = nil,
                validFrom: String? = nil, validUntil: String? = nil) {
        self.id = id
        self.pattern = pattern
        self.patternType = patternType
        self.name = name
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// An indicator the hunt did not use, and why.
public struct SkippedIndicator: Sendable, Hashable, CustomStringConvertible {
    /// The indicator's id (or `object #n` when it has none).
    public var id: String
    /// Why it was skipped.
    public var reason: String

    /// Creates a skip report.
    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }

    /// `id: reason`.
    public var description: String { "\(id): \(reason)" }
}

/// An indicators file that cannot be read at all.
public struct IndicatorFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// `indicators file '…': reason`.
    public var description: String { "indicators file '\(path)': \(reason)" }
}

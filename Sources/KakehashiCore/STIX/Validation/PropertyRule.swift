/// What a property's value must look like; the tables in `Schemas/` are built from these.
indirect enum PropertyRule: Sendable {
    /// Any string.
    case string
    /// `true` or `false`.
    case boolean
    /// A JSON integer, optionally within a range.
    case integer(ClosedRange<Int64>? = nil)
    /// Any JSON number, optionally within a range.
    case number(ClosedRange<Double>? = nil)
    /// A timestamp of any precision.
    case timestamp
    /// A timestamp with at least millisecond precision (`created`, `modified`).
    case timestampMillis
    /// A timestamp with no fractional seconds.
    case timestampSeconds
    /// A STIX identifier, checked against allowed or forbidden types (errors).
    case identifier(IdentifierConstraint)
    /// An SCO reference: the schema only asks for a string, so a wrong target type is a warning.
    case observableReference([String])
    /// A list; `minimumOne` makes an empty list an error.
    case list(PropertyRule, minimumOne: Bool = true)
    /// A string from a closed set.
    case oneOf(Set<String>)
    /// A string from an open vocabulary; other values are warnings.
    case vocabulary(name: String, values: Set<String>)
    /// A string of a given format.
    case format(StringFormat)
    /// A nested object with its own properties.
    case object(NestedObjectRule)
    /// A STIX dictionary: keys `[a-zA-Z0-9_-]{0,250}`, at least one entry, no `null`s.
    case dictionary
    /// A hashes dictionary (`MD5`, `SHA-256`…).
    case hashes
    /// Anything custom.
    case custom(@Sendable (JSONValue, PathBuilder, inout ValidationContext) -> Void)
}

/// Which object types an identifier may name.
enum IdentifierConstraint: Sendable {
    case any
    case types(Set<String>)
    case notTypes(Set<String>)
}

/// The rules for a nested object (kill chain phase, external reference, extension body…).
struct NestedObjectRule: Sendable {
    var properties: [String: PropertyRule]
    var required: [String] = []
    var constraints: [ObjectConstraint] = []
    /// When false, members not in `properties` are errors.
    var allowsOtherProperties = true
}

/// A rule about which properties may appear together.
enum ObjectConstraint: Sendable {
    /// At least one of these properties must be present.
    case atLeastOne([String])
    /// Anything else, written as code.
    case custom(@Sendable ([String: JSONValue], String, inout ValidationContext) -> Void)
}

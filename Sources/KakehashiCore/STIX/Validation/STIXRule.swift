/// The kind of rule a STIX object broke; `rawValue` is a stable code for logs and API bodies.
public enum STIXRule: String, Sendable, Hashable, CaseIterable {
    /// A property the object's type requires is missing.
    case requiredProperty = "required-property"
    /// A property has the wrong JSON type (string, integer, list…).
    case propertyType = "property-type"
    /// A value is outside its allowed range or closed set.
    case propertyValue = "property-value"
    /// A list that must have at least one element is empty.
    case emptyList = "empty-list"
    /// A property is `null`, which STIX never allows.
    case nullValue = "null-value"
    /// `id` or another identifier is not `type--UUID`.
    case identifierFormat = "identifier-format"
    /// `id`'s type part differs from `type`.
    case identifierType = "identifier-type"
    /// A reference points at an object type the property does not allow.
    case referenceType = "reference-type"
    /// A timestamp is not RFC 3339 UTC (`…Z`), or not a real date.
    case timestampFormat = "timestamp-format"
    /// A timestamp lacks the precision its property needs (e.g. `created` to the millisecond).
    case timestampPrecision = "timestamp-precision"
    /// Two timestamps are out of order (e.g. `modified` before `created`).
    case timestampOrder = "timestamp-order"
    /// A value is not in an open vocabulary (a warning only).
    case vocabulary = "vocabulary"
    /// A string is not of the format the property needs (URL, e-mail, IP address, hash…).
    case format = "format"
    /// `type` is not a valid type name.
    case typeName = "type-name"
    /// A property name is not a valid STIX property name.
    case propertyName = "property-name"
    /// A property name is reserved by STIX and must not be used.
    case reservedProperty = "reserved-property"
    /// `spec_version` is not `2.1`.
    case specVersion = "spec-version"
    /// The `extensions` property or one of its entries is malformed.
    case extensionDefinition = "extension"
    /// A combination of properties is not allowed (e.g. `latitude` without `longitude`).
    case propertyCombination = "property-combination"
    /// A marking or granular marking is malformed.
    case marking = "marking"
    /// A language code is not an RFC 5646 code known to STIX.
    case language = "language"
    /// An indicator's pattern does not parse.
    case pattern = "pattern"
    /// A recommendation of the specification (a warning only).
    case recommendation = "recommendation"
}

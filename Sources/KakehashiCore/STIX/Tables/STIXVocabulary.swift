/// A STIX open vocabulary: suggested values, where others are allowed but draw a warning.
struct STIXVocabulary: Sendable {
    /// The vocabulary's name in the specification, e.g. `indicator-type-ov`.
    let name: String
    /// The suggested values.
    let values: Set<String>
}

/// The relation between a source and a target attribute value (NISTIR 7696 §6.1.2, Table 6-2).
public enum CPEAttributeRelation: String, Sendable, Hashable {
    /// The source value denotes a set that contains the target's.
    case superset = "SUPERSET"
    /// The source value denotes a set contained in the target's.
    case subset = "SUBSET"
    /// The values denote the same set.
    case equal = "EQUAL"
    /// The values share nothing.
    case disjoint = "DISJOINT"
    /// The target carries unquoted wildcards, which the algorithm does not compare.
    case undefined = "UNDEFINED"
}

/// The name-level result of comparing a source CPE name with a target (NISTIR 7696 §6.2).
public enum CPENameRelation: String, Sendable, Hashable {
    /// Some attribute is DISJOINT.
    case disjoint = "CPE_DISJOINT"
    /// Every attribute is EQUAL.
    case equal = "CPE_EQUAL"
    /// Every attribute is SUBSET or EQUAL: the source is a subset of the target.
    case subset = "CPE_SUBSET"
    /// Every attribute is SUPERSET or EQUAL: the source is a superset of (matches) the target.
    case superset = "CPE_SUPERSET"
    /// None of the above (for example a mix of SUPERSET and SUBSET, or an UNDEFINED attribute).
    case none = "NONE"
}

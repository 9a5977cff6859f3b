/// `x509-certificate` (STIX 2.1 §6.18) and its v3 extensions type.
enum X509Rules {
    static let properties: [String: PropertyRule] = [
        "is_self_signed": .boolean, "hashes": .hashes, "version": .string, "serial_number": .string,
        "signature_algorithm": .string, "issuer": .string, "validity_not_before": .timestamp,
        "validity_not_after": .timestamp, "subject": .string, "subject_public_key_algorithm": .string,
        "subject_public_key_modulus": .string, "subject_public_key_exponent": .integer(),
        "x509_v3_extensions": .object(v3Extensions),
    ]

    static let v3Extensions: NestedObjectRule = {
        let names = ["basic_constraints", "name_constraints", "policy_constraints", "key_usage", "extended_key_usage",
                     "subject_key_identifier", "authority_key_identifier", "subject_alternative_name",
                     "issuer_alternative_name", "subject_directory_attributes", "crl_distribution_points",
                     "inhibit_any_policy", "certificate_policies", "policy_mappings"]
        var properties = Dictionary(uniqueKeysWithValues: names.map { ($0, PropertyRule.string) })
        properties["private_key_usage_period_not_before"] = .timestamp
        properties["private_key_usage_period_not_after"] = .timestamp
        return NestedObjectRule(properties: properties, constraints: [.atLeastOne(properties.keys.sorted())])
    }()
}

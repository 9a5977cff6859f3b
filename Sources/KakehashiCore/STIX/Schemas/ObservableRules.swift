/// Combination rules of individual SCO types.
enum ObservableRules {
    /// An artifact has `payload_bin`, or `url` with `hashes`, never both; `decryption_key` needs `encryption_algorithm`.
    @Sendable static func artifact(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        let hasPayload = members["payload_bin"] != nil
        let hasURL = members["url"] != nil
        if hasPayload && hasURL {
            context.error(.propertyCombination, path, "an artifact must not have both payload_bin and url")
        } else if !hasPayload && !hasURL {
            context.error(.requiredProperty, path, "an artifact needs payload_bin or url")
        } else if hasURL && members["hashes"] == nil {
            context.error(.requiredProperty, path, "an artifact with a url needs hashes")
        }
        if members["decryption_key"] != nil && members["encryption_algorithm"] == nil {
            context.error(.propertyCombination, JSONPathText.member(path, "decryption_key"), "decryption_key needs encryption_algorithm")
        }
    }

    /// `is_multipart` false goes with `body`, true with `body_multipart`.
    @Sendable static func emailBody(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        guard let multipart = members["is_multipart"]?.boolValue else { return }
        if multipart && members["body"] != nil {
            context.error(.propertyCombination, JSONPathText.member(path, "body"), "a multipart message must use body_multipart, not body")
        }
        if !multipart && members["body_multipart"] != nil {
            context.error(.propertyCombination, JSONPathText.member(path, "body_multipart"), "body_multipart needs is_multipart true")
        }
    }

    static let mimePart = NestedObjectRule(
        properties: ["body": .string, "body_raw_ref": .obsRef(["artifact", "file"]), "content_type": .string,
                     "content_disposition": .string],
        constraints: [.custom { members, path, context in
            if (members["body"] != nil) == (members["body_raw_ref"] != nil) {
                context.error(.propertyCombination, path, "a MIME part needs exactly one of body and body_raw_ref")
            }
        }]
    )

    /// Header fields: a dictionary of strings or lists of at least two strings.
    @Sendable static func headerFields(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        for (key, field) in members {
            switch field {
            case .string: continue
            case .array(let items) where items.count >= 2 && items.allSatisfy({ $0.stringValue != nil }): continue
            default:
                context.error(.propertyType, JSONPathText.member(path(), key), "a header field must be a string or a list of at least two strings")
            }
        }
    }

    /// IPFIX: a dictionary of strings and integers.
    @Sendable static func ipfix(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        for (key, field) in members where field.stringValue == nil && !(field.numberValue?.isIntegral ?? false) {
            context.error(.propertyType, JSONPathText.member(path(), key), "an IPFIX value must be a string or an integer")
        }
    }

    /// Active traffic has no `end`.
    @Sendable static func activeTraffic(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        if members["is_active"]?.boolValue == true && members["end"] != nil {
            context.error(.propertyCombination, JSONPathText.member(path, "end"), "active traffic (is_active true) must not have an end")
        }
    }

    static let registryValue = NestedObjectRule(
        properties: ["name": .string, "data": .string, "data_type": .oneOf([
            "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN",
            "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST",
            "REG_QWORD", "REG_INVALID_TYPE",
        ])],
        constraints: [.atLeastOne(["name", "data", "data_type"])]
    )
}

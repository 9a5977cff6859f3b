/// STIX dictionaries (`dictionary.json`): at least one entry, keys `[a-zA-Z0-9_-]{0,250}`, values not `null`
/// and lists not empty.
enum DictionaryCheck {
    static func check(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .object(let members) = value else {
            return context.error(value.isNull ? .nullValue : .propertyType, path(), "must be a dictionary, not \(value.kindName)")
        }
        if members.isEmpty { context.error(.propertyValue, path(), "must not be an empty dictionary") }
        for (key, member) in members {
            if !isValidKey(key) {
                context.error(.propertyName, JSONPathText.member(path(), key),
                              "dictionary key '\(key)' must be at most 250 ASCII letters, digits, '_' or '-'")
            }
            checkValue(member, { JSONPathText.member(path(), key) }, &context)
        }
    }

    static func isValidKey(_ key: String) -> Bool {
        key.utf8.count <= 250 && key.utf8.allSatisfy(SimpleFormats.isNameByte)
    }

    /// Values of dictionaries and custom properties: anything but `null` and `[]`.
    static func checkValue(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        switch value {
        case .null: context.error(.nullValue, path(), "must not be null")
        case .array(let items) where items.isEmpty: context.error(.emptyList, path(), "must not be an empty list")
        default: break
        }
    }
}

/// Hashes dictionaries (`hashes-type.json`): known algorithms' values have fixed shapes.
enum HashesCheck {
    static let shapes: [String: (length: ClosedRange<Int>, hexOnly: Bool)] = [
        "MD5": (32...32, true), "SHA-1": (40...40, true), "SHA-256": (64...64, true), "SHA-512": (128...128, true),
        "SHA3-256": (64...64, true), "SHA3-512": (128...128, true), "SSDEEP": (1...128, false), "TLSH": (70...70, false),
    ]

    static func check(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .object(let members) = value else {
            return context.error(value.isNull ? .nullValue : .propertyType, path(), "must be a hashes dictionary, not \(value.kindName)")
        }
        if members.isEmpty { context.error(.propertyValue, path(), "must not be an empty dictionary") }
        for (algorithm, hash) in members {
            func memberPath() -> String { JSONPathText.member(path(), algorithm) }
            guard case .string(let text) = hash else {
                context.error(hash.isNull ? .nullValue : .propertyType, memberPath(), "hash value must be a string")
                continue
            }
            if let shape = shapes[algorithm] {
                if !isValid(text, shape.length, hexOnly: shape.hexOnly, algorithm: algorithm) {
                    context.error(.format, memberPath(), "'\(text)' is not a valid \(algorithm) hash")
                }
            } else if algorithm.utf8.count < 3 || !DictionaryCheck.isValidKey(algorithm) {
                context.error(.propertyName, memberPath(), "hash algorithm name '\(algorithm)' must be 3-250 letters, digits, '_' or '-'")
            }
        }
    }

    private static func isValid(_ text: String, _ length: ClosedRange<Int>, hexOnly: Bool, algorithm: String) -> Bool {
        guard length.contains(text.utf8.count) else { return false }
        if hexOnly { return text.utf8.allSatisfy(SimpleFormats.isHexDigit) }
        if algorithm == "TLSH" {
            return text.utf8.allSatisfy { STIXIdentifier.isLower($0 | 0x20) && ($0 | 0x20) <= UInt8(ascii: "z") || STIXIdentifier.isDigit($0) }
        }
        // SSDEEP: [a-zA-Z0-9/+:.]
        return text.utf8.allSatisfy {
            (SimpleFormats.isNameByte($0) && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-"))
                || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
        }
    }
}

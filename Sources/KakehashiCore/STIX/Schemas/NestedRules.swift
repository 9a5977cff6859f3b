/// Rules for the nested object types of STIX 2.1 §2 (external reference, kill chain phase, granular marking).
enum NestedRules {
    static let killChainPhase = NestedObjectRule(
        properties: ["kill_chain_name": .string, "phase_name": .string],
        required: ["kill_chain_name", "phase_name"]
    )

    static let granularMarking = NestedObjectRule(
        properties: [
            "selectors": .list(.custom(selector)),
            "lang": .string,
            "marking_ref": .identifier(.types(["marking-definition"])),
        ],
        required: ["selectors", "marking_ref"]
    )

    static let externalReference = NestedObjectRule(
        properties: [
            "source_name": .string,
            "description": .string,
            "url": .format(.uri),
            "external_id": .string,
            "hashes": .custom(externalReferenceHashes),
        ],
        required: ["source_name"],
        constraints: [.custom(externalReferenceIDs)]
    )

    /// `^([a-z0-9_-]{3,249}(\.(\[\d+\]|[a-z0-9_-]{1,250}))*|id)$`
    @Sendable static func selector(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        guard case .string(let text) = value else {
            return context.error(.propertyType, path(), "selector must be a string, not \(value.kindName)")
        }
        if !isValidSelector(text) { context.error(.marking, path(), "'\(text)' is not a valid selector") }
    }

    static func isValidSelector(_ text: String) -> Bool {
        if text == "id" { return true }
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        func isName(_ part: Substring, _ range: ClosedRange<Int>) -> Bool {
            range.contains(part.utf8.count) && part.utf8.allSatisfy {
                STIXIdentifier.isLower($0) || STIXIdentifier.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
        }
        guard let first = segments.first, isName(first, 3...249) else { return false }
        return segments.dropFirst().allSatisfy { segment in
            if segment.hasPrefix("[") && segment.hasSuffix("]") && segment.count > 2 {
                return segment.dropFirst().dropLast().allSatisfy(\.isASCII) && segment.dropFirst().dropLast().allSatisfy(\.isNumber)
            }
            return isName(segment, 1...250)
        }
    }

    /// External-reference hashes: a hashes dictionary whose keys name a known algorithm.
    @Sendable static func externalReferenceHashes(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        HashesCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        let known = ["SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP"]
        for key in members.keys where !(key.hasPrefix("MD5") || key.hasSuffix("TLSH") || known.contains(where: key.contains)) {
            context.error(.propertyName, JSONPathText.member(path(), key), "'\(key)' is not a hash algorithm allowed in external references")
        }
    }

    /// `cve`/`capec` sources need matching ids; other sources must not use such ids and need an id, description or url.
    @Sendable static func externalReferenceIDs(_ members: [String: JSONValue], _ path: String, _ context: inout ValidationContext) {
        guard let source = members["source_name"]?.stringValue else { return }
        let externalID = members["external_id"]?.stringValue
        switch source {
        case "cve":
            if !(externalID.map(isCVE) ?? false) {
                context.error(.format, JSONPathText.member(path, "external_id"), "a 'cve' reference needs an external_id of the form CVE-YYYY-NNNN")
            }
        case "capec":
            if !(externalID.map(isCAPEC) ?? false) {
                context.error(.format, JSONPathText.member(path, "external_id"), "a 'capec' reference needs an external_id of the form CAPEC-N")
            }
        default:
            if let externalID, isCVE(externalID) || isCAPEC(externalID) {
                context.error(.propertyCombination, JSONPathText.member(path, "external_id"),
                              "'\(externalID)' needs source_name 'cve' or 'capec', not '\(source)'")
            }
            if members["external_id"] == nil && members["description"] == nil && members["url"] == nil {
                context.error(.requiredProperty, path, "needs at least one of: external_id, description, url")
            }
        }
    }

    /// `^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$`
    static func isCVE(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "CVE", parts[1].count == 4, parts[1].utf8.allSatisfy(STIXIdentifier.isDigit) else { return false }
        let number = parts[2]
        guard number.utf8.count >= 4, number.utf8.allSatisfy(STIXIdentifier.isDigit) else { return false }
        return number.first != "0" || number.utf8.count == 4
    }

    /// `^CAPEC-\d+$`
    static func isCAPEC(_ text: String) -> Bool {
        text.hasPrefix("CAPEC-") && text.utf8.count > 6 && text.utf8.dropFirst(6).allSatisfy(STIXIdentifier.isDigit)
    }
}

/// The predefined extensions of `network-traffic` (STIX 2.1 §6.12.2–6.12.5).
enum NetworkTrafficExtensions {
    static let all: [String: NestedObjectRule] = [
        "http-request-ext": NestedObjectRule(properties: [
            "request_method": .string, "request_value": .string, "request_version": .string,
            "request_header": .custom(requestHeader), "message_body_length": .integer(),
            "message_body_data_ref": .obsRef(["artifact"]),
        ], required: ["request_method", "request_value"]),
        "icmp-ext": NestedObjectRule(properties: ["icmp_type_hex": .format(.hex), "icmp_code_hex": .format(.hex)],
                                     required: ["icmp_type_hex", "icmp_code_hex"]),
        "socket-ext": NestedObjectRule(properties: [
            "address_family": .oneOf(["AF_UNSPEC", "AF_INET", "AF_IPX", "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH"]),
            "is_blocking": .boolean, "is_listening": .boolean, "options": .custom(socketOptions),
            "socket_type": .oneOf(["SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET"]),
            "socket_descriptor": .integer(0...Int64.max), "socket_handle": .integer(),
        ], required: ["address_family"]),
        "tcp-ext": NestedObjectRule(properties: ["src_flags_hex": .format(.hex), "dst_flags_hex": .format(.hex)],
                                    constraints: [.atLeastOne(["src_flags_hex", "dst_flags_hex"])]),
    ]

    /// Request headers: a dictionary of lists of strings.
    @Sendable static func requestHeader(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        for (key, header) in members where !(header.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false) {
            context.error(.propertyType, JSONPathText.member(path(), key), "a request header must be a list of strings")
        }
    }

    /// Socket options: names like `SO_REUSEADDR` with integer values.
    @Sendable static func socketOptions(_ value: JSONValue, _ path: PathBuilder, _ context: inout ValidationContext) {
        DictionaryCheck.check(value, path, &context)
        guard case .object(let members) = value else { return }
        let prefixes = ["SO", "ICMP", "ICMP6", "IP", "IPV6", "MCAST", "TCP", "IRLMP"]
        for (key, option) in members {
            let parts = key.split(separator: "_", omittingEmptySubsequences: false)
            let nameOK = parts.count >= 2 && prefixes.contains(String(parts[0]))
                && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } }
            if !nameOK { context.error(.propertyName, JSONPathText.member(path(), key), "'\(key)' is not a socket option name") }
            if !(option.numberValue?.isIntegral ?? false) {
                context.error(.propertyType, JSONPathText.member(path(), key), "a socket option value must be an integer")
            }
        }
    }
}

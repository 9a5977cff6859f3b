extension PropertyRule {
    /// A reference to an SCO of one of `types` (warning only, as the 2.1 schemas only ask for a string).
    static func obsRef(_ types: [String] = []) -> PropertyRule { .observableReference(types) }
    /// A list of SCO references.
    static func obsRefs(_ types: [String] = []) -> PropertyRule { .list(.observableReference(types)) }
    /// A string drawn from an IANA registry (a stix2-validator MUST).
    static func iana(_ format: StringFormat, _ registry: Set<String>, _ what: String) -> PropertyRule {
        .custom { value, path, context in
            PropertyRule.format(format).check(value, at: path, in: &context)
            if let text = value.stringValue, format.accepts(text), !registry.contains(text) {
                context.error(.format, path(), "'\(text)' is not an IANA registered \(what)")
            }
        }
    }
}

/// STIX 2.1 §6: the eighteen cyber-observable objects, as `observables/*.json` describe them.
extension STIXSchemas {
    static let cyberObservables: [STIXTypeSchema] = [
        STIXTypeSchema("artifact", .cyberObservable, properties: [
            "mime_type": .iana(.mimeType, IANARegistries.mediaTypes, "media type"), "payload_bin": .format(.base64),
            "url": .format(.uri), "hashes": .hashes, "decryption_key": .string,
            "encryption_algorithm": .oneOf(["AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated"]),
        ], constraints: [.custom(ObservableRules.artifact), UUIDVersionRule.requireVersion4(unless: ["hashes", "payload_bin"])]),
        STIXTypeSchema("autonomous-system", .cyberObservable, required: ["number"], properties: [
            "number": .integer(), "name": .string, "rir": .string,
        ]),
        STIXTypeSchema("directory", .cyberObservable, required: ["path"], properties: [
            "path": .string, "path_enc": .iana(.charset, IANARegistries.characterSets, "character set"),
            "ctime": .timestamp, "mtime": .timestamp, "atime": .timestamp, "contains_refs": .obsRefs(["file", "directory"]),
        ]),
        STIXTypeSchema("domain-name", .cyberObservable, required: ["value"], properties: [
            "value": .format(.hostname), "resolves_to_refs": .obsRefs(["ipv4-addr", "ipv6-addr", "domain-name"]),
        ]),
        STIXTypeSchema("email-addr", .cyberObservable, required: ["value"], properties: [
            "value": .format(.email), "display_name": .string, "belongs_to_ref": .obsRef(["user-account"]),
        ]),
        STIXTypeSchema("email-message", .cyberObservable, required: ["is_multipart"], properties: [
            "is_multipart": .boolean, "date": .timestamp, "content_type": .string, "from_ref": .obsRef(["email-addr"]),
            "sender_ref": .obsRef(["email-addr"]), "to_refs": .obsRefs(["email-addr"]), "cc_refs": .obsRefs(["email-addr"]),
            "bcc_refs": .obsRefs(["email-addr"]), "message_id": .string, "subject": .string,
            "received_lines": .list(.string, minimumOne: false), "additional_header_fields": .custom(ObservableRules.headerFields),
            "body": .string, "body_multipart": .list(.object(ObservableRules.mimePart), minimumOne: false),
            "raw_email_ref": .obsRef(["artifact"]),
        ], constraints: [.custom(ObservableRules.emailBody), UUIDVersionRule.requireVersion4(unless: ["from_ref", "subject", "body"])]),
        STIXTypeSchema("file", .cyberObservable, properties: [
            "hashes": .hashes, "size": .integer(0...Int64.max), "name": .string,
            "name_enc": .iana(.charset, IANARegistries.characterSets, "character set"), "magic_number_hex": .format(.hex),
            "mime_type": .string, "ctime": .timestamp, "mtime": .timestamp, "atime": .timestamp,
            "parent_directory_ref": .obsRef(["directory"]), "contains_refs": .obsRefs(), "content_ref": .obsRef(["artifact"]),
        ], constraints: [.atLeastOne(["hashes", "name"])], extensions: FileExtensions.all),
        STIXTypeSchema("ipv4-addr", .cyberObservable, required: ["value"], properties: [
            "value": .format(.ipv4), "resolves_to_refs": .obsRefs(["mac-addr"]), "belongs_to_refs": .obsRefs(["autonomous-system"]),
        ]),
        STIXTypeSchema("ipv6-addr", .cyberObservable, required: ["value"], properties: [
            "value": .format(.ipv6), "resolves_to_refs": .obsRefs(["mac-addr"]), "belongs_to_refs": .obsRefs(["autonomous-system"]),
        ]),
        STIXTypeSchema("mac-addr", .cyberObservable, required: ["value"], properties: ["value": .format(.macAddress)]),
        STIXTypeSchema("mutex", .cyberObservable, required: ["name"], properties: ["name": .string]),
        STIXTypeSchema("network-traffic", .cyberObservable, required: ["protocols"], properties: [
            "start": .timestamp, "end": .timestamp, "is_active": .boolean,
            "src_ref": .obsRef(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            "dst_ref": .obsRef(["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            "src_port": .integer(0...65535), "dst_port": .integer(0...65535), "protocols": .strings,
            "src_byte_count": .integer(), "dst_byte_count": .integer(), "src_packets": .integer(), "dst_packets": .integer(),
            "ipfix": .custom(ObservableRules.ipfix), "src_payload_ref": .obsRef(["artifact"]),
            "dst_payload_ref": .obsRef(["artifact"]), "encapsulates_refs": .obsRefs(["network-traffic"]),
            "encapsulated_by_ref": .obsRef(["network-traffic"]),
        ], constraints: [
            .atLeastOne(["src_ref", "dst_ref"]), .custom(ObservableRules.activeTraffic),
            TimestampOrder.constraint("end", atLeast: "start"),
        ], extensions: NetworkTrafficExtensions.all),
        STIXTypeSchema("process", .cyberObservable, properties: [
            "is_hidden": .boolean, "pid": .integer(), "created_time": .timestamp, "cwd": .string, "command_line": .string,
            "environment_variables": .dictionary, "opened_connection_refs": .obsRefs(["network-traffic"]),
            "creator_user_ref": .obsRef(["user-account"]), "image_ref": .obsRef(["file"]), "parent_ref": .obsRef(["process"]),
            "child_refs": .obsRefs(["process"]),
        ], constraints: [
            .atLeastOne(["extensions", "is_hidden", "pid", "name", "created", "cwd", "arguments", "command_line",
                         "environment_variables", "opened_connection_refs", "creator_user_ref", "image_ref", "parent_ref",
                         "child_refs"]),
            UUIDVersionRule.requireVersion4(),
        ], extensions: ProcessExtensions.all),
        STIXTypeSchema("software", .cyberObservable, required: ["name"], properties: [
            "name": .string, "cpe": .format(.cpe), "swid": .string, "languages": .list(.format(.softwareLanguage)),
            "vendor": .string, "version": .string,
        ]),
        STIXTypeSchema("url", .cyberObservable, required: ["value"], properties: ["value": .format(.uri)]),
        STIXTypeSchema("user-account", .cyberObservable, properties: UserAccountRules.properties,
                       constraints: [.atLeastOne(["extensions"] + UserAccountRules.properties.keys.sorted()),
                                     UUIDVersionRule.requireVersion4(unless: ["account_type", "user_id", "account_login"])],
                       extensions: UserAccountRules.extensions),
        STIXTypeSchema("windows-registry-key", .cyberObservable, properties: [
            "key": .format(.registryKey), "values": .list(.object(ObservableRules.registryValue), minimumOne: false),
            "modified_time": .timestamp, "creator_user_ref": .obsRef(["user-account"]), "number_of_subkeys": .integer(),
        ], constraints: [.atLeastOne(["key", "values", "modified", "creator_user_ref", "number_of_subkeys"]),
                         UUIDVersionRule.requireVersion4(unless: ["key", "values"])]),
        STIXTypeSchema("x509-certificate", .cyberObservable, properties: X509Rules.properties,
                       constraints: [.atLeastOne(X509Rules.properties.keys.sorted()),
                                     UUIDVersionRule.requireVersion4(unless: ["hashes", "serial_number"])]),
    ]
}

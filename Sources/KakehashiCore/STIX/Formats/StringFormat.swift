/// String formats that STIX properties require, each checked the way stix2-validator checks it.
enum StringFormat: Sendable {
    /// RFC 3986 URI (the schema's `format: uri`).
    case uri
    /// `^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$` (stix2-validator's `email` check).
    case email
    /// An internationalized host name, as the `idna` package accepts it.
    case hostname
    /// Dotted-quad IPv4, optionally with a `/0`–`/32` CIDR suffix.
    case ipv4
    /// IPv6 with optional zone and `/0`–`/128` suffix.
    case ipv6
    /// Lowercase colon-separated MAC-48.
    case macAddress
    /// Pairs of hex digits.
    case hex
    /// Base64 with padding.
    case base64
    /// `type/subtype` with one of the IANA top-level types.
    case mimeType
    /// A character-set name (`[a-zA-Z0-9/.+_:-]{2,250}`).
    case charset
    /// A CPE 2.3 formatted string.
    case cpe
    /// A software language code (RFC 5646 subset).
    case softwareLanguage
    /// A Windows registry key that does not use the abbreviated hive names.
    case registryKey
    /// A relationship type (`[a-z0-9-]+`).
    case relationshipType

    /// True when `text` has this format.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .uri: URIFormat.isValid(text)
        case .email: SimpleFormats.isEmail(text)
        case .hostname: HostnameFormat.isValid(text)
        case .ipv4: IPAddressFormat.isIPv4(text)
        case .ipv6: IPAddressFormat.isIPv6(text)
        case .macAddress: SimpleFormats.isMACAddress(text)
        case .hex: SimpleFormats.isHex(text)
        case .base64: SimpleFormats.isBase64(text)
        case .mimeType: SimpleFormats.isMIMEType(text)
        case .charset: SimpleFormats.isCharsetName(text)
        case .cpe: CPEFormat.isValid(text)
        case .softwareLanguage: STIXLanguageCodes.isSoftwareLanguage(text)
        case .registryKey: SimpleFormats.isRegistryKey(text)
        case .relationshipType: SimpleFormats.isRelationshipType(text)
        }
    }

    /// How the format is named in error messages.
    var name: String {
        switch self {
        case .uri: "a URI"
        case .email: "an e-mail address"
        case .hostname: "a host name"
        case .ipv4: "an IPv4 address or CIDR block"
        case .ipv6: "an IPv6 address or CIDR block"
        case .macAddress: "a lowercase MAC address (aa:bb:cc:dd:ee:ff)"
        case .hex: "hexadecimal (pairs of hex digits)"
        case .base64: "base64"
        case .mimeType: "a MIME type (type/subtype)"
        case .charset: "a character set name"
        case .cpe: "a CPE 2.3 name"
        case .softwareLanguage: "an RFC 5646 language code"
        case .registryKey: "a registry key with a full hive name (e.g. HKEY_LOCAL_MACHINE)"
        case .relationshipType: "a relationship type of lowercase letters, digits and hyphens"
        }
    }
}

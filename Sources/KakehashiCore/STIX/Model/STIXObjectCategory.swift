/// The families of STIX objects, which share common properties and rules.
public enum STIXObjectCategory: String, Sendable, Hashable {
    /// STIX Domain Object (indicator, malware…), including custom object types with `created`.
    case domainObject = "sdo"
    /// STIX Relationship Object (relationship, sighting).
    case relationshipObject = "sro"
    /// STIX Cyber-observable Object (file, ipv4-addr…), including custom types without `created`.
    case cyberObservable = "sco"
    /// `marking-definition`.
    case markingDefinition = "marking-definition"
    /// `language-content`.
    case languageContent = "language-content"
    /// `extension-definition`.
    case extensionDefinition = "extension-definition"

    /// True for the categories whose objects are versioned with `created`/`modified`.
    public var isVersioned: Bool {
        switch self {
        case .domainObject, .relationshipObject, .languageContent, .extensionDefinition: true
        case .cyberObservable, .markingDefinition: false
        }
    }
}

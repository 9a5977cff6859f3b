/// What kind of incident this is.
public enum IncidentCategory: String, Sendable, Codable, CaseIterable {
    case ransomware
    case ddos
    case unauthorisedAccess = "unauthorised-access"
    case malware
    case dataBreach = "data-breach"
    case supplyChain = "supply-chain"
    case other
}

/// Where the organisation believes the attacker got in.
public enum EntryVector: String, Sendable, Codable, CaseIterable {
    case phishing
    case vulnerabilityExploitation = "vulnerability-exploitation"
    case validAccounts = "valid-accounts"
    case remoteService = "remote-service"
    case supplyChain = "supply-chain"
    case removableMedia = "removable-media"
    case insider
    case unknown
    case other
}

/// Where the incident stands.
public enum IncidentStatus: String, Sendable, Codable, CaseIterable {
    case ongoing
    case contained
    case recovering
    case resolved
}

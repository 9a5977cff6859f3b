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

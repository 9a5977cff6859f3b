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

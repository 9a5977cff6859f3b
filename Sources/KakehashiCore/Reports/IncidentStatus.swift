/// Where the incident stands.
public enum IncidentStatus: String, Sendable, Codable, CaseIterable {
    case ongoing
    case contained
    case recovering
    case resolved
}

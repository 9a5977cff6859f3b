/// Who, beyond the legal recipients, a report may be shared with.
public enum SharingAudience: String, Sendable, Codable, CaseIterable {
    /// The sector ISAC (e.g. Transportation ISAC Japan).
    case isac
    /// The national center, beyond what the law already requires.
    case nationalCenter = "national-center"
}

/// Why a report cannot be shared.
public enum SharingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reporter did not consent to sharing with this audience.
    case noConsent(incidentID: String, audience: SharingAudience)
    /// The whole report is TLP:RED: for its named recipients only.
    case labelForbids(incidentID: String, label: TLPLevel)
    /// The incident has no submitted (non-draft) version; drafts are never shared.
    case nothingSubmitted(incidentID: String)

    public var description: String {
        switch self {
        case .noConsent(let id, let audience): "incident \(id): the reporter has not consented to sharing with \(audience.rawValue)"
        case .labelForbids(let id, let label): "incident \(id): the report is \(label.displayName) and may not go beyond its named recipients"
        case .nothingSubmitted(let id): "incident \(id): no submitted version to share (drafts are never shared)"
        }
    }
}

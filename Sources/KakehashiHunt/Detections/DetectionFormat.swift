/// The files a detection pack is written as.
public enum DetectionFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A Zeek Intelligence Framework file.
    case zeek
    /// Suricata rules, one per entry, each with its own SID.
    case suricata
    /// A Suricata dataset file (one kind of value).
    case suricataDataset = "suricata-dataset"
    /// A Suricata IP reputation file (`address,category,score`).
    case iprep
    /// One value a line, for firewalls and DNS blocklists.
    case plain
    /// Every entry with its indicator, as CSV.
    case csv
    /// The pack as JSON: entries, removals, untranslatable indicators and the cursor.
    case report

    /// Why this format cannot carry `kind` at all, or `nil` when it can.
    public func refusal(of kind: DetectionKind) -> String? {
        switch self {
        case .zeek, .plain, .csv, .report:
            return nil
        case .suricata:
            switch kind {
            case .address, .subnet, .domain, .url: return nil
            case .md5, .sha1, .sha256: return "a Suricata rule cannot carry a file hash inline; use format=suricata-dataset&kind=\(kind.rawValue)"
            default: return "Suricata rules here carry addresses, CIDRs, domains and URLs; \(kind.rawValue) has no rule"
            }
        case .suricataDataset:
            switch kind {
            case .address, .domain, .url, .md5, .sha256: return nil
            case .subnet: return "a Suricata dataset holds single addresses; use format=iprep for CIDR blocks"
            default: return "Suricata datasets have no type for \(kind.rawValue)"
            }
        case .iprep:
            return kind == .address || kind == .subnet ? nil : "an IP reputation file holds addresses and CIDR blocks only"
        }
    }

    /// Why this format cannot carry `entry`, or `nil` when it can.
    public func refusal(of entry: DetectionEntry) -> String? {
        if let refusal = refusal(of: entry.kind) { return refusal }
        if self == .suricata, entry.kind == .url, entry.value.lowercased().hasPrefix("https://") {
            return "'\(entry.value)' is an https URL: Suricata sees only the encrypted session, so no rule matches it exactly"
        }
        return nil
    }

    /// Whether entries of this format carry SIDs.
    public var needsSIDs: Bool { self == .suricata }

    /// Whether the format can say what to remove since a cursor.
    public var hasDelta: Bool { self == .zeek || self == .csv || self == .report }

    /// The kinds a file of this format holds when the caller names none.
    public var defaultKinds: Set<DetectionKind> {
        switch self {
        case .suricataDataset: [.address]
        case .plain: [.address, .subnet]
        default: Set(DetectionKind.allCases)
        }
    }

    /// The media type of the file.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .report: "application/json"
        default: "text/plain; charset=utf-8"
        }
    }
}

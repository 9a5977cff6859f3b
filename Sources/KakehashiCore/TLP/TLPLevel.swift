/// A Traffic Light Protocol 2.0 label, ordered from least to most restrictive.
///
/// The hub stores and compares labels by this enum; on the wire they are the OASIS
/// STIX marking-definition ids (see ``TLPLevel/markingDefinitionID``).
public enum TLPLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case clear
    case green
    case amber
    case amberStrict = "amber+strict"
    case red

    /// The id of the OASIS TLP 2.0 marking definition for this label.
    public var markingDefinitionID: String {
        switch self {
        case .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }

    /// The id of the OASIS TLP 1.0 marking definition that corresponds to this label, if any.
    ///
    /// TLP 1.0 had WHITE (now CLEAR) and no AMBER+STRICT.
    public var tlp1MarkingDefinitionID: String? {
        switch self {
        case .clear: "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"
        case .green: "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"
        case .amber: "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"
        case .amberStrict: nil
        case .red: "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"
        }
    }

    /// The label's name as TLP 2.0 writes it, e.g. `TLP:AMBER+STRICT`.
    public var displayName: String { "TLP:" + rawValue.uppercased() }

    /// Finds the label that a marking-definition id (TLP 1.0 or 2.0) stands for.
    public init?(markingDefinitionID id: String) {
        guard let level = TLPLevel.allCases.first(where: { $0.markingDefinitionID == id || $0.tlp1MarkingDefinitionID == id }) else {
            return nil
        }
        self = level
    }

    /// Parses `clear`, `TLP:AMBER+STRICT`, `white` (TLP 1.0's name for CLEAR), case-insensitively.
    public init?(label: String) {
        var text = label.lowercased()
        if text.hasPrefix("tlp:") { text.removeFirst(4) }
        if text == "white" { text = "clear" }
        guard let level = TLPLevel(rawValue: text) else { return nil }
        self = level
    }

    private var rank: Int { TLPLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: TLPLevel, rhs: TLPLevel) -> Bool { lhs.rank < rhs.rank }
}

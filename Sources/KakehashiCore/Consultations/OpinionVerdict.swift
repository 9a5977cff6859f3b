import Foundation

/// What a member says of an indicator or report it received.
public enum OpinionVerdict: String, Sendable, Codable, CaseIterable {
    case useful
    case falsePositive = "false-positive"
    case alreadySeen = "already-seen"

    /// The STIX 2.1 `opinion` enumeration value that carries it.
    public var stixOpinion: String {
        switch self {
        case .useful: "agree"
        case .falsePositive: "strongly-disagree"
        case .alreadySeen: "neutral"
        }
    }
}

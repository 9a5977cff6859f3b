import Foundation
import KakehashiCore

/// A stored version as federation sends it: its JSON text unchanged, what the egress decision needs, and the
/// local date added that the push cursor follows.
public struct OutboundVersion: Sendable, Equatable {
    public var dateAdded: Int64
    public var objectID: String
    /// The STIX version (`modified`, else `created`), as TAXII names it.
    public var versionText: String?
    public var json: String
    /// What ``EgressPolicy`` decides on: the object's own marking, its collection's default, its producer,
    /// RED recipients and the chain of hubs it came through before this one.
    public var subject: EgressPolicy.Subject
    /// The peer it came from, if it came from one (a version never goes back to the peer it came from).
    public var sourcePeer: UUID?
}

/// A page of outbound versions, in date-added order.
public struct OutboundPage: Sendable {
    public var versions: [OutboundVersion]
    /// Whether more versions follow the last one.
    public var more: Bool
}

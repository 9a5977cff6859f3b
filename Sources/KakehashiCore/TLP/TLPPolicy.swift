import Foundation

/// Who may see an object under TLP 2.0, and where it may go. Every read path asks this one place.
///
/// - CLEAR and GREEN reach every reader of the collection.
/// - AMBER and AMBER+STRICT reach the collection's readers but never leave the community.
/// - RED reaches only the producing organisation and the organisations it names.
public enum TLPPolicy {
    /// Where information would go when it leaves the hub.
    public enum Destination: Sendable {
        /// Another sharing hub or ISAC platform (outside this community).
        case peerHub
        /// A public feed or web page.
        case publicFeed
    }

    /// The label that applies to an object: its own TLP marking, else the collection's default.
    public static func effectiveLevel(marked: TLPLevel?, collectionDefault: TLPLevel) -> TLPLevel {
        marked ?? collectionDefault
    }

    /// Whether a reader of the collection from `viewer` may see an object.
    /// - Parameters:
    ///   - level: the object's effective TLP.
    ///   - producer: the organisation that shared it.
    ///   - redRecipients: STIX identity ids the producer named for TLP:RED.
    ///   - viewer: the organisation asking.
    public static func isVisible(level: TLPLevel, producer: UUID, redRecipients: [String], to viewer: Organisation) -> Bool {
        guard level == .red else { return true }
        return producer == viewer.id || redRecipients.contains(viewer.stixIdentityID)
    }

    /// Whether information at `level` may be sent to `destination`.
    public static func mayLeave(_ level: TLPLevel, to destination: Destination) -> Bool {
        switch destination {
        case .publicFeed: level == .clear
        case .peerHub: level == .clear || level == .green
        }
    }
}

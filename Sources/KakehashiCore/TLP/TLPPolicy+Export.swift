import Foundation

extension TLPPolicy {
    /// Who an export of a collection is for.
    public enum Audience: String, Sendable, Hashable, CaseIterable {
        /// A member of the community downloading what it may read (every label it can see).
        case community
        /// Another sharing hub or ISAC platform: CLEAR and GREEN only.
        case peerHub = "peer-hub"
        /// A public feed: CLEAR only.
        case publicFeed = "public"

        /// Whether an object at `level` may go to this audience.
        public func permits(_ level: TLPLevel) -> Bool {
            switch self {
            case .community: true
            case .peerHub: TLPPolicy.mayLeave(level, to: .peerHub)
            case .publicFeed: TLPPolicy.mayLeave(level, to: .publicFeed)
            }
        }
    }

    /// An object as it leaves the hub: one without a TLP marking gets the TLP 2.0 marking of the level
    /// that applied to it inside the hub (the collection's default), so its handling rule travels with it.
    /// Objects that carry a TLP marking, and marking definitions themselves, are returned unchanged.
    public static func labelled(_ object: JSONValue, level: TLPLevel) -> JSONValue {
        guard case .object = object, object["type"]?.stringValue != "marking-definition" else { return object }
        var refs: [JSONValue] = []
        if case .array(let existing)? = object["object_marking_refs"] {
            if existing.contains(where: { $0.stringValue.flatMap(TLPLevel.init(markingDefinitionID:)) != nil }) { return object }
            refs = existing
        }
        var labelled = object
        labelled["object_marking_refs"] = .array(refs + [.string(level.markingDefinitionID)])
        return labelled
    }
}

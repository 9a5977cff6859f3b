// Tables and columns of federation: peers, their exchange state, refusals, provenance and deletions.
import SQLKit

extension Schema {
    /// `hub_settings`: the hub's own lasting settings, such as its hub id (key and value).
    enum HubSettings {
        static let table = SQLIdentifier("hub_settings")
        static let key = SQLIdentifier("key")
        static let value = SQLIdentifier("value")
    }

    /// `peers`: platforms this hub exchanges objects with, as an administrator declared them.
    enum Peers {
        static let table = SQLIdentifier("peers")
        static let id = SQLIdentifier("id")
        static let name = SQLIdentifier("name")
        static let kind = SQLIdentifier("kind")
        static let apiRoot = SQLIdentifier("api_root")
        static let remoteCollection = SQLIdentifier("remote_collection")
        /// `none`, `file:/path` or `env:NAME`; never the secret.
        static let credential = SQLIdentifier("credential")
        static let direction = SQLIdentifier("direction")
        static let localCollection = SQLIdentifier("local_collection")
        static let organisationID = SQLIdentifier("organisation_id")
        static let tlpCap = SQLIdentifier("tlp_cap")
        static let sameCommunity = SQLIdentifier("same_community")
        static let unmarkedDefault = SQLIdentifier("unmarked_default")
        static let intervalSeconds = SQLIdentifier("interval_seconds")
        static let paused = SQLIdentifier("paused")
        static let createdAt = SQLIdentifier("created_at")
    }

    /// `peer_state`: where each peer's exchange stands (one row per peer).
    enum PeerState {
        static let table = SQLIdentifier("peer_state")
        static let peerID = SQLIdentifier("peer_id")
        /// The pull cursor: the `added_after` to send next (the peer's own timestamp text), or null.
        static let pullCursor = SQLIdentifier("pull_cursor")
        /// The push cursor: the local date added (microseconds) of the last version sent or refused.
        static let pushCursor = SQLIdentifier("push_cursor")
        /// The peer's sequence of the last deletion notice taken from it (Kakehashi peers).
        static let pullDeletionCursor = SQLIdentifier("pull_deletion_cursor")
        /// The local sequence of the last deletion notice passed to it.
        static let pushDeletionCursor = SQLIdentifier("push_deletion_cursor")
        /// The hub id a Kakehashi peer reported.
        static let remoteHubID = SQLIdentifier("remote_hub_id")
        static let lastSuccessAt = SQLIdentifier("last_success_at")
        static let lastError = SQLIdentifier("last_error")
        static let lastErrorAt = SQLIdentifier("last_error_at")
        static let failures = SQLIdentifier("consecutive_failures")
        static let sent = SQLIdentifier("sent")
        static let received = SQLIdentifier("received")
        static let refused = SQLIdentifier("refused")
        static let lagObjects = SQLIdentifier("lag_objects")
        /// Milliseconds the oldest waiting version has waited.
        static let lagMillis = SQLIdentifier("lag_millis")
    }

    /// `peer_refusals`: each version refused on the way in or out, or reported failed by the peer, with why.
    enum PeerRefusals {
        static let table = SQLIdentifier("peer_refusals")
        static let id = SQLIdentifier("id")
        static let peerID = SQLIdentifier("peer_id")
        /// `in` or `out`.
        static let direction = SQLIdentifier("direction")
        static let objectID = SQLIdentifier("object_id")
        static let version = SQLIdentifier("version_text")
        static let code = SQLIdentifier("code")
        static let reason = SQLIdentifier("reason")
        static let at = SQLIdentifier("at")
    }

    /// `stix_provenance`: where each version that came from a peer came from, kept beside the object, never in it.
    enum STIXProvenance {
        static let table = SQLIdentifier("stix_provenance")
        static let collectionID = SQLIdentifier("collection_id")
        static let objectID = SQLIdentifier("object_id")
        static let version = SQLIdentifier("version")
        static let peerID = SQLIdentifier("peer_id")
        static let receivedAt = SQLIdentifier("received_at")
        /// JSON list of hub ids the version passed through before this hub, the first being where it was made.
        static let chain = SQLIdentifier("chain")
    }

    /// `stix_deletions`: deletion notices, made here by an administrator or received from a peer, in order.
    enum STIXDeletions {
        static let table = SQLIdentifier("stix_deletions")
        /// Strictly increasing per hub; the cursor peers follow.
        static let sequence = SQLIdentifier("sequence")
        static let collectionID = SQLIdentifier("collection_id")
        static let objectID = SQLIdentifier("object_id")
        /// The hub id of the origin, where the object was made and deleted.
        static let originHub = SQLIdentifier("origin_hub")
        /// The notice as the origin signed it (JSON text), passed on unchanged.
        static let notice = SQLIdentifier("notice")
        static let deletedAt = SQLIdentifier("deleted_at")
    }

    /// `peer_deletions`: TAXII DELETEs owed to foreign peers that were pushed a deleted object, and how each went.
    enum PeerDeletions {
        static let table = SQLIdentifier("peer_deletions")
        static let peerID = SQLIdentifier("peer_id")
        static let objectID = SQLIdentifier("object_id")
        /// `pending`, `done` or `refused`.
        static let state = SQLIdentifier("state")
        static let reason = SQLIdentifier("reason")
        static let at = SQLIdentifier("at")
    }
}

/// `/admin/peers`: the declared peers, where each exchange stands, and the form to declare one.
enum PeersPage {
    struct Model: PageModel {
        /// A version refused on the way in or out, or reported failed by the peer.
        struct Refusal: Encodable, Sendable, Equatable {
            let time: String
            /// In or out, in words.
            let direction: String
            let objectID: String
            let version: String
            let code: String
            let reason: String
        }

        /// A deletion the (foreign) peer refused to carry out.
        struct Deletion: Encodable, Sendable, Equatable {
            let time: String
            let objectID: String
            let reason: String
        }

        struct Entry: Encodable, Sendable, Equatable {
            let id: String
            let name: String
            let kind: String
            let apiRoot: String
            let remoteCollection: String
            let localCollection: String
            let organisation: String
            let direction: String
            let tlpCap: String
            /// The cap's label for the TLP badge's class (`amber`, `green`…).
            let tlpClass: String
            let sameCommunity: String
            let unmarkedDefault: String
            let interval: String
            let paused: Bool
            let status: String
            /// Where the credential is read from (`env:NAME`, `file:/path`, or none); never the secret.
            let credential: String
            let lagObjects: Int64
            let lagSeconds: String
            let lastSuccess: String
            let lastError: FalseWhenAbsent<String>
            let lastErrorAt: String
            let failures: Int
            let sent: Int64
            let received: Int64
            let refused: Int64
            let refusals: [Refusal]
            let refusedDeletions: [Deletion]
        }

        let frame: PageFrame
        let empty: Bool
        let peers: [Entry]
        /// The form to declare a peer.
        let fields: [FormField.Model]
        var notice: FalseWhenAbsent<String> = FalseWhenAbsent(nil)
    }
}

import Crypto
import Foundation

/// One entry of the tamper-evident audit log.
///
/// Each entry carries the hash of the entry before it, so the chain proves order and completeness:
/// editing, removing or swapping an entry breaks the hash at that position.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// Position in the chain, from 1, without gaps.
    public var sequence: Int64
    /// When it happened, in microseconds since 1970 (UTC).
    public var timeMicros: Int64
    public var actorUser: String?
    public var actorOrganisation: String?
    /// What was done, as `noun.verb`, e.g. `taxii.objects.read`.
    public var action: String
    public var objectType: String?
    public var objectID: String?
    public var clientAddress: String?
    /// Further facts as a JSON object text (kept as written so hashing is stable).
    public var details: String
    /// Hex SHA-256 of the previous entry (64 zeros for the first).
    public var previousHash: String
    /// Hex SHA-256 of this entry's canonical form.
    public var hash: String

    /// The hash that precedes the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Builds the entry that follows an entry with `previousHash` at `sequence`, computing its hash.
    public init(
        sequence: Int64,
        timeMicros: Int64,
        actorUser: String?,
        actorOrganisation: String?,
        action: String,
        objectType: String?,
        objectID: String?,
        clientAddress: String?,
        details: String,
        previousHash: String
    ) {
        self.sequence = sequence
        self.timeMicros = timeMicros
        self.actorUser = actorUser
        self.actorOrganisation = actorOrganisation
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.clientAddress = clientAddress
        self.details = details
        self.previousHash = previousHash
        self.hash = ""
        self.hash = computedHash()
    }

    /// The hash this entry's fields call for; differs from ``hash`` when the entry was altered.
    public func computedHash() -> String {
        // Length-prefixed fields: no field's content can be confused with another's boundary.
        var text = ""
        for field in [String(sequence), String(timeMicros), actorUser ?? "\u{0}", actorOrganisation ?? "\u{0}",
                      action, objectType ?? "\u{0}", objectID ?? "\u{0}", clientAddress ?? "\u{0}", details, previousHash] {
            text += "\(field.utf8.count):\(field);"
        }
        let digest = SHA256.hash(data: Data(text.utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}

import Crypto
import Foundation

/// Who this hub is to its peers: an Ed25519 signing key, and the hub id derived from its public key.
///
/// Because the id is derived from the key, anyone holding a notice that names its origin hub and carries the
/// origin's public key can check both that the key is that hub's and that the hub signed the notice, without
/// ever having talked to it (a deletion made at A and relayed by B reaches C verifiable).
public struct HubIdentity: Sendable {
    let key: Curve25519.Signing.PrivateKey

    /// A new identity.
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// The identity whose private key is `rawKey` (32 bytes).
    /// - Throws: ``FederationError`` when the bytes are not a key.
    public init(rawKey: Data) throws {
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawKey)
        } catch {
            throw FederationError("the hub's stored signing key is not an Ed25519 key: \(error)")
        }
    }

    /// The private key's bytes, for the hub's own storage only.
    public var rawKey: Data { key.rawRepresentation }

    /// The public key, base64.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// `hub--<uuid>`, derived from the public key.
    public var hubID: String { Self.hubID(publicKey: key.publicKey.rawRepresentation) }

    /// The hub id that belongs to a public key: the first 16 bytes of its SHA-256, as a version-8 UUID.
    public static func hubID(publicKey: Data) -> String {
        var bytes = Array(SHA256.hash(data: publicKey).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return "hub--" + uuid.uuidString.lowercased()
    }

    /// A signed notice that this hub's administrator deleted `objectID` (every version).
    public func deletionNotice(objectID: String, deletedAt: Date) -> DeletionNotice {
        var notice = DeletionNotice(objectID: objectID, originHub: hubID, originKey: publicKey, deletedAt: MicrosTimestamp.format(deletedAt.micros), signature: "")
        notice.signature = ((try? key.signature(for: Data(notice.signedText.utf8))) ?? Data()).base64EncodedString()
        return notice
    }
}

/// An origin hub's notice that it deleted an object, passed on unchanged from hub to hub.
public struct DeletionNotice: Sendable, Equatable, Codable {
    public var objectID: String
    /// The hub where the object was made and deleted.
    public var originHub: String
    /// The origin hub's public key (base64); its hub id is derived from it.
    public var originKey: String
    /// When the origin deleted it (RFC 3339, microseconds).
    public var deletedAt: String
    /// Ed25519 over ``signedText``, base64.
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case objectID = "object_id", originHub = "origin_hub", originKey = "origin_key", deletedAt = "deleted_at", signature
    }

    public init(objectID: String, originHub: String, originKey: String, deletedAt: String, signature: String) {
        self.objectID = objectID
        self.originHub = originHub
        self.originKey = originKey
        self.deletedAt = deletedAt
        self.signature = signature
    }

    /// What the origin signs: the fields, one per line, in a fixed order.
    var signedText: String { ["kakehashi-deletion-v1", objectID, originHub, deletedAt].joined(separator: "\n") }

    /// Checks that the key is the origin hub's and the origin signed the notice.
    /// - Throws: ``FederationError`` saying which check failed.
    public func verify() throws {
        guard let keyBytes = Data(base64Encoded: originKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes) else {
            throw FederationError("the deletion notice for \(objectID) carries no valid Ed25519 public key")
        }
        guard HubIdentity.hubID(publicKey: keyBytes) == originHub else {
            throw FederationError("the deletion notice for \(objectID) names \(originHub), but its key belongs to another hub")
        }
        guard let signature = Data(base64Encoded: signature), key.isValidSignature(signature, for: Data(signedText.utf8)) else {
            throw FederationError("the deletion notice for \(objectID) is not signed by \(originHub)")
        }
    }
}

/// A federation rule or exchange failed; says what and where.
public struct FederationError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

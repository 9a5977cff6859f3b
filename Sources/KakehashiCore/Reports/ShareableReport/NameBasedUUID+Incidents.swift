import Foundation
import KakehashiPrimitives

extension NameBasedUUID {
    /// The namespace of Kakehashi's shared incident objects (a fixed random UUID; never change it,
    /// or re-published reports would get new ids).
    public static let kakehashiIncidents = UUID(uuid: (0x6b, 0x61, 0x6b, 0x65, 0x68, 0x61, 0x4b, 0x68, 0x9a, 0x73, 0x68, 0x69, 0x2d, 0x69, 0x6e, 0x63))

    /// The lower-case version-5 UUID of `name` in ``kakehashiIncidents``, the form STIX ids use.
    public static func v5String(name: String) -> String {
        v5String(namespace: kakehashiIncidents, name: name)
    }
}

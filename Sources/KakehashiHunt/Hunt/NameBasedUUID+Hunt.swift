import Foundation
import KakehashiPrimitives

extension NameBasedUUID {
    /// The STIX 2.1 namespace for cyber-observable ids (section 2.9).
    public static let stixObservables = UUID(uuidString: "00abedb4-aa42-466c-9c01-fed23315a9b7")!
    /// Kakehashi's namespace for hunt outputs (sightings, observed-data).
    public static let kakehashiHunt = UUID(uuidString: "5a1e8f2c-6b1d-5d43-9c0e-6b616b656861")!
}

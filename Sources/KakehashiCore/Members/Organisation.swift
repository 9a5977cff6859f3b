import Foundation

/// A member organisation of the hub: an operator, a regulator, the national center, an ISAC or a vendor.
public struct Organisation: Sendable, Codable, Equatable, Identifiable {
    /// What kind of body an organisation is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case `operator`
        case regulator
        case nationalCenter = "national-center"
        case isac
        case vendor
    }

    /// An organisation's standing in the ISAC.
    public enum ISACTier: String, Sendable, Codable, CaseIterable {
        case regular
        case supporting
        case observer
    }

    public var id: UUID
    public var nameJa: String
    public var nameEn: String
    public var kind: Kind
    public var sectors: [Sector]
    public var isacTier: ISACTier?
    public var createdAt: Date

    /// The STIX identity id that stands for this organisation in shared objects.
    public var stixIdentityID: String { "identity--" + id.uuidString.lowercased() }

    public init(
        id: UUID = UUID(),
        nameJa: String,
        nameEn: String,
        kind: Kind,
        sectors: [Sector] = [],
        isacTier: ISACTier? = nil,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.kind = kind
        self.sectors = sectors
        self.isacTier = isacTier
        self.createdAt = createdAt
    }
}

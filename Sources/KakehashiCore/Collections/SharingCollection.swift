import Foundation

/// A community's shared store of STIX objects, served as one TAXII collection.
public struct SharingCollection: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var title: String
    public var description: String?
    /// A short name unique on the hub, e.g. `transport`.
    public var alias: String?
    /// The TLP an object without a TLP marking takes in this collection.
    public var defaultTLP: TLPLevel
    /// Organisations that may read the collection.
    public var readers: Set<UUID>
    /// Organisations that may add objects to the collection.
    public var writers: Set<UUID>
    public var createdAt: Date

    public init(id: UUID = UUID(), title: String, description: String? = nil, alias: String? = nil, defaultTLP: TLPLevel = .amber, readers: Set<UUID>, writers: Set<UUID>, createdAt: Date = Date()) {
        self.id = id
        self.title = title
        self.description = description
        self.alias = alias
        self.defaultTLP = defaultTLP
        self.readers = readers
        self.writers = writers
        self.createdAt = createdAt
    }

    /// Whether `organisation` may read the collection.
    public func canRead(_ organisation: UUID) -> Bool { readers.contains(organisation) }
    /// Whether `organisation` may add to the collection.
    public func canWrite(_ organisation: UUID) -> Bool { writers.contains(organisation) }
}

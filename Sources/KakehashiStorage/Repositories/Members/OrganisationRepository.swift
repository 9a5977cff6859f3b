import Foundation
import KakehashiCore
import SQLKit

/// Stores member organisations.
public struct OrganisationRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Adds an organisation.
    /// - Throws: ``StorageError`` `conflict` when another organisation already has the English name.
    public func create(_ organisation: Organisation) async throws {
        try await database.transaction { db in
            try await Self.insert(organisation, on: db)
        }
    }

    /// Adds an organisation inside an open transaction.
    static func insert(_ organisation: Organisation, on db: any SQLDatabase) async throws {
        let existing = try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table)
            .where(Schema.Organisations.nameEn, .equal, organisation.nameEn).first()
        if existing != nil {
            throw StorageError(.conflict, "an organisation named '\(organisation.nameEn)' already exists")
        }
        try await db.insert(into: Schema.Organisations.table)
            .columns(Schema.Organisations.id, Schema.Organisations.nameJa, Schema.Organisations.nameEn, Schema.Organisations.kind, Schema.Organisations.sectors, Schema.Organisations.isacTier, Schema.Organisations.createdAt)
            .values(
                SQLBind(organisation.id.dbText), SQLBind(organisation.nameJa), SQLBind(organisation.nameEn),
                SQLBind(organisation.kind.rawValue), SQLBind(organisation.sectors.map(\.rawValue).joined(separator: ",")),
                SQLBind(organisation.isacTier?.rawValue), SQLBind(organisation.createdAt.micros)
            )
            .run()
    }

    /// Every organisation, by English name.
    public func list() async throws -> [Organisation] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Organisations.table).orderBy(Schema.Organisations.nameEn).all().map(Self.decode)
        }
    }

    /// The organisation with `id`, if any.
    public func find(id: UUID) async throws -> Organisation? {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// Finds an organisation by id, or by its English or Japanese name.
    public func find(reference: String) async throws -> Organisation? {
        if let id = UUID(uuidString: reference), let found = try await find(id: id) { return found }
        return try await database.read { db in
            try await db.select().column("*").from(Schema.Organisations.table)
                .where(Schema.Organisations.nameEn, .equal, reference).orWhere(Schema.Organisations.nameJa, .equal, reference)
                .first().map(Self.decode)
        }
    }

    static func decode(_ row: any SQLRow) throws -> Organisation {
        let sectorText = try row.decode(column: Schema.Organisations.sectors, as: String.self)
        var sectors: [Sector] = []
        for name in sectorText.split(separator: ",") {
            guard let sector = Sector(rawValue: String(name)) else {
                throw StorageError(.invalid, "organisation sector '\(name)' is unknown")
            }
            sectors.append(sector)
        }
        let tier = try row.decode(column: Schema.Organisations.isacTier, as: String?.self)
        return Organisation(
            id: try row.uuid(Schema.Organisations.id),
            nameJa: try row.decode(column: Schema.Organisations.nameJa, as: String.self),
            nameEn: try row.decode(column: Schema.Organisations.nameEn, as: String.self),
            kind: try row.enumValue(Schema.Organisations.kind, as: Organisation.Kind.self),
            sectors: sectors,
            isacTier: tier.flatMap(Organisation.ISACTier.init(rawValue:)),
            createdAt: try row.date(Schema.Organisations.createdAt)
        )
    }
}

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
        let existing = try await db.select().column("id").from("organisations")
            .where("name_en", .equal, organisation.nameEn).first()
        if existing != nil {
            throw StorageError(.conflict, "an organisation named '\(organisation.nameEn)' already exists")
        }
        try await db.insert(into: "organisations")
            .columns("id", "name_ja", "name_en", "kind", "sectors", "isac_tier", "created_at")
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
            try await db.select().column("*").from("organisations").orderBy("name_en").all().map(Self.decode)
        }
    }

    /// The organisation with `id`, if any.
    public func find(id: UUID) async throws -> Organisation? {
        try await database.read { db in
            try await db.select().column("*").from("organisations").where("id", .equal, id.dbText).first().map(Self.decode)
        }
    }

    /// Finds an organisation by id, or by its English or Japanese name.
    public func find(reference: String) async throws -> Organisation? {
        if let id = UUID(uuidString: reference), let found = try await find(id: id) { return found }
        return try await database.read { db in
            try await db.select().column("*").from("organisations")
                .where("name_en", .equal, reference).orWhere("name_ja", .equal, reference)
                .first().map(Self.decode)
        }
    }

    static func decode(_ row: any SQLRow) throws -> Organisation {
        let sectorText = try row.decode(column: "sectors", as: String.self)
        var sectors: [Sector] = []
        for name in sectorText.split(separator: ",") {
            guard let sector = Sector(rawValue: String(name)) else {
                throw StorageError(.invalid, "organisation sector '\(name)' is unknown")
            }
            sectors.append(sector)
        }
        let tier = try row.decode(column: "isac_tier", as: String?.self)
        return Organisation(
            id: try row.uuid("id"),
            nameJa: try row.decode(column: "name_ja", as: String.self),
            nameEn: try row.decode(column: "name_en", as: String.self),
            kind: try row.enumValue("kind", as: Organisation.Kind.self),
            sectors: sectors,
            isacTier: tier.flatMap(Organisation.ISACTier.init(rawValue:)),
            createdAt: try row.date("created_at")
        )
    }
}

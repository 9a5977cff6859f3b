import Foundation
import KakehashiCore
import SQLKit

/// Each operator's critical-equipment registry. A registry is replaced whole (a CSV import applies
/// entirely or not at all) and every change is audited in the same transaction.
public struct EquipmentRepository: Sendable {
    let database: HubDatabase

    public init(database: HubDatabase) {
        self.database = database
    }

    /// Replaces `organisation`'s registry with `items`, in their order.
    /// - Throws: ``StorageError`` `notFound` for an unknown organisation.
    public func replace(organisation: UUID, items: [Equipment], audit: AuditRecord, now: Date = Date()) async throws {
        try await database.transaction { db in
            guard try await db.select().column(Schema.Organisations.id).from(Schema.Organisations.table).where(Schema.Organisations.id, .equal, organisation.dbText).first() != nil else {
                throw StorageError(.notFound, "organisation \(organisation.dbText) does not exist")
            }
            try await db.delete(from: Schema.Equipment.table).where(Schema.Equipment.organisationID, .equal, organisation.dbText).run()
            // 16 columns a row: 400 rows stay well inside both engines' limits on bound values.
            var position: Int64 = 0
            for chunk in stride(from: 0, to: items.count, by: 400) {
                var insert = db.insert(into: Schema.Equipment.table).columns(
                    "organisation_id", "item_id", "position", "name", "vendor", "product", "version", "model_numbers", "cpe",
                    "site", "function", "domain", "designated_critical", "critical_computer", "support_end", "updated_at")
                for item in items[chunk..<min(chunk + 400, items.count)] {
                    position += 1
                    insert = insert.values(
                        SQLBind(organisation.dbText), SQLBind(item.id), SQLBind(position), SQLBind(item.name), SQLBind(item.vendor),
                        SQLBind(item.product), SQLBind(item.version), SQLBind(try Self.encodeModels(item.modelNumbers)),
                        SQLBind(item.cpe?.formatted), SQLBind(item.site), SQLBind(item.function), SQLBind(item.domain.rawValue),
                        SQLBind(Int64(item.designatedCriticalEquipment ? 1 : 0)), SQLBind(Int64(item.criticalComputer ? 1 : 0)),
                        SQLBind(item.supportEnd?.description), SQLBind(now.micros))
                }
                try await insert.run()
            }
            try await AuditLog.append(audit, on: db, now: now)
        }
    }

    /// `organisation`'s registry in the order it was registered.
    public func list(organisation: UUID) async throws -> [Equipment] {
        try await database.read { db in
            try await db.select().column("*").from(Schema.Equipment.table).where(Schema.Equipment.organisationID, .equal, organisation.dbText)
                .orderBy(Schema.Equipment.position).all().map(Self.decode)
        }
    }

    /// Every registry, by organisation.
    public func all() async throws -> [UUID: [Equipment]] {
        try await database.read { db in
            var registries: [UUID: [Equipment]] = [:]
            for row in try await db.select().column("*").from(Schema.Equipment.table).orderBy(Schema.Equipment.organisationID).orderBy(Schema.Equipment.position).all() {
                registries[try row.uuid(Schema.Equipment.organisationID), default: []].append(try Self.decode(row))
            }
            return registries
        }
    }

    static func encodeModels(_ models: [String]) throws -> String {
        String(decoding: try JSONEncoder.hub(escapingSlashes: true).encode(models), as: UTF8.self)
    }

    static func decode(_ row: any SQLRow) throws -> Equipment {
        let itemID = try row.decode(column: Schema.Equipment.itemID, as: String.self)
        let modelsText = try row.decode(column: Schema.Equipment.modelNumbers, as: String.self)
        guard let models = try? JSONDecoder().decode([String].self, from: Data(modelsText.utf8)) else {
            throw StorageError(.invalid, "equipment \(itemID): column model_numbers holds '\(modelsText)', which is not a JSON list of strings")
        }
        let cpe: CPEName?
        do {
            cpe = try row.decode(column: Schema.Equipment.cpe, as: String?.self).map { text throws in try CPEName(text) }
        } catch {
            throw StorageError(.invalid, "equipment \(itemID): column cpe: \(error)")
        }
        let supportEnd = try row.decode(column: Schema.Equipment.supportEnd, as: String?.self)
        return Equipment(
            id: itemID, name: try row.decode(column: Schema.Equipment.name, as: String.self),
            vendor: try row.decode(column: Schema.Equipment.vendor, as: String.self), product: try row.decode(column: Schema.Equipment.product, as: String.self),
            version: try row.decode(column: Schema.Equipment.version, as: String?.self), modelNumbers: models, cpe: cpe,
            site: try row.decode(column: Schema.Equipment.site, as: String.self), function: try row.decode(column: Schema.Equipment.function, as: String.self),
            domain: try row.enumValue(Schema.Equipment.domain, as: Equipment.Domain.self),
            designatedCriticalEquipment: try row.decode(column: Schema.Equipment.designatedCritical, as: Int64.self) != 0,
            criticalComputer: try row.decode(column: Schema.Equipment.criticalComputer, as: Int64.self) != 0,
            supportEnd: supportEnd.flatMap(CalendarDay.init))
    }
}

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
        let engine = database.engine
        try await database.transaction { db in
            guard try await db.select().column("id").from("organisations").where("id", .equal, organisation.dbText).first() != nil else {
                throw StorageError(.notFound, "organisation \(organisation.dbText) does not exist")
            }
            try await db.delete(from: "equipment").where("organisation_id", .equal, organisation.dbText).run()
            // 16 columns a row: 400 rows stay well inside both engines' limits on bound values.
            var position: Int64 = 0
            for chunk in stride(from: 0, to: items.count, by: 400) {
                var insert = db.insert(into: "equipment").columns(
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
            try await AuditLog.append(audit, on: db, engine: engine, now: now)
        }
    }

    /// `organisation`'s registry in the order it was registered.
    public func list(organisation: UUID) async throws -> [Equipment] {
        try await database.read { db in
            try await db.select().column("*").from("equipment").where("organisation_id", .equal, organisation.dbText)
                .orderBy("position").all().map(Self.decode)
        }
    }

    /// Every registry, by organisation.
    public func all() async throws -> [UUID: [Equipment]] {
        try await database.read { db in
            var registries: [UUID: [Equipment]] = [:]
            for row in try await db.select().column("*").from("equipment").orderBy("organisation_id").orderBy("position").all() {
                registries[try row.uuid("organisation_id"), default: []].append(try Self.decode(row))
            }
            return registries
        }
    }

    static func encodeModels(_ models: [String]) throws -> String {
        String(decoding: try JSONEncoder.hub(escapingSlashes: true).encode(models), as: UTF8.self)
    }

    static func decode(_ row: any SQLRow) throws -> Equipment {
        let itemID = try row.decode(column: "item_id", as: String.self)
        let modelsText = try row.decode(column: "model_numbers", as: String.self)
        guard let models = try? JSONDecoder().decode([String].self, from: Data(modelsText.utf8)) else {
            throw StorageError(.invalid, "equipment \(itemID): column model_numbers holds '\(modelsText)', which is not a JSON list of strings")
        }
        let cpe: CPEName?
        do {
            cpe = try row.decode(column: "cpe", as: String?.self).map { text throws in try CPEName(text) }
        } catch {
            throw StorageError(.invalid, "equipment \(itemID): column cpe: \(error)")
        }
        let supportEnd = try row.decode(column: "support_end", as: String?.self)
        return Equipment(
            id: itemID, name: try row.decode(column: "name", as: String.self),
            vendor: try row.decode(column: "vendor", as: String.self), product: try row.decode(column: "product", as: String.self),
            version: try row.decode(column: "version", as: String?.self), modelNumbers: models, cpe: cpe,
            site: try row.decode(column: "site", as: String.self), function: try row.decode(column: "function", as: String.self),
            domain: try row.enumValue("domain", as: Equipment.Domain.self),
            designatedCriticalEquipment: try row.decode(column: "designated_critical", as: Int64.self) != 0,
            criticalComputer: try row.decode(column: "critical_computer", as: Int64.self) != 0,
            supportEnd: supportEnd.flatMap(CalendarDay.init))
    }
}

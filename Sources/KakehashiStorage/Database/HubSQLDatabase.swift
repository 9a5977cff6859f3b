import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// The `SQLDatabase` that repositories receive: SQLKit's database for the engine, and on SQLite the
/// connection behind it too.
///
/// Everything goes through SQLKit as before. A few hot paths (adding a TAXII envelope, reading a page of
/// objects) use the SQLite connection directly when it is there, binding and reading `SQLiteData`
/// without SQLKit's `Codable` encoders and decoders: those took about a quarter of a page read's CPU
/// time. On PostgreSQL the same paths run through SQLKit; the storage tests run both.
struct HubSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    /// The SQLite connection, used only while the caller holds the backend's lock (as every
    /// `read` and `transaction` body does).
    let sqlite: SQLiteConnection?

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }
}

extension SQLDatabase {
    /// The SQLite connection behind this database, for the storage layer's fast paths; `nil` on PostgreSQL.
    var sqliteConnection: SQLiteConnection? { (self as? HubSQLDatabase)?.sqlite }
}

extension SQLiteConnection {
    /// Runs one statement, turning each result row into a value on the connection's own thread.
    func rows<T: Sendable>(_ sql: String, _ binds: [SQLiteData], _ transform: @escaping @Sendable (SQLiteRow) throws -> T) async throws -> [T] {
        let collector = RowCollector<T>()
        try await query(sql, binds) { row in collector.add { try transform(row) } }
        return try collector.result()
    }

    /// Runs a query built with SQLKit (its SQL text and binds) without SQLKit's row decoding.
    func rows<T: Sendable>(_ query: any SQLExpression, on db: any SQLDatabase, _ transform: @escaping @Sendable (SQLiteRow) throws -> T) async throws -> [T] {
        let (sql, binds) = db.serialize(query)
        return try await rows(sql, try binds.map(SQLiteData.bind), transform)
    }
}

extension SQLiteData {
    /// A bound value as SQLite data: the few types the hub binds are converted directly, anything
    /// else through SQLiteKit's encoder.
    static func bind(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int64: .integer(Int(number))
        case let number as Int: .integer(number)
        case let flag as Bool: .integer(flag ? 1 : 0)
        default: try SQLiteDataEncoder().encode(value)
        }
    }
}

extension SQLiteRow {
    /// A text column's value.
    func text(_ column: String) throws -> String {
        guard case .text(let value)? = self.column(column) else { throw Self.mismatch(column, "text") }
        return value
    }

    /// A nullable text column's value.
    func optionalText(_ column: String) throws -> String? {
        switch self.column(column) {
        case .text(let value)?: return value
        case .null?: return nil
        default: throw Self.mismatch(column, "text or null")
        }
    }

    /// An integer column's value.
    func int64(_ column: String) throws -> Int64 {
        guard case .integer(let value)? = self.column(column) else { throw Self.mismatch(column, "integer") }
        return Int64(value)
    }

    /// A nullable integer column's value.
    func optionalInt64(_ column: String) throws -> Int64? {
        switch self.column(column) {
        case .integer(let value)?: return Int64(value)
        case .null?: return nil
        default: throw Self.mismatch(column, "integer or null")
        }
    }

    private static func mismatch(_ column: String, _ expected: String) -> StorageError {
        StorageError(.invalid, "column \(column) does not hold \(expected)")
    }
}

/// Rows gathered by a query's row callback, which SQLiteNIO calls one after another on the
/// connection's thread before the query returns.
private final class RowCollector<T: Sendable>: @unchecked Sendable {
    private var items: [T] = []
    private var error: (any Error)?

    func add(_ make: () throws -> T) {
        guard error == nil else { return }
        do { items.append(try make()) } catch { self.error = error }
    }

    func result() throws -> [T] {
        if let error { throw error }
        return items
    }
}

extension SQLDatabase {
    /// Runs a select and reads its rows: straight from `SQLiteData` on SQLite, through SQLKit elsewhere.
    func rows<T: Sendable>(_ select: SQLSelectBuilder, sqlite: @escaping @Sendable (SQLiteRow) throws -> T, generic: (any SQLRow) throws -> T) async throws -> [T] {
        if let connection = sqliteConnection {
            return try await connection.rows(select.query, on: self, sqlite)
        }
        return try await select.all().map(generic)
    }
}

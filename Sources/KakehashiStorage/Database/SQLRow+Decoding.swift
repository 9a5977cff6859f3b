import Foundation
import SQLKit

extension SQLRow {
    /// Decodes a text column holding a UUID.
    func uuid(_ column: String) throws -> UUID {
        let text = try decode(column: column, as: String.self)
        guard let id = UUID(uuidString: text) else {
            throw StorageError(.invalid, "column \(column) holds '\(text)', which is not a UUID")
        }
        return id
    }

    /// Decodes a bigint column holding microseconds since 1970 as a `Date`.
    func date(_ column: String) throws -> Date {
        Date(micros: try decode(column: column, as: Int64.self))
    }

    /// Decodes a nullable bigint column of microseconds since 1970.
    func optionalDate(_ column: String) throws -> Date? {
        try decode(column: column, as: Int64?.self).map(Date.init(micros:))
    }

    /// Decodes a text column into a `RawRepresentable` value, naming the column when the value is unknown.
    func enumValue<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        let text = try decode(column: column, as: String.self)
        guard let value = T(rawValue: text) else {
            throw StorageError(.invalid, "column \(column) holds '\(text)', which is not a known \(T.self)")
        }
        return value
    }
}

extension SQLRow {
    /// The value of the column `column`, decoded as `D`.
    func decode<D: Decodable>(column: SQLIdentifier, as type: D.Type) throws -> D {
        try decode(column: column.string, as: type)
    }

    /// Decodes a text column holding a UUID.
    func uuid(_ column: SQLIdentifier) throws -> UUID {
        try uuid(column.string)
    }

    /// Decodes a bigint column holding microseconds since 1970 as a `Date`.
    func date(_ column: SQLIdentifier) throws -> Date {
        try date(column.string)
    }

    /// Decodes a nullable bigint column of microseconds since 1970.
    func optionalDate(_ column: SQLIdentifier) throws -> Date? {
        try optionalDate(column.string)
    }

    /// Decodes a text column into a `RawRepresentable` value, naming the column when the value is unknown.
    func enumValue<T: RawRepresentable>(_ column: SQLIdentifier, as type: T.Type) throws -> T where T.RawValue == String {
        try enumValue(column.string, as: type)
    }
}

extension UUID {
    /// The lowercase text form the hub stores.
    var dbText: String { uuidString.lowercased() }
}

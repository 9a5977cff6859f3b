import PostgresKit
import SQLiteKit

extension StorageError {
    /// Whether `error` is a unique-constraint violation from either engine: a concurrent writer won.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            return error.serverInfo?[.sqlState] == PostgresError.Code.uniqueViolation.raw
        }
        if let error = error as? SQLiteError {
            return [.constraint, .constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(error.reason)
        }
        return false
    }
}

// Tables and columns of the migrator's own table.
import SQLKit

extension Schema {
    /// `schema_migrations`: the migrations applied.
    enum SchemaMigrations {
        static let table = SQLIdentifier("schema_migrations")
        static let version = SQLIdentifier("version")
        static let name = SQLIdentifier("name")
        static let appliedAt = SQLIdentifier("applied_at")
    }
}

import SQLKit

/// Every table and column name the storage layer uses, in one place: an enum per table holding
/// `SQLIdentifier` constants for the table and its columns, grouped as the migrations that create
/// them (`Schema+Members.swift` beside `Migrations+Members.swift`).
///
/// Query builders take the constants directly (`.from(Schema.Users.table)`); raw SQL interpolates
/// them (`"\(ident: Schema.Users.table.string)"`); rows are read by `SQLIdentifier` too
/// (`row.decode(column: Schema.Users.username, as: String.self)`). A migration reads the constant where the name it created
/// is the name used today, so a rename is one edit here and one new migration.
enum Schema {}

extension SQLCreateTableBuilder {
    /// Adds a column named by a ``Schema`` constant, with SQLKit's own data types and constraints.
    func column(_ column: SQLIdentifier, type dataType: SQLDataType, _ constraints: SQLColumnConstraintAlgorithm...) -> Self {
        self.column(column.string, type: dataType, constraints)
    }

    /// A primary key over columns named by ``Schema`` constants.
    func primaryKey(_ columns: SQLIdentifier...) -> Self {
        primaryKey(columns.map(\.string))
    }
}

extension SQLColumnConstraintAlgorithm {
    /// A foreign key to a table and column named by ``Schema`` constants.
    static func references(_ table: SQLIdentifier, _ column: SQLIdentifier) -> SQLColumnConstraintAlgorithm {
        .references(table.string, column.string)
    }
}

extension SQLPartialResultBuilder {
    /// Orders by a column named by a ``Schema`` constant, in SQLKit's own directions.
    func orderBy(_ column: SQLIdentifier, _ direction: SQLDirection) -> Self {
        orderBy(column.string, direction)
    }
}

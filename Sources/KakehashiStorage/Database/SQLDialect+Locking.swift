import SQLKit

extension SQLDialect {
    /// Whether `SELECT … FOR UPDATE` takes row locks on this database (PostgreSQL).
    ///
    /// SQLite's dialect has no locking clause: there a transaction holds the whole database's write
    /// lock from its start (`BEGIN IMMEDIATE`), so the rows it reads are already its own. Code that
    /// only needs the lock uses SQLKit's `.for(.update)`, which each dialect writes or omits; this
    /// tells the few places that must skip a statement, or add `SKIP LOCKED`, which SQLKit's
    /// locking clause cannot say.
    var locksSelectedRows: Bool { exclusiveSelectLockExpression != nil }
}

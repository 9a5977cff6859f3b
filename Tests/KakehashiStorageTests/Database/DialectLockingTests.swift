@testable import KakehashiStorage
import SQLKit
import Testing

/// The locks that replaced hand-written engine branches come from each engine's SQLKit dialect.
@Suite struct DialectLockingTests {
    @Test(arguments: TestEngine.allCases)
    func onlyPostgreSQLWritesForUpdateAndTheQueryRunsOnBoth(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            try await database.transaction { db in
                let select = db.select().columns(Schema.AuditHead.seq, Schema.AuditHead.hash).from(Schema.AuditHead.table)
                    .where(Schema.AuditHead.id, .equal, 1).for(.update)

                let (sql, _) = db.serialize(select.query)
                let head = try await select.first()

                #expect(db.dialect.locksSelectedRows == (engine == .postgres))
                #expect(sql.hasSuffix(" FOR UPDATE") == (engine == .postgres), "\(sql)")
                #expect(try head?.decode(column: Schema.AuditHead.seq, as: Int64.self) == 0)
            }
        }
    }
}

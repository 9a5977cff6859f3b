import Foundation
import KakehashiCore
import KakehashiStorage
import SQLKit
import Testing

/// The SQLite id index's two levels (a small table merged into a large one): lookups by id find
/// versions in either level, before and after merges, as PostgreSQL's primary key does.
@Suite struct STIXObjectIDIndexTests {
    @Test(arguments: TestEngine.allCases)
    func lookupsFindVersionsInEitherLevel(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await STIXObjectRepositoryTests.world(database)
            // A merge once the small level holds three entries: most lookups below cross both levels.
            let repository = STIXObjectRepository(database: database, idMergeThreshold: 3)
            let viewer = STIXViewer(organisation: world.reader)
            let id = "indicator--\(UUID().uuidString.lowercased())"
            var posted: [STIXObject] = []
            for (round, day) in [21, 23, 20, 22].enumerated() {
                let batch = [try STIXObjectRepositoryTests.indicator(round, id: id, modified: "2026-11-\(day)T00:00:00.000Z"),
                             try STIXObjectRepositoryTests.indicator(round + 10), try STIXObjectRepositoryTests.indicator(round + 20)]
                let outcome = try await repository.add(batch, to: world.collection, producer: world.producer.id, audit: nil)
                #expect(outcome.duplicates == 0, "round \(round)")
                posted += batch
                let again = try await repository.add(posted, to: world.collection, producer: world.producer.id, audit: nil)
                #expect(again.duplicates == posted.count && again.dateAddedRange == nil, "every version posted so far is found again (round \(round))")
                for object in posted where object.id != id {
                    let found = try await repository.page(STIXObjectQuery(ids: [object.id]), in: world.collection.id, viewer: viewer, withJSON: false)
                    #expect(found.objects.map(\.objectID) == [object.id], "round \(round)")
                }
            }
            func versions(_ selection: VersionSelection) async throws -> [String?] {
                try await repository.page(STIXObjectQuery(ids: [id], versions: selection), in: world.collection.id, viewer: viewer, withJSON: false).objects.map(\.versionText)
            }
            #expect(try await versions(.every).count == 4)
            #expect(try await versions(.latest) == ["2026-11-23T00:00:00.000Z"])
            #expect(try await versions(VersionSelection(first: true)) == ["2026-11-20T00:00:00.000Z"])
            let text = try await repository.textPage(STIXObjectQuery(ids: [id, posted[1].id], versions: .every), in: world.collection.id, viewer: viewer)
            #expect(text.count == 5)

            let deleted = try await repository.delete(objectID: id, versions: VersionSelection(last: true), in: world.collection, by: STIXViewer(organisation: world.producer), audit: nil)
            #expect(deleted == 1)
            #expect(try await versions(.latest) == ["2026-11-22T00:00:00.000Z"], "the next newest version becomes the latest")
            #expect(try await versions(.every).count == 3)

            if engine == .sqlite {
                let (large, small) = try await database.read { db in
                    (try await db.raw("SELECT count(*) AS n FROM stix_object_ids").first()?.decode(column: "n", as: Int.self) ?? 0,
                     try await db.raw("SELECT count(*) AS n FROM stix_object_ids_recent").first()?.decode(column: "n", as: Int.self) ?? 0)
                }
                #expect(large + small == 12 && large >= 9 && small < 3, "twelve versions were stored; all but the last few were merged (large \(large), small \(small))")
            }
        }
    }

    @Test func migrationMovesStoredVersionsIntoTheIndex() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-\(UUID().uuidString.lowercased())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await HubDatabase.open(.sqlite(path: folder.appendingPathComponent("hub.sqlite").path), logger: TestDatabases.logger)
        // A database as the previous build left it: schema 8, versions stored under the old primary key.
        try await Migrator(migrations: Migrations.all.filter { $0.version <= 8 }).migrate(database, logger: TestDatabases.logger)
        let world = try await STIXObjectRepositoryTests.world(database)
        let id = "indicator--\(UUID().uuidString.lowercased())"
        let old = try ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"].map { try STIXObjectRepositoryTests.indicator(1, id: id, modified: $0) }
            + [try STIXObjectRepositoryTests.indicator(2)]
        try await database.transaction { db in
            for (n, object) in old.enumerated() {
                let version = object.version?.microsecondsSinceEpoch ?? 0
                try await db.insert(into: "stix_objects")
                    .columns("collection_id", "object_id", "version", "version_text", "type", "spec_version", "date_added", "is_latest", "is_first", "tlp", "producer_org", "red_recipients", "json")
                    .values(SQLBind(world.collection.id.uuidString.lowercased()), SQLBind(object.id), SQLBind(version), SQLBind(object.version?.text), SQLBind("indicator"),
                            SQLBind("2.1"), SQLBind(Int64(1_000 + n)), SQLBind(n == 0 ? 0 : 1), SQLBind(n == 1 ? 0 : 1), SQLBind("amber"),
                            SQLBind(world.producer.id.uuidString.lowercased()), SQLBind(""), SQLBind(object.json.serialized()))
                    .run()
            }
        }
        #expect(try await Migrator().migrate(database, logger: TestDatabases.logger).first == 9, "migration 9 runs first, then any later ones")
        let (large, small) = try await database.read { db in
            (try await db.raw("SELECT count(*) AS n FROM stix_object_ids").first()?.decode(column: "n", as: Int.self) ?? 0,
             try await db.raw("SELECT count(*) AS n FROM stix_object_ids_recent").first()?.decode(column: "n", as: Int.self) ?? 0)
        }
        #expect(large == 3 && small == 0, "every stored version is in the large level (large \(large), small \(small))")
        let repository = STIXObjectRepository(database: database)
        let viewer = STIXViewer(organisation: world.reader)
        let all = try await repository.page(STIXObjectQuery(ids: [id], versions: .every), in: world.collection.id, viewer: viewer, withJSON: true)
        #expect(all.objects.map(\.versionText) == ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"], "both versions are found by id after the migration")
        #expect(all.objects.allSatisfy { $0.json != nil })
        let again = try await repository.add(old, to: world.collection, producer: world.producer.id, audit: nil)
        #expect(again.duplicates == 3, "versions stored before the migration are not stored twice")
        #expect(try await repository.count(in: world.collection.id) == 3)
        await database.close()
    }
}

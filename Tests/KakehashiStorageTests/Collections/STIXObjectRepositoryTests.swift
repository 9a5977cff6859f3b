import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct STIXObjectRepositoryTests {
    struct World {
        let database: HubDatabase
        let producer: Organisation
        let reader: Organisation
        let collection: SharingCollection
        var repository: STIXObjectRepository { STIXObjectRepository(database: database) }
    }

    static func world(_ database: HubDatabase) async throws -> World {
        let producer = Organisation(nameJa: "鉄道", nameEn: "Rail", kind: .operator, sectors: [.railways])
        let reader = Organisation(nameJa: "空港", nameEn: "Airport", kind: .operator, sectors: [.airports])
        try await OrganisationRepository(database: database).create(producer)
        try await OrganisationRepository(database: database).create(reader)
        let collection = SharingCollection(title: "Transport", alias: "transport", readers: [producer.id, reader.id], writers: [producer.id])
        try await CollectionRepository(database: database).create(collection)
        return World(database: database, producer: producer, reader: reader, collection: collection)
    }

    static func indicator(_ n: Int, id: String? = nil, modified: String = "2026-11-20T00:00:00.000Z", marking: TLPLevel? = nil, recipients: [String] = []) throws -> STIXObject {
        var members: [String: JSONValue] = [
            "type": "indicator", "spec_version": "2.1", "id": .string(id ?? "indicator--\(UUID().uuidString.lowercased())"),
            "created": "2026-11-20T00:00:00.000Z", "modified": .string(modified), "pattern_type": "stix",
            "pattern": .string("[ipv4-addr:value = '198.51.100.\(n % 250)']"), "valid_from": "2026-11-20T00:00:00Z",
        ]
        if let marking { members["object_marking_refs"] = [.string(marking.markingDefinitionID)] }
        if !recipients.isEmpty {
            members["extensions"] = [KakehashiRecipientsExtension.definitionID: ["extension_type": "property-extension", "recipients": .array(recipients.map(JSONValue.string))]]
        }
        return try STIXValidator().object(from: .object(members))
    }

    @Test(arguments: TestEngine.allCases)
    func storesEveryVersionOnceWithStrictDateAdded(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let versions = try ["2026-11-22T00:00:00.000Z", "2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"].map { try Self.indicator(1, id: id, modified: $0) }
            let first = try await world.repository.add(versions + [try Self.indicator(2)], to: world.collection, producer: world.producer.id, audit: AuditRecord(action: "test.add"))
            #expect(first.added.count == 4 && first.duplicates == 0)
            let again = try await world.repository.add(versions, to: world.collection, producer: world.producer.id, audit: nil)
            #expect(again.duplicates == 3 && again.dateAddedRange == nil, "the same versions are stored once")
            #expect(try await world.repository.count(in: world.collection.id) == 4)

            let viewer = STIXViewer(organisation: world.reader)
            let all = try await world.repository.page(STIXObjectQuery(versions: .every), in: world.collection.id, viewer: viewer, withJSON: true)
            let added = all.objects.map(\.dateAdded)
            #expect(added == added.sorted() && Set(added).count == added.count, "date added is strictly increasing")
            let latest = try await world.repository.page(STIXObjectQuery(ids: [id]), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(latest.objects.map(\.versionText) == ["2026-11-22T00:00:00.000Z"])
            let oldest = try await world.repository.page(STIXObjectQuery(ids: [id], versions: VersionSelection(first: true)), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(oldest.objects.map(\.versionText) == ["2026-11-20T00:00:00.000Z"])
            let audit = try await AuditLog(database: database).entries()
            #expect(audit.map(\.action) == ["test.add"] && audit[0].details.contains(#""added":"4""#), "the write and its audit entry commit together")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func textPagesHoldTheSameVersionsAsRowPages(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let objects = try (0..<7).map { try Self.indicator($0) }
                + [try Self.indicator(8, marking: .red), try Self.indicator(9, marking: .red, recipients: [world.reader.stixIdentityID])]
                + ["2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z"].map { try Self.indicator(10, id: id, modified: $0) }
            _ = try await world.repository.add(objects, to: world.collection, producer: world.producer.id, audit: nil)
            let viewer = STIXViewer(organisation: world.reader)
            for base in [STIXObjectQuery(limit: 3), STIXObjectQuery(versions: .every, limit: 4), STIXObjectQuery(ids: [id, objects[0].id], versions: .every, limit: 2),
                         STIXObjectQuery(types: ["malware"]), STIXObjectQuery(limit: 100)] {
                var query = base
                while true {
                    let rows = try await world.repository.page(query, in: world.collection.id, viewer: viewer, withJSON: true)
                    let text = try await world.repository.textPage(query, in: world.collection.id, viewer: viewer)
                    #expect(text.count == rows.objects.count && text.more == rows.more, "\(query)")
                    #expect(text.firstAdded == rows.objects.first?.dateAdded && text.lastAdded == rows.objects.last?.dateAdded, "\(query)")
                    #expect(text.joinedJSON == rows.objects.compactMap(\.json).joined(separator: ","), "\(query)")
                    guard text.more, let last = text.lastAdded else { break }
                    query.addedAfter = last
                }
            }
            let everything = try await world.repository.textPage(STIXObjectQuery(versions: .every, limit: 100), in: world.collection.id, viewer: viewer)
            #expect(everything.count == 10 && !everything.more, "nine objects, one of them twice; the RED one not naming the reader is hidden")
            let ids = try JSONValue.parse("[" + everything.joinedJSON + "]").arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(!ids.contains(objects[7].id) && ids.contains(objects[8].id), "RED reaches only the organisations it names")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func newestAndOldestVersionFollowLaterPosts(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let other = try Self.indicator(9)
            let viewer = STIXViewer(organisation: world.reader)
            func version(_ day: Int) throws -> STIXObject { try Self.indicator(1, id: id, modified: "2026-11-\(day)T00:00:00.000Z") }
            func selected(_ versions: VersionSelection) async throws -> [String?] {
                try await world.repository.page(STIXObjectQuery(ids: [id], versions: versions), in: world.collection.id, viewer: viewer, withJSON: false).objects.map(\.versionText)
            }
            for (batch, newest, oldest) in [([22], 22, 22), ([23], 23, 22), ([21], 23, 21), ([20, 24, 23], 24, 20)] {
                _ = try await world.repository.add(try batch.map(version) + [other], to: world.collection, producer: world.producer.id, audit: nil)
                #expect(try await selected(.latest) == ["2026-11-\(newest)T00:00:00.000Z"], "after posting \(batch)")
                #expect(try await selected(VersionSelection(first: true)) == ["2026-11-\(oldest)T00:00:00.000Z"], "after posting \(batch)")
            }
            #expect(try await selected(.every).count == 5)
            let others = try await world.repository.page(STIXObjectQuery(ids: [other.id], versions: VersionSelection(first: true, last: true)), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(others.objects.count == 1, "a re-posted version stays both newest and oldest")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func pagesAndFilters(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            _ = try await world.repository.add(try (0..<12).map { try Self.indicator($0) }, to: world.collection, producer: world.producer.id, audit: nil)
            let viewer = STIXViewer(organisation: world.reader)
            let page = try await world.repository.page(STIXObjectQuery(limit: 5), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(page.objects.count == 5 && page.more)
            let rest = try await world.repository.page(STIXObjectQuery(addedAfter: page.objects.last!.dateAdded, limit: 100), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(rest.objects.count == 7 && !rest.more)
            let none = try await world.repository.page(STIXObjectQuery(types: ["malware"]), in: world.collection.id, viewer: viewer, withJSON: false)
            #expect(none.objects.isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func redIsFilteredInTheDatabase(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let outsider = Organisation(nameJa: "他", nameEn: "Other", kind: .operator)
            try await OrganisationRepository(database: database).create(outsider)
            let named = try Self.indicator(1, marking: .red, recipients: [world.reader.stixIdentityID])
            let secret = try Self.indicator(2, marking: .red)
            let amber = try Self.indicator(3, marking: .amber)
            _ = try await world.repository.add([named, secret, amber], to: world.collection, producer: world.producer.id, audit: nil)
            func visible(_ organisation: Organisation) async throws -> Set<String> {
                Set(try await world.repository.page(STIXObjectQuery(), in: world.collection.id, viewer: STIXViewer(organisation: organisation), withJSON: false).objects.map(\.objectID))
            }
            #expect(try await visible(world.producer) == [named.id, secret.id, amber.id])
            #expect(try await visible(world.reader) == [named.id, amber.id])
            #expect(try await visible(outsider) == [amber.id])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentWritersNeverShareADateAdded(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let second = try await HubDatabase.open(database.location, logger: TestDatabases.logger)
            let repositories = [world.repository, STIXObjectRepository(database: second)]
            defer { Task { await second.close() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        for batch in 0..<3 {
                            let objects = try (0..<20).map { try Self.indicator(writer * 100 + batch * 20 + $0) }
                            _ = try await repositories[writer % 2].add(objects, to: world.collection, producer: world.producer.id, audit: AuditRecord(action: "test.add"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let all = try await world.repository.page(STIXObjectQuery(versions: .every, limit: 10_000), in: world.collection.id, viewer: STIXViewer(organisation: world.producer), withJSON: false)
            #expect(all.objects.count == 360)
            #expect(Set(all.objects.map(\.dateAdded)).count == 360)
            #expect(try await AuditLog(database: database).verify() == 18)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func onlyTheProducerDeletes(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let world = try await Self.world(database)
            let id = "indicator--\(UUID().uuidString.lowercased())"
            let versions = try ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"].map { try Self.indicator(1, id: id, modified: $0) }
            _ = try await world.repository.add(versions, to: world.collection, producer: world.producer.id, audit: nil)
            await #expect { _ = try await world.repository.delete(objectID: id, versions: .every, in: world.collection, by: STIXViewer(organisation: world.reader), audit: nil) }
                throws: { ($0 as? StorageError)?.code == .conflict }
            let deleted = try await world.repository.delete(objectID: id, versions: .latest, in: world.collection, by: STIXViewer(organisation: world.producer), audit: nil)
            #expect(deleted == 1)
            let left = try await world.repository.page(STIXObjectQuery(ids: [id]), in: world.collection.id, viewer: STIXViewer(organisation: world.reader), withJSON: false)
            #expect(left.objects.map(\.versionText) == ["2026-11-20T00:00:00.000Z"], "the remaining version becomes the latest")
        }
    }
}

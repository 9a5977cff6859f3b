import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct DetectionSIDRepositoryTests {
    static func organisations(_ database: HubDatabase) async throws -> (Organisation, Organisation) {
        let railway = Organisation(nameJa: "みなと鉄道", nameEn: "Minato Railway", kind: .operator, sectors: [.railways])
        let port = Organisation(nameJa: "みなと港湾", nameEn: "Minato Port", kind: .operator, sectors: [])
        try await OrganisationRepository(database: database).create(railway)
        try await OrganisationRepository(database: database).create(port)
        return (railway, port)
    }

    @Test(arguments: TestEngine.allCases)
    func aValueKeepsItsSIDAndNewValuesTakeTheNextFreeOnes(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (railway, port) = try await Self.organisations(database)
            let sids = DetectionSIDRepository(database: database)
            let range = try SIDRange(base: 5_000_000, count: 100)
            let first = try await sids.allocate(["b", "a"], range: range, organisation: railway.id)
            #expect(first == ["a": 5_000_000, "b": 5_000_001], "new keys take SIDs in key order from the base")

            let second = try await sids.allocate(["c", "a", "b"], range: range, organisation: railway.id)
            #expect(second == ["a": 5_000_000, "b": 5_000_001, "c": 5_000_002], "known keys keep their SID; a new one takes the next")

            let other = try await sids.allocate(["a"], range: range, organisation: port.id)
            #expect(other == ["a": 5_000_000], "each organisation has its own allocation")
            #expect(try await sids.allocated(range: range, organisation: railway.id).count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func overlappingRangesNeverShareASIDAndAFullRangeSaysSoByLeavingKeysOut(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (railway, _) = try await Self.organisations(database)
            let sids = DetectionSIDRepository(database: database)
            let wide = try SIDRange(base: 100, count: 10)
            let narrow = try SIDRange(base: 103, count: 3)
            let inWide = try await sids.allocate(["w1", "w2", "w3", "w4", "w5"], range: wide, organisation: railway.id)
            #expect(Set(inWide.values) == [100, 101, 102, 103, 104])

            let inNarrow = try await sids.allocate(["n1", "n2"], range: narrow, organisation: railway.id)
            #expect(inNarrow == ["n1": 105], "104 and 103 are the wide range's; only 105 is left, so n2 gets none")

            let more = try await sids.allocate((1...6).map { "x\($0)" }, range: wide, organisation: railway.id)
            #expect(more.count == 4, "106 to 109 are free in the wide range")
            let every = Array(try await sids.allocated(range: wide, organisation: railway.id).values) + Array(try await sids.allocated(range: narrow, organisation: railway.id).values)
            #expect(Set(every).count == every.count, "no SID is handed out twice")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func concurrentAllocationsOfOneOrganisationAgree(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let (railway, _) = try await Self.organisations(database)
            let sids = DetectionSIDRepository(database: database)
            let range = SIDRange.local
            let keys = (0..<50).map { "k\($0)" }
            let results = try await withThrowingTaskGroup(of: [String: Int64].self) { group in
                for _ in 0..<4 { group.addTask { try await sids.allocate(keys, range: range, organisation: railway.id) } }
                var all: [[String: Int64]] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.allSatisfy { $0 == results[0] }, "every request sees the same SIDs")
            #expect(Set(results[0].values).count == 50)
        }
    }
}

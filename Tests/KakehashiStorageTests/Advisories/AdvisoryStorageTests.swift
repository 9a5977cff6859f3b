import Foundation
import KakehashiCore
import KakehashiStorage
import SQLKit
import Testing

@Suite struct AdvisoryStorageTests {
    static let plc = Equipment(
        id: "PLC-1", name: "Line 2 PLC", vendor: "Example Industrial", product: "PX-200 firmware", version: "3.1.0",
        modelNumbers: ["PX-200-CPU", "PX-201"], cpe: try? CPEName("cpe:2.3:o:example_industrial:px-200_firmware:3.1.0:*:*:*:*:*:*:*"),
        site: "名古屋港 飛島", function: "gantry crane control", domain: .ot, designatedCriticalEquipment: true, supportEnd: CalendarDay("2027-03-31"))
    static let router = Equipment(id: "RTR-1", vendor: "Cisco", product: "IOS XE", version: "17.9", domain: .it)

    /// Findings for `items` against a vulnerability on each listed product (vendor and product names match).
    static func findings(_ items: [Equipment], vulnerable: [(cve: String, vendor: String, product: String)]) -> [AdvisoryFinding] {
        let records = vulnerable.map { entry in
            VulnerabilityRecord(cve: entry.cve, advisoryID: entry.cve, title: "test \(entry.cve)",
                                affected: [AffectedProduct(vendor: entry.vendor, product: entry.product, defaultStatus: .affected)],
                                scores: [CVSSScore(version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", baseScore: 9.8)])
        }
        let index = AdvisoryIndex(advisories: [Advisory(id: "test", source: .cveRecord, title: "test", vulnerabilities: records)])
        return AdvisoryMatcher.match(items, index: index).map(AdvisoryFinding.init)
    }

    @Test(arguments: TestEngine.allCases)
    func aRegistryIsReplacedWholeAndReadBackExactly(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let registry = EquipmentRepository(database: database)
            try await registry.replace(organisation: fixture.port.id, items: [Self.plc, Self.router], audit: fixture.audit("equipment.replace"))
            #expect(try await registry.list(organisation: fixture.port.id) == [Self.plc, Self.router])
            try await registry.replace(organisation: fixture.port.id, items: [Self.router], audit: fixture.audit("equipment.replace"))
            #expect(try await registry.list(organisation: fixture.port.id) == [Self.router])
            #expect(try await registry.all() == [fixture.port.id: [Self.router]])
            #expect(try await registry.list(organisation: fixture.ministry.id).isEmpty)
            await #expect {
                try await registry.replace(organisation: UUID(), items: [Self.plc], audit: fixture.audit("equipment.replace"))
            } throws: { ($0 as? StorageError)?.code == .notFound }
            #expect(try await AuditLog(database: database).recent(limit: 10, actionPrefix: "equipment.").count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aLargeRegistryCrossesTheInsertBatches(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let items = (0..<1_001).map { Equipment(id: "item-\($0)", vendor: "Vendor \($0 % 7)", product: "Product \($0)") }
            let registry = EquipmentRepository(database: database)
            try await registry.replace(organisation: fixture.port.id, items: items, audit: fixture.audit("equipment.replace"))
            #expect(try await registry.list(organisation: fixture.port.id).map(\.id) == items.map(\.id))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func syncAddsUpdatesAndRemovesFindingsAndNotifiesOnlyNewUndecidedOnes(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let webhooks = WebhookRepository(database: database)
            try await webhooks.create(WebhookEndpoint(organisationID: fixture.port.id, url: "http://127.0.0.1:9/hook", secret: "s3cret-s3cret-s3cret"), audit: fixture.audit("webhook.create"))
            let repository = FindingRepository(database: database)
            let first = Self.findings([Self.plc, Self.router], vulnerable: [("CVE-2026-0001", "Example Industrial", "PX-200 firmware"), ("CVE-2026-0002", "Cisco", "IOS XE")])
            #expect(first.count == 2)
            let notify: @Sendable ([AdvisoryFinding]) -> [PlannedNotification] = { added in
                [PlannedNotification(organisation: fixture.port.id, event: "advisory.findings", payload: "{\"n\":\(added.count)}", emailSubject: "s", emailBody: added.map(\.vulnerabilityID).joined(separator: ","))]
            }
            let start = fixture.start
            let added = try await repository.sync(organisation: fixture.port.id, findings: first, now: start, notify: notify)
            #expect(added.added.map(\.vulnerabilityID).sorted() == ["CVE-2026-0001", "CVE-2026-0002"])

            // The same result again changes nothing and notifies no one.
            let same = try await repository.sync(organisation: fixture.port.id, findings: first, now: start.addingTimeInterval(60), notify: notify)
            #expect(same == FindingRepository.Changes())

            // The operator decides one does not apply; it stays decided when matching runs again.
            let decision = FindingDisposition(key: FindingKey(itemID: "RTR-1", vulnerabilityID: "CVE-2026-0002"), reason: "not exposed: management plane isolated", decidedBy: "port-analyst", decidedAt: start)
            try await repository.markNotApplicable(organisation: fixture.port.id, decision, audit: fixture.audit("finding.not-applicable"))
            let second = Self.findings([Self.plc], vulnerable: [("CVE-2026-0001", "Example Industrial", "PX-200 firmware"), ("CVE-2026-0003", "Example Industrial", "PX-200 firmware")])
            let changes = try await repository.sync(organisation: fixture.port.id, findings: second, now: start.addingTimeInterval(120), notify: notify)
            #expect(changes.added.map(\.vulnerabilityID) == ["CVE-2026-0003"])
            #expect(changes.removed == 1)
            let listed = try await repository.list(organisation: fixture.port.id)
            #expect(Set(listed.map(\.finding.vulnerabilityID)) == ["CVE-2026-0001", "CVE-2026-0003"])
            #expect(listed.first { $0.finding.vulnerabilityID == "CVE-2026-0001" }?.firstSeen == start)

            // The finding comes back: the earlier decision still applies, so it is not notified again.
            let third = Self.findings([Self.plc, Self.router], vulnerable: [("CVE-2026-0002", "Cisco", "IOS XE")])
            let back = try await repository.sync(organisation: fixture.port.id, findings: third, now: start.addingTimeInterval(180), notify: notify)
            #expect(back.added.isEmpty)
            let decided = try #require(try await repository.list(organisation: fixture.port.id).first)
            #expect(decided.disposition == decision)

            let bodies = try await database.read { db in
                try await db.select().column("body").from("email_outbox").orderBy("created_at").all().map { try $0.decode(column: "body", as: String.self) }
            }
            #expect(bodies == ["CVE-2026-0001,CVE-2026-0002", "CVE-2026-0003"])
            #expect(try await webhooks.claimDue(now: start.addingTimeInterval(600), lease: 60).count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func decisionsNeedAFindingAndReopenNeedsADecision(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = FindingRepository(database: database)
            try await repository.sync(organisation: fixture.port.id, findings: Self.findings([Self.plc], vulnerable: [("CVE-2026-0001", "Example Industrial", "PX-200 firmware")]))
            let key = FindingKey(itemID: "PLC-1", vulnerabilityID: "CVE-2026-0001")
            await #expect {
                try await repository.markNotApplicable(organisation: fixture.ministry.id, FindingDisposition(key: key, reason: "r", decidedBy: "x", decidedAt: fixture.start), audit: fixture.audit("finding.not-applicable"))
            } throws: { ($0 as? StorageError)?.code == .notFound }
            await #expect {
                try await repository.reopen(organisation: fixture.port.id, key: key, audit: fixture.audit("finding.reopen"))
            } throws: { ($0 as? StorageError)?.code == .notFound }
            try await repository.markNotApplicable(organisation: fixture.port.id, FindingDisposition(key: key, reason: "spare unit, offline", decidedBy: "x", decidedAt: fixture.start), audit: fixture.audit("finding.not-applicable"))
            try await repository.reopen(organisation: fixture.port.id, key: key, audit: fixture.audit("finding.reopen"))
            #expect(try await repository.list(organisation: fixture.port.id).first?.disposition == nil)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func documentsAreReplacedByIdAndTheRevisionMoves(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            let documents = AdvisoryDocumentRepository(database: database)
            let empty = try await documents.revision()
            let advisory = Advisory(id: "EXI-SA-1", source: .csaf, title: "PX-200", vulnerabilities: [])
            let summary = AdvisoryDocumentRepository.Summary(advisory: advisory, format: .csaf, source: "a.json", importedBy: "admin", importedAt: fixture.start)
            try await documents.store([.init(summary: summary, body: "{\"v\":1}")], audit: fixture.audit("advisory.import"), now: fixture.start)
            let once = try await documents.revision()
            #expect(once != empty)
            try await documents.store([.init(summary: summary, body: "{\"v\":2}")], audit: fixture.audit("advisory.import"), now: fixture.start.addingTimeInterval(1))
            #expect(try await documents.revision() != once)
            let bodies = try await documents.bodies()
            #expect(bodies.map(\.id) == ["csaf:EXI-SA-1"])
            #expect(bodies.first?.body == "{\"v\":2}")
            #expect(try await documents.list().map(\.title) == ["PX-200"])
            let other = AdvisoryDocumentRepository.Summary(advisory: Advisory(id: "EXI-SA-2", source: .csaf, title: "PX-300", vulnerabilities: []),
                                                           format: .csaf, source: "https://psirt.example.jp/b.json", importedBy: "feed", importedAt: fixture.start)
            try await documents.store([.init(summary: other, body: "{}")], audit: fixture.audit("advisory.import"), now: fixture.start.addingTimeInterval(5))
            #expect(try await documents.importedSources() == ["a.json": fixture.start.addingTimeInterval(1), "https://psirt.example.jp/b.json": fixture.start.addingTimeInterval(5)],
                    "each source with the time of its latest import")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func dueFeedsAreClaimedOnceUntilTheirNextTime(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            let feeds = AdvisoryFeedRepository(database: database)
            let feed = AdvisoryFeedRepository.Feed(url: "https://example.org/kev.json", format: .kev, intervalSeconds: 3600, nextFetchAt: fixture.start, createdBy: "admin")
            try await feeds.add(feed, audit: fixture.audit("advisory-feed.add"))
            await #expect {
                try await feeds.add(AdvisoryFeedRepository.Feed(url: feed.url, format: nil, intervalSeconds: 60, nextFetchAt: fixture.start, createdBy: "admin"), audit: fixture.audit("advisory-feed.add"))
            } throws: { ($0 as? StorageError)?.code == .conflict }
            #expect(try await feeds.claimDue(now: fixture.start).map(\.url) == [feed.url])
            #expect(try await feeds.claimDue(now: fixture.start.addingTimeInterval(1800)).isEmpty)
            #expect(try await feeds.claimDue(now: fixture.start.addingTimeInterval(3600)).count == 1)
            try await feeds.recordOutcome(feed.id, outcome: "ok: kev", at: fixture.start)
            #expect(try await feeds.list().first?.lastOutcome == "ok: kev")
            try await feeds.remove(feed.id, audit: fixture.audit("advisory-feed.remove"))
            #expect(try await feeds.list().isEmpty)
        }
    }
}

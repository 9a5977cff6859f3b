import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct AdvisoryAPITests {
    @Test(arguments: TestEngine.allCases) func importedAdvisoriesBecomeRankedFindingsOnTheRegisteredEquipment(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            try await world.importDemoAdvisories(client)
            let response = try await world.get(client, "/api/v1/findings", as: "rail-viewer")
            #expect(response.status == .ok)
            let findings = try response.decode(FindingListResponse.self).findings
            let first = try #require(findings.first?.finding)
            #expect(first.itemID == "PLC-OLD", "the affected PLC, not the one on the fixed V3.2.1")
            #expect(first.vulnerabilityID == "CVE-2026-41234")
            #expect(first.knownExploited == true)
            #expect(first.status == "affected")
            #expect(first.site == "川崎変電所")
            #expect(first.requiredAction?.isEmpty == false)
            let scores = try #require(first.scores)
            #expect(scores.contains { $0.vector?.hasPrefix("CVSS:") == true && ($0.baseScore ?? 0) > 0 })
            #expect(!findings.contains { $0.finding.itemID == "PLC-NEW" && $0.finding.vulnerabilityID == "CVE-2026-41234" })

            // The new findings were notified to the railway (e-mail outbox).
            let outbox = try await EmailOutbox(database: world.base.hub.database).list()
            #expect(outbox.contains { $0.organisationID == world.base.railway.id && $0.body.contains("CVE-2026-41234") })
        }
    }

    @Test(arguments: TestEngine.allCases) func aRegistryIsSeenByItsOperatorAndItsRegulatorOnlyAndEveryReadIsAudited(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let railway = world.base.railway.id.uuidString.lowercased()
            let own = try await world.get(client, "/api/v1/equipment", as: "rail-viewer")
            #expect(own.status == .ok)
            let items = try own.decode(EquipmentListResponse.self).items
            #expect(items.map(\.id) == ["PLC-OLD", "PLC-NEW", "SRV-9"])
            #expect(items.last?.support == "ended")
            let regulator = try await world.get(client, "/api/v1/equipment?organisation=\(railway)", as: "rail-regulator")
            #expect(regulator.status == .ok)
            #expect(try regulator.decode(EquipmentListResponse.self).items.count == 3)
            for outsider in ["port-regulator", "port-analyst", "center-admin"] {
                let equipment = try await world.get(client, "/api/v1/equipment?organisation=\(railway)", as: outsider)
                #expect(equipment.status == .notFound, "\(outsider) must not see the railway's registry")
                let findings = try await world.get(client, "/api/v1/findings?organisation=\(railway)", as: outsider)
                #expect(findings.status == .notFound)
            }
            let audit = try await world.base.hub.audit.recent(limit: 50, actionPrefix: "equipment.list")
            #expect(audit.filter { $0.action == "equipment.list" }.count == 2)
            #expect(audit.filter { $0.action == "equipment.list.denied" }.count == 3)
            // The regulator reads; it does not write another's decisions.
            let summary = try await world.get(client, "/api/v1/equipment/support-end", as: "rail-regulator")
            #expect(summary.status == .ok)
            let sectors = try summary.decode(SupportEndResponse.self).sectors
            #expect(sectors.count == 1)
            #expect(sectors.first?.sector == "railways")
            #expect(sectors.first?.ended == 1)
            #expect(sectors.first?.critical == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func aBadRegistryCSVNamesTheLineAndColumnAndChangesNothing(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let admin = try await world.base.signIn(client, as: "rail-admin")
            var headers = admin.headersWithCSRF
            headers[.contentType] = "text/csv"
            let bad = "id,vendor,product,support_end\nA,Acme,Widget,2027-02-30\n"
            try await client.execute(uri: "/api/v1/equipment", method: .put, headers: headers, body: ByteBuffer(string: bad)) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response) == "invalid-csv")
                let text = String(buffer: response.body)
                #expect(text.contains("line 2") && text.contains("support_end"))
            }
            let viewer = try await world.base.signIn(client, as: "rail-viewer")
            var viewerHeaders = viewer.headersWithCSRF
            viewerHeaders[.contentType] = "text/csv"
            try await client.execute(uri: "/api/v1/equipment", method: .put, headers: viewerHeaders, body: ByteBuffer(string: AdvisoryWorld.registryCSV)) { response in
                #expect(response.status == .forbidden, "a viewer may not change the registry")
            }
            #expect(try await world.base.hub.advisories.equipment.list(organisation: world.base.railway.id).count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases) func aMalformedAdvisoryIsRejectedWithItsPathAndNothingIsStored(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            let admin = try await world.base.signIn(client, as: "center-admin")
            var csaf = String(decoding: try AdvisoryWorld.demoDocument("csaf-ics-plc-firmware.json"), as: UTF8.self)
            csaf = csaf.replacingOccurrences(of: #""csaf_version": "2.0""#, with: #""csaf_version": "1.2""#)
            try await client.execute(uri: "/api/v1/advisories?name=bad.json", method: .post, headers: admin.headersWithCSRF, body: ByteBuffer(string: csaf)) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response) == "invalid-advisory")
                let text = String(buffer: response.body)
                #expect(text.contains("bad.json") && text.contains("$.document.csaf_version"))
            }
            try await client.execute(uri: "/api/v1/advisories?format=rss", method: .post, headers: admin.headersWithCSRF, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .badRequest)
            }
            let operatorAdmin = try await world.base.signIn(client, as: "rail-admin")
            try await client.execute(uri: "/api/v1/advisories", method: .post, headers: operatorAdmin.headersWithCSRF, body: ByteBuffer(data: try AdvisoryWorld.demoDocument("kev-catalog.json"))) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await world.base.hub.advisories.documents.list().isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func anOperatorMarksAFindingNotApplicableWithAReasonAndMatchingFollowsRegistryChanges(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            try await world.importDemoAdvisories(client)
            let analyst = try await world.base.signIn(client, as: "rail-analyst")
            let mark = #"{"item": "PLC-OLD", "vulnerability": "CVE-2026-41234", "reason": "  "}"#
            try await client.execute(uri: "/api/v1/findings/not-applicable", method: .post, headers: analyst.headersWithCSRF, body: ByteBuffer(string: mark)) { response in
                #expect(response.status == .badRequest, "a reason is required")
            }
            let good = #"{"item": "PLC-OLD", "vulnerability": "CVE-2026-41234", "reason": "engineering port disabled and physically blocked"}"#
            try await client.execute(uri: "/api/v1/findings/not-applicable", method: .post, headers: analyst.headersWithCSRF, body: ByteBuffer(string: good)) { response in
                #expect(response.status == .noContent)
            }
            let regulator = try await world.base.signIn(client, as: "rail-regulator")
            try await client.execute(uri: "/api/v1/findings/reopen", method: .post, headers: regulator.headersWithCSRF, body: ByteBuffer(string: good)) { response in
                #expect(response.status == .notFound, "a regulator has no decisions of its own on the railway's findings")
            }
            let stored = try await world.base.hub.advisories.findings.list(organisation: world.base.railway.id)
            let decided = try #require(stored.first { $0.finding.vulnerabilityID == "CVE-2026-41234" && $0.finding.itemID == "PLC-OLD" })
            #expect(decided.disposition?.reason == "engineering port disabled and physically blocked")
            #expect(decided.disposition?.decidedBy == "rail-analyst")
            #expect(try await world.base.hub.audit.recent(limit: 5, actionPrefix: "finding.not-applicable").count == 1)

            // Replacing the PLC with a fixed one removes the finding; the decision is kept.
            try await world.registerRailEquipment(client, csv: AdvisoryWorld.registryCSV.replacingOccurrences(of: "V3.1.0", with: "V3.2.1").replacingOccurrences(of: ":3.1.0:", with: ":3.2.1:"))
            let after = try await world.base.hub.advisories.findings.list(organisation: world.base.railway.id)
            #expect(!after.contains { $0.finding.itemID == "PLC-OLD" && $0.finding.status == .affected && $0.finding.vulnerabilityID == "CVE-2026-41234" })
        }
    }

    @Test(arguments: TestEngine.allCases) func dueFeedsAreFetchedImportedAndTheirOutcomeKept(engine: TestEngine) async throws {
        try await AdvisoryWorld.run(on: engine) { world, client in
            try await world.registerRailEquipment(client)
            let admin = try await world.base.signIn(client, as: "center-admin")
            for body in [#"{"url": "https://feeds.example.org/kev.json", "format": "kev", "intervalHours": 6}"#, #"{"url": "https://feeds.example.org/missing.json"}"#] {
                try await client.execute(uri: "/api/v1/advisory-feeds", method: .post, headers: admin.headersWithCSRF, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .created)
                }
            }
            try await client.execute(uri: "/api/v1/advisory-feeds", method: .post, headers: admin.headersWithCSRF, body: ByteBuffer(string: #"{"url": "file:///etc/passwd"}"#)) { response in
                #expect(response.status == .badRequest)
            }
            let kev = try AdvisoryWorld.demoDocument("kev-catalog.json")
            let fetcher = AdvisoryFeedFetcher(advisories: world.base.hub.advisories, download: { url in
                guard url.hasSuffix("kev.json") else { throw AdvisoryFeedFetcher.FeedError(url: url, message: "answered HTTP 404") }
                return kev
            }, logger: TestHub.logger)
            let outcome = try await fetcher.runOnce(now: Date())
            #expect(outcome.imported == 1 && outcome.failed == 1)
            #expect(try await fetcher.runOnce(now: Date()).imported == 0, "not due again before its interval")
            let feeds = try await world.base.hub.advisories.feeds.list()
            #expect(feeds.first { $0.url.hasSuffix("kev.json") }?.lastOutcome?.hasPrefix("ok: kev") == true)
            #expect(feeds.first { $0.url.hasSuffix("missing.json") }?.lastOutcome?.contains("HTTP 404") == true)
            let findings = try await world.base.hub.advisories.findings.list(organisation: world.base.railway.id)
            #expect(findings.contains { $0.finding.vulnerabilityID == "CVE-2026-41234" && $0.finding.knownExploited })
        }
    }
}

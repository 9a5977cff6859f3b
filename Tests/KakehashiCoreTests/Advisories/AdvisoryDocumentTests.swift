import Foundation
import KakehashiCore
import Testing

@Suite struct AdvisoryDocumentTests {
    @Test(arguments: [
        ("csaf-ics-plc-firmware.json", Advisory.Source.csaf), ("cve-2026-41234.json", .cveRecord), ("kev-catalog.json", .knownExploited),
    ])
    func theFormatIsRecognisedFromTheContent(file: String, source: Advisory.Source) throws {
        let advisory = try AdvisoryDocument.decode(try AdvisoryFixtures.data(file), name: file)
        #expect(advisory.source == source)
        #expect(!advisory.vulnerabilities.isEmpty)
    }

    @Test func anUnrecognisedDocumentNamesWhatWasExpected() throws {
        #expect {
            try AdvisoryDocument.decode(Data(#"{"hello": "world"}"#.utf8), name: "odd.json")
        } throws: { error in
            let error = try #require(error as? AdvisoryFormatError)
            return error.document == "odd.json" && error.path == "$" && error.rule.contains("CSAF") && error.rule.contains("KEV")
        }
        #expect(throws: AdvisoryFormatError.self) { try AdvisoryDocument.decode(Data("[1]".utf8), name: "list.json") }
    }

    @Test func aStatedFormatIsObeyed() throws {
        #expect {
            try AdvisoryDocument.decode(try AdvisoryFixtures.data("kev-catalog.json"), name: "kev.json", format: .csaf)
        } throws: { ($0 as? AdvisoryFormatError)?.path == "$.document" }
    }

    @Test func supportEndIsSummarisedPerSectorWithCriticalItemsCounted() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-26T03:00:00Z"))
        let ended = Equipment(id: "a", vendor: "v", product: "p", designatedCriticalEquipment: true, supportEnd: CalendarDay("2026-11-01"))
        let soon = Equipment(id: "b", vendor: "v", product: "p", supportEnd: CalendarDay("2027-03-31"))
        let later = Equipment(id: "c", vendor: "v", product: "p", criticalComputer: true, supportEnd: CalendarDay("2030-01-01"))
        let unknown = Equipment(id: "d", vendor: "v", product: "p")
        let summary = SupportEndSummary(registries: [
            ([.railways], [ended, soon, later]), ([.railways, .logistics], [soon, unknown]), ([.ports], []),
        ], now: now)
        #expect(summary.rows.map(\.sector) == [.railways, .logistics])
        let rail = try #require(summary.rows.first)
        #expect(rail.organisations == 2 && rail.items == 5 && rail.ended == 1 && rail.endingSoon == 2 && rail.critical == 1)
        #expect(summary.rows.last?.items == 2)
    }
}

@Suite struct TLPExportTests {
    @Test func eachAudienceGetsOnlyWhatTLPLetsLeave() {
        let permitted = TLPPolicy.Audience.allCases.map { audience in TLPLevel.allCases.filter(audience.permits) }
        #expect(permitted[0] == TLPLevel.allCases)
        #expect(permitted[1] == [.clear, .green])
        #expect(permitted[2] == [.clear])
    }

    @Test func anUnmarkedObjectLeavesWithTheLevelThatAppliedAndAMarkedOneUnchanged() throws {
        let unmarked = try JSONValue.parse(#"{"type": "indicator", "id": "indicator--1", "object_marking_refs": ["marking-definition--abc"]}"#)
        let labelled = TLPPolicy.labelled(unmarked, level: .green)
        #expect(labelled["object_marking_refs"] == .array([.string("marking-definition--abc"), .string(TLPLevel.green.markingDefinitionID)]))
        let tlp1White = try JSONValue.parse(#"{"type": "indicator", "object_marking_refs": ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"]}"#)
        #expect(TLPPolicy.labelled(tlp1White, level: .amber) == tlp1White)
        let definition = try JSONValue.parse(#"{"type": "marking-definition", "id": "marking-definition--x"}"#)
        #expect(TLPPolicy.labelled(definition, level: .red) == definition)
    }
}

@Suite struct ConcurrentMatchingTests {
    @Test func theConcurrentMatcherFindsWhatTheSequentialOneFinds() async throws {
        let advisories = try ["csaf-ics-plc-firmware.json", "cve-2026-41234.json", "kev-catalog.json", "csaf-bsi-2022-0001.json"].map {
            try AdvisoryDocument.decode(try AdvisoryFixtures.data($0), name: $0)
        }
        let index = AdvisoryIndex(advisories: advisories)
        let base = try EquipmentCSV.parse(try AdvisoryFixtures.data("equipment-registry.csv"))
        let versions = ["V3.1.0", "V3.2.1", "3.0", nil, "17.9.4", "2.14.1"]
        var items: [Equipment] = []
        for n in 0..<5_000 {
            var item = base[n % base.count]
            item.id = "item-\(n)"
            item.version = versions[n % versions.count]
            if n % 3 == 0 { item.vendor = "Example Industrial"; item.product = "PX-200 firmware"; item.cpe = nil }
            items.append(item)
        }
        let sequential = AdvisoryMatcher.match(items, index: index)
        let concurrent = await AdvisoryMatcher.matchConcurrently(items, index: index, workers: 4)
        #expect(!sequential.isEmpty)
        #expect(concurrent == sequential)
    }
}

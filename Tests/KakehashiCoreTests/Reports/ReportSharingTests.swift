import Foundation
import Testing
@testable import KakehashiCore

/// The shareable view and its STIX bundle: consent, TLP, anonymisation, deterministic ids.
@Suite("Report sharing")
struct ReportSharingTests {
    typealias S = ReportTestSupport

    static let incidentID = "inc-2026-0042"

    /// The fixture incident: a draft, then an initial report.
    func fixtureIncident(_ change: (inout IncidentReport) -> Void = { _ in }) throws -> Incident {
        var report = try S.fixtureReport("ransomware-railway")
        change(&report)
        return try Incident(id: Self.incidentID)
            .appending(report, kind: .draft, at: try S.instant("2026-03-28T16:00:00Z"))
            .appending(report, kind: .initial, at: try S.instant("2026-03-28T17:05:00Z"))
    }

    /// Every string anywhere in a JSON value (keys and values), to search for leaks.
    func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings)
        case .object(let members): members.flatMap { [$0.key] + strings(in: $0.value) }
        default: []
        }
    }

    @Test("the anonymised bundle holds no identifying string of the fixture report")
    func noIdentifyingStrings() throws {
        let incident = try fixtureIncident()

        let bundle = try ShareableReport.make(from: incident, for: .isac).stixBundle()

        let texts = strings(in: bundle)
        let identifying = [
            "org-kaigan-dentetsu", "海岸電鉄", "Kaigan", "kaigan-dentetsu", "山田", "花子", "hanako", "soc@", "5555",
            "KD-RSV-01", "座席予約", "湘南", "Shonandai", "神奈川", "VPN 装置", "バックアップ", "暗号化され",
            "Seat reservation server", "198.51.100.77", Self.incidentID, "police",
        ]
        for needle in identifying {
            let leaks = texts.filter { $0.localizedCaseInsensitiveContains(needle) }
            #expect(leaks.isEmpty, "'\(needle)' leaks in \(leaks)")
        }
        #expect(texts.contains("[ipv4-addr:value = '203.0.113.5']"))
        #expect(texts.contains("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']"))
        #expect(texts.contains("[url:value = 'https://update-check.example.net/o\\'neil/payload.bin']"))
        #expect(texts.contains("[domain-name:value = 'update-check.example.net']"))
    }

    @Test("TLP: RED sections are withheld, the report carries the strictest label it contains")
    func labels() throws {
        let incident = try fixtureIncident()

        let view = try ShareableReport.make(from: incident, for: .nationalCenter)
        let bundle = view.stixBundle()

        #expect(view.affectedSystems.isEmpty, "systems are TLP:RED in the fixture")
        #expect(view.ransom?.amount == "15", "ransom is TLP:AMBER and may be shared")
        #expect(view.label == .amber)
        let objects = try #require(bundle["objects"]?.arrayValue)
        let report = try #require(objects.first { $0["type"] == "report" })
        #expect(report["object_marking_refs"] == [.string(TLPLevel.amber.markingDefinitionID)])
        let indicators = objects.filter { $0["type"] == "indicator" }
        #expect(indicators.count == 4, "six indicators less one not shareable and one naming the reporter")
        #expect(indicators.allSatisfy { $0["object_marking_refs"] == [.string(TLPLevel.green.markingDefinitionID)] })
        #expect(Set(report["object_refs"]?.arrayValue ?? []) == Set(objects.filter { ["indicator", "attack-pattern", "vulnerability"].contains($0["type"]?.stringValue ?? "") }.compactMap { $0["id"] }))
        let markings = objects.filter { $0["type"] == "marking-definition" }.compactMap { $0["id"]?.stringValue }
        #expect(Set(markings) == [TLPLevel.green.markingDefinitionID, TLPLevel.amber.markingDefinitionID])
        let japanese = try #require(objects.first { $0["type"] == "language-content" })
        #expect(japanese["object_ref"] == report["id"])
        #expect(japanese["contents"]?["ja"]?["name"] == "鉄道分野の事業者におけるランサムウェア事案")
        #expect(report["name"] == "Ransomware incident at an operator in the railway sector")
    }

    @Test("no consent, a TLP:RED report or only drafts: nothing is shared")
    func refusals() throws {
        let noISAC = try fixtureIncident { $0.sharing.shareWithISAC = false }
        let red = try fixtureIncident { $0.sharing.tlp = .red }
        let draftOnly = try Incident(id: "inc-d").appending(try S.fixtureReport("ransomware-railway"), kind: .draft, at: Date(timeIntervalSince1970: 0))

        #expect(throws: SharingError.noConsent(incidentID: Self.incidentID, audience: .isac)) { try ShareableReport.make(from: noISAC, for: .isac) }
        #expect(throws: SharingError.labelForbids(incidentID: Self.incidentID, label: .red)) { try ShareableReport.make(from: red, for: .isac) }
        #expect(throws: SharingError.nothingSubmitted(incidentID: "inc-d")) { try ShareableReport.make(from: draftOnly, for: .isac) }
        _ = try ShareableReport.make(from: noISAC, for: .nationalCenter)
    }

    @Test("a narrative marked shareable is shared; a reporter who waives anonymity is named")
    func optIns() throws {
        let incident = try fixtureIncident {
            $0.narrative.shareable = true
            $0.sharing.anonymise = false
        }

        let bundle = try ShareableReport.make(from: incident, for: .isac).stixBundle()

        let texts = strings(in: bundle)
        #expect(texts.contains { $0.contains("ransom note displayed") })
        #expect(texts.contains("海岸電鉄株式会社 (Kaigan Dentetsu Railway Co.)"))
        #expect(texts.contains("[email-addr:value = 'soc@kaigan-dentetsu.example.jp']"), "not anonymised: the reporter's own address may be shared")
        let objects = try #require(bundle["objects"]?.arrayValue)
        let identity = try #require(objects.first { $0["type"] == "identity" })
        #expect(objects.first { $0["type"] == "report" }?["created_by_ref"] == identity["id"])
    }

    @Test("ids are UUIDv5 from the incident id: re-publishing gives the same bundle")
    func deterministic() throws {
        let first = try ShareableReport.make(from: try fixtureIncident(), for: .isac)
        let again = try ShareableReport.make(from: try fixtureIncident(), for: .isac)

        #expect(first.stixBundle().serialized() == again.stixBundle().serialized())
        // Reference values from Python's uuid.uuid5 with the Kakehashi namespace.
        #expect(first.stixReportID == "report--e7146d04-49f1-5207-b200-4c4ea6117dba")
        #expect(first.stixID("indicator", "ipv4/203.0.113.5") == "indicator--19d7ba4f-a827-5d1e-9d59-07a9eea04578")
        let ids = (first.stixBundle()["objects"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids.contains("indicator--19d7ba4f-a827-5d1e-9d59-07a9eea04578"))
        #expect(Set(ids).count == ids.count)
    }

    @Test("a later version keeps every object's id and moves the report's modified time")
    func newVersion() throws {
        let incident = try fixtureIncident()
        let updated = incident.appending(try #require(incident.latestReport), kind: .update, at: try S.instant("2026-03-30T09:00:00Z"))

        let before = try ShareableReport.make(from: incident, for: .isac).stixBundle()
        let after = try ShareableReport.make(from: updated, for: .isac).stixBundle()

        let ids = { (bundle: JSONValue) in Set((bundle["objects"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }) }
        let report = { (bundle: JSONValue) in (bundle["objects"]?.arrayValue ?? []).first { $0["type"] == "report" } }
        #expect(ids(before) == ids(after))
        #expect(report(before)?["created"] == report(after)?["created"])
        #expect(report(after)?["modified"] == "2026-03-30T09:00:00.000Z")
        #expect(report(before)?["modified"] == "2026-03-28T17:05:00.000Z")
        #expect(before["id"] != after["id"], "a new version is a new bundle")
    }

    @Test("UUIDv5 matches RFC 9562 / Python reference vectors")
    func uuidVectors() throws {
        let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))

        #expect(NameBasedUUID.v5(namespace: dns, name: "python.org").uuidString.lowercased() == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameBasedUUID.v5String(name: "海岸電鉄/テスト") == "6e5129a6-5051-596c-8959-6d5e86819443")
    }

    @Test("pattern strings escape quotes and backslashes")
    func escaping() throws {
        let indicator = try IncidentIndicator(type: .url, value: #"http://evil.example.net/a\b'c"#)

        #expect(STIXPatternText.pattern(for: indicator) == #"[url:value = 'http://evil.example.net/a\\b\'c']"#)
        #expect(STIXPatternText.pattern(for: try IncidentIndicator(type: .md5, value: String(repeating: "A", count: 32))) == "[file:hashes.MD5 = '\(String(repeating: "a", count: 32))']")
    }

    @Test("the hub's own STIX validator accepts both the anonymised and the attributed bundle")
    func hubValidator() throws {
        let anonymous = try ShareableReport.make(from: try fixtureIncident(), for: .isac).stixBundle()
        let attributed = try ShareableReport.make(from: try fixtureIncident { $0.sharing.anonymise = false; $0.narrative.shareable = true }, for: .isac).stixBundle()

        let verdicts = [anonymous, attributed].map { STIXValidator().validateBundle($0) }

        for verdict in verdicts {
            let errors = verdict.bundleIssues + verdict.results.flatMap { result -> [STIXValidationIssue] in
                if case .failure(let error) = result { return error.errors } else { return [] }
            }
            #expect(verdict.isValid, "\(errors)")
        }
    }

    @Test("the bundle passes the OASIS validator and every pattern parses", .enabled(if: ReportPythonOracle.shouldRun))
    func oracle() throws {
        let incident = try fixtureIncident { $0.sharing.anonymise = false }
        let bundle = try ShareableReport.make(from: incident, for: .isac).stixBundle()

        let verdict = try ReportPythonOracle.check(bundle: bundle.serializedData())

        #expect(verdict.valid, "\(verdict.errors)")
        #expect(verdict.patterns.count == 5)
        for pattern in verdict.patterns { #expect(pattern.valid, "\(pattern.pattern): \(pattern.errors)") }
    }
}

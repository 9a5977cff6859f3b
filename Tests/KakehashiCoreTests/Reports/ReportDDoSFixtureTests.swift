import Foundation
import Testing
@testable import KakehashiCore

/// An airline's DDoS across four jurisdictions: routing, deadlines in each authority's zone, refusals
/// and the shared view.
@Suite("Report routing: airline DDoS")
struct ReportDDoSFixtureTests {
    typealias S = ReportTestSupport

    @Test("a degraded service routes to Japan, CIRCIA, UK NIS and SOCI's 72-hour report")
    func routing() throws {
        let report = try S.fixtureReport("ddos-airline")

        let regimes = try S.catalog().applicableRegimes(to: report).map(\.id)

        #expect(regimes == ["jp-ci-action-plan", "us-circia", "au-soci-relevant", "uk-nis"])
    }

    @Test("each deadline runs from becoming aware, exact hours across Sydney's October change")
    func deadlines() throws {
        let report = try S.fixtureReport("ddos-airline")
        let aware = try S.instant("2026-10-03T14:00:00Z")
        let incident = try Incident(id: "inc-ddos").appending(report, kind: .initial, at: aware.addingTimeInterval(1800))

        let list = DeadlineCalculator.deadlines(for: incident, regimes: try S.catalog(), now: aware.addingTimeInterval(1800))

        #expect(try S.find(list, "jp-ci-action-plan", "initial").dueAt == aware.addingTimeInterval(24 * 3600))
        #expect(try S.find(list, "uk-nis", "notification").dueAt == aware.addingTimeInterval(72 * 3600))
        let soci = try S.find(list, "au-soci-relevant", "notification")
        #expect(soci.dueAt == aware.addingTimeInterval(72 * 3600))
        // Aware at midnight AEST on Sunday 4 October 2026; Sydney moves to AEDT at 02:00 that night.
        #expect(DeadlineDisplay.format(aware, timeZone: "Australia/Sydney") == "2026-10-04 00:00 (UTC+10:00, Australia/Sydney)")
        #expect(DeadlineDisplay.format(try #require(soci.dueAt), timeZone: "Australia/Sydney") == "2026-10-07 01:00 (UTC+11:00, Australia/Sydney)")
        #expect(try S.find(list, "us-circia", "ransom-payment").state == .notAnchored(.ransomPaid))
    }

    @Test("UK NIS wants the area and duration of every affected service")
    func ukFields() throws {
        var report = try S.fixtureReport("ddos-airline")
        report.serviceImpact[0].area = nil
        report.serviceImpact[0].durationMinutes = nil

        let refusal = #expect(throws: SubmissionRefusal.self) {
            try SubmissionValidator.validate(report, kind: .initial, regimes: try S.catalog())
        }

        #expect(refusal?.missing.map(\.field) == [.serviceImpactDuration, .serviceImpactArea])
        #expect(refusal?.missing.allSatisfy { $0.requiredBy.map(\.regimeID) == ["uk-nis"] } == true)
        #expect(refusal?.message(in: .ja).contains("影響範囲（地域）") == true)
        #expect(refusal?.message(in: .ja).contains("影響の継続時間") == true)
        #expect(refusal?.message(in: .en).contains("Area affected") == true)
    }

    @Test("the shared view keeps the attack's shape, not the mitigation text or the victim's URL")
    func sharedView() throws {
        let report = try S.fixtureReport("ddos-airline")
        let incident = try Incident(id: "inc-ddos").appending(report, kind: .initial, at: try S.instant("2026-10-03T14:30:00Z"))

        let view = try ShareableReport.make(from: incident, for: .isac)

        #expect(view.ddos?.peakBitsPerSecond == 182_000_000_000)
        #expect(view.ddos?.vectors == ["http-flood", "dns-amplification"])
        #expect(view.ddos?.mitigation == nil)
        #expect(view.indicators.map(\.value) == ["192.0.2.44", "2001:db8:feed::10"])
        #expect(view.label == .clear)
        #expect(view.serviceImpact.allSatisfy { $0.service.isEmpty && $0.area == nil })
        #expect(throws: SharingError.noConsent(incidentID: "inc-ddos", audience: .nationalCenter)) { try ShareableReport.make(from: incident, for: .nationalCenter) }
        let serialized = view.stixBundle().serialized()
        for needle in ["sakura", "Sakura", "Chiba", "NRT", "cargo-track", "noc@"] {
            #expect(!serialized.contains(needle), "'\(needle)' leaks")
        }
        #expect(serialized.contains("[ipv6-addr:value = '2001:db8:feed::10']"))
    }

    @Test("an incident with its history round-trips through JSON")
    func incidentRoundTrip() throws {
        let report = try S.fixtureReport("ddos-airline")
        var incident = try Incident(id: "inc-ddos").appending(report, kind: .initial, at: try S.instant("2026-10-03T14:30:00Z"))
        try incident.record(SubmissionDelivery(submissionVersion: 1, regimeID: "uk-nis", deliveredAt: try S.instant("2026-10-03T15:00:00Z")))

        let data = try ReportCoding.makeEncoder().encode(incident)
        let again = try ReportCoding.makeDecoder().decode(Incident.self, from: data)

        #expect(again == incident)
        #expect(String(decoding: data, as: UTF8.self).contains(#""deliveredAt":"2026-10-03T15:00:00.000Z""#))
    }

    @Test("a ransom amount must be a plain decimal", arguments: [("15", true), ("2.5", true), ("-3", false), ("1e6", false), ("1,000", false), ("", false), ("3.", false)])
    func ransomAmount(text: String, valid: Bool) {
        #expect(RansomDetails.isValidAmount(text) == valid)
    }
}

import Foundation
import Testing
@testable import KakehashiCore

/// Done, due, overdue, not anchored and not required, from an incident's history.
@Suite("Deadline states")
struct DeadlineStateTests {
    typealias S = ReportTestSupport

    @Test("the ransom-payment clock waits for a payment, then runs 24 h from it")
    func ransomAnchor() throws {
        let aware = try S.instant("2026-05-01T00:00:00Z")
        let paidAt = try S.instant("2026-05-03T06:00:00Z")
        let unpaid = try S.report(designations: ["us-covered-entity"], becameAware: aware, ransom: RansomDetails(demanded: true, amount: "40", currency: "BTC"))
        var paid = unpaid
        paid.ransom = RansomDetails(demanded: true, paid: true, amount: "40", currency: "BTC", paidAt: paidAt)
        var incident = try Incident(id: "inc-ransom").appending(unpaid, kind: .initial, at: aware.addingTimeInterval(3600))
        try incident.record(SubmissionDelivery(submissionVersion: 1, regimeID: "us-circia", deliveredAt: aware.addingTimeInterval(7200)))
        let catalog = try S.catalog()

        let before = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: paidAt)
        incident = incident.appending(paid, kind: .update, at: paidAt.addingTimeInterval(3600))
        let afterPayment = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: paidAt.addingTimeInterval(25 * 3600))
        try incident.record(SubmissionDelivery(submissionVersion: 2, regimeID: "us-circia", deliveredAt: paidAt.addingTimeInterval(20 * 3600)))
        let reported = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: paidAt.addingTimeInterval(25 * 3600))

        #expect(try S.find(before, "us-circia", "ransom-payment").state == .notAnchored(.ransomPaid))
        #expect(try S.find(before, "us-circia", "covered-cyber-incident").state == .done(deliveredAt: aware.addingTimeInterval(7200), onTime: true))
        let overdue = try S.find(afterPayment, "us-circia", "ransom-payment")
        #expect(overdue.dueAt == paidAt.addingTimeInterval(24 * 3600))
        #expect(overdue.state == .overdue(by: 3600), "the initial report, made before the payment, does not fulfil the ransom-payment stage")
        #expect(try S.find(reported, "us-circia", "ransom-payment").state == .done(deliveredAt: paidAt.addingTimeInterval(20 * 3600), onTime: true))
    }

    @Test("a payment whose time is not yet known is anchored at the first submission that records it")
    func ransomPaidWithoutTime() throws {
        let aware = try S.instant("2026-05-01T00:00:00Z")
        let submitted = try S.instant("2026-05-02T09:00:00Z")
        let report = try S.report(designations: ["us-covered-entity"], becameAware: aware, ransom: RansomDetails(demanded: true, paid: true, amount: "40", currency: "BTC"))
        let incident = try Incident(id: "inc-ransom-2").appending(report, kind: .initial, at: submitted)

        let list = DeadlineCalculator.deadlines(for: incident, regimes: try S.catalog(), now: submitted)

        #expect(try S.find(list, "us-circia", "ransom-payment").dueAt == submitted.addingTimeInterval(24 * 3600))
    }

    @Test("due, then overdue by the time past the deadline, then done late")
    func dueOverdueDone() throws {
        let aware = try S.instant("2026-06-10T12:00:00Z")
        let report = try S.report(designations: ["eu-essential-entity"], becameAware: aware)
        var incident = try Incident(id: "inc-2").appending(report, kind: .initial, at: aware)
        let catalog = try S.catalog()

        let early = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: aware.addingTimeInterval(5 * 3600))
        let late = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: aware.addingTimeInterval(27 * 3600 + 90))
        try incident.record(SubmissionDelivery(submissionVersion: 1, regimeID: "eu-nis2", deliveredAt: aware.addingTimeInterval(28 * 3600)))
        let done = DeadlineCalculator.deadlines(for: incident, regimes: catalog, now: aware.addingTimeInterval(30 * 3600))

        #expect(try S.find(early, "eu-nis2", "early-warning").state == .due(remaining: 19 * 3600))
        #expect(try S.find(late, "eu-nis2", "early-warning").state == .overdue(by: 3 * 3600 + 90))
        #expect(try S.find(done, "eu-nis2", "early-warning").state == .done(deliveredAt: aware.addingTimeInterval(28 * 3600), onTime: false))
        #expect(try S.find(done, "eu-nis2", "incident-notification").state == .due(remaining: 42 * 3600), "an initial submission does not fulfil the notification")
        #expect(try S.find(done, "eu-nis2", "final-report").state == .notAnchored(.previousStageSubmitted))
    }

    @Test("an oral SOCI notification starts an 84 h written-record clock; a written one needs none")
    func sociWrittenRecord() throws {
        let aware = try S.instant("2026-08-01T00:00:00Z")
        let report = try S.report(designations: ["au-critical-infrastructure-asset"], becameAware: aware)
        let base = try Incident(id: "inc-3").appending(report, kind: .initial, at: aware)
        var oral = base
        try oral.record(SubmissionDelivery(submissionVersion: 1, regimeID: "au-soci-significant", deliveredAt: aware.addingTimeInterval(6 * 3600), channel: .oral))
        var written = base
        try written.record(SubmissionDelivery(submissionVersion: 1, regimeID: "au-soci-significant", deliveredAt: aware.addingTimeInterval(6 * 3600), channel: .written))
        let catalog = try S.catalog()
        let now = aware.addingTimeInterval(7 * 3600)

        let afterOral = try S.find(DeadlineCalculator.deadlines(for: oral, regimes: catalog, now: now), "au-soci-significant", "written-record")
        let afterWritten = try S.find(DeadlineCalculator.deadlines(for: written, regimes: catalog, now: now), "au-soci-significant", "written-record")
        let beforeAny = try S.find(DeadlineCalculator.deadlines(for: base, regimes: catalog, now: now), "au-soci-significant", "written-record")

        #expect(afterOral.dueAt == aware.addingTimeInterval((6 + 84) * 3600))
        #expect(afterOral.state == .due(remaining: 83 * 3600))
        #expect(afterWritten.state == .notRequired(.previousStageOral))
        #expect(beforeAny.state == .notAnchored(.previousStageSubmitted))
    }

    @Test("the Active Cyber Defense law applies only when a critical computer is hit, with a provisional period")
    func activeCyberDefense() throws {
        let aware = try S.instant("2027-04-01T03:00:00Z")
        var report = try S.report(designations: ["jp-core-infrastructure-operator"], becameAware: aware)
        let hit = try Incident(id: "inc-4").appending(report, kind: .initial, at: aware)
        report.affectedSystems = [AffectedSystem(name: "office-pc", isCriticalComputer: false)]
        let notHit = try Incident(id: "inc-5").appending(report, kind: .initial, at: aware)
        let catalog = try S.catalog()

        let deadline = try S.find(DeadlineCalculator.deadlines(for: hit, regimes: catalog, now: aware), "jp-active-cyber-defense", "incident-report")
        let others = DeadlineCalculator.deadlines(for: notHit, regimes: catalog, now: aware)

        #expect(deadline.isProvisional)
        #expect(deadline.dueAt == aware.addingTimeInterval(24 * 3600))
        #expect(DeadlineDisplay.describe(deadline, timeZone: "Asia/Tokyo", language: .ja).contains("暫定"))
        #expect(DeadlineDisplay.describe(deadline, timeZone: "Asia/Tokyo", language: .en).contains("provisional"))
        #expect(others.isEmpty)
    }

    @Test("states are described for people in both languages")
    func descriptions() throws {
        let aware = try S.instant("2026-06-10T12:00:00Z")
        let report = try S.report(designations: ["eu-essential-entity"], becameAware: aware)
        let incident = try Incident(id: "inc-6").appending(report, kind: .initial, at: aware)

        let list = DeadlineCalculator.deadlines(for: incident, regimes: try S.catalog(), now: aware.addingTimeInterval(27 * 3600 + 7 * 60))
        let early = try S.find(list, "eu-nis2", "early-warning")

        #expect(DeadlineDisplay.describe(early, timeZone: "Asia/Tokyo") == "overdue since 2026-06-11 21:00 (UTC+09:00, Asia/Tokyo), by 3 h 07 min")
        #expect(DeadlineDisplay.describe(early, timeZone: "Asia/Tokyo", language: .ja) == "期限 2026年06月11日 21:00（UTC+09:00、Asia/Tokyo） を 3時間07分 超過")
        #expect(DeadlineDisplay.describe(try S.find(list, "eu-nis2", "final-report"), timeZone: "UTC", language: .ja).contains("前段の報告の提出"))
        let summary = early.summary(timeZone: "Asia/Tokyo")
        #expect(summary.state == "overdue")
        let overdue = try #require(summary.overdueSeconds)
        #expect(abs(overdue - Double(3 * 3600 + 7 * 60)) < 0.001)
        #expect(summary.authorities == ["eu-csirt"])
        #expect(summary.text.en == DeadlineDisplay.describe(early, timeZone: "Asia/Tokyo"))
        #expect(try S.find(list, "eu-nis2", "final-report").summary(timeZone: "UTC").awaiting == "previous-stage-submitted")
    }

    @Test("an incident's history must be numbered and deliveries must name real, non-draft versions")
    func historyChecks() throws {
        let aware = try S.instant("2026-06-10T12:00:00Z")
        let report = try S.report(designations: [], becameAware: aware)
        var incident = try Incident(id: "inc-7").appending(report, kind: .draft, at: aware)

        #expect(throws: IncidentHistoryError.self) { try incident.record(SubmissionDelivery(submissionVersion: 1, regimeID: "eu-nis2", deliveredAt: aware)) }
        #expect(throws: IncidentHistoryError.self) { try incident.record(SubmissionDelivery(submissionVersion: 9, regimeID: "eu-nis2", deliveredAt: aware)) }
        #expect(throws: IncidentHistoryError.self) {
            try Incident(id: "inc-8", submissions: [Submission(version: 2, kind: .initial, submittedAt: aware, report: report)])
        }
        let next = incident.appending(report, kind: .initial, at: aware.addingTimeInterval(60))
        #expect(next.submissions.map(\.version) == [1, 2])
        #expect(incident.submissions.count == 1, "appending leaves the earlier value untouched")
    }
}

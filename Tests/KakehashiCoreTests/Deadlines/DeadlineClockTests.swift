import Foundation
import Testing
@testable import KakehashiCore

/// Deadlines around daylight-saving changes, month ends and midnights in other zones.
@Suite("Deadline clocks")
struct DeadlineClockTests {
    typealias S = ReportTestSupport

    func deadlines(designations: [String], becameAware: Date, state: ServiceState = .down, deliveries: [(SubmissionKind, SubmissionDelivery)] = [], now: Date) throws -> [StageDeadline] {
        let report = try S.report(designations: designations, becameAware: becameAware, state: state)
        var incident = try Incident(id: "inc-1")
        for (kind, _) in deliveries { incident = incident.appending(report, kind: kind, at: becameAware) }
        for (_, delivery) in deliveries { try incident.record(delivery) }
        if deliveries.isEmpty { incident = incident.appending(report, kind: .initial, at: becameAware) }
        return DeadlineCalculator.deadlines(for: incident, regimes: try S.catalog(), now: now)
    }

    @Test("NIS2 24 h across the EU spring change: exact hours, shown an hour later on the wall clock")
    func euSpringForward() throws {
        // Sunday 29 March 2026, 01:00 UTC: Brussels goes from UTC+1 to UTC+2.
        let aware = try S.instant("2026-03-28T23:30:00Z")  // 00:30 CET on the 29th

        let list = try deadlines(designations: ["eu-essential-entity"], becameAware: aware, now: aware)

        let early = try S.find(list, "eu-nis2", "early-warning")
        #expect(early.dueAt == (try S.instant("2026-03-29T23:30:00Z")))
        #expect(DeadlineDisplay.format(try #require(early.dueAt), timeZone: "Europe/Brussels") == "2026-03-30 01:30 (UTC+02:00, Europe/Brussels)")
        #expect(DeadlineDisplay.format(aware, timeZone: "Europe/Brussels") == "2026-03-29 00:30 (UTC+01:00, Europe/Brussels)")
        #expect(early.state == .due(remaining: 24 * 3600))
    }

    @Test("NIS2 72 h across the EU autumn change")
    func euFallBack() throws {
        // Sunday 25 October 2026, 01:00 UTC: Brussels goes back from UTC+2 to UTC+1.
        let aware = try S.instant("2026-10-24T22:00:00Z")  // midnight CEST

        let list = try deadlines(designations: ["eu-important-entity"], becameAware: aware, now: aware)

        let notification = try S.find(list, "eu-nis2", "incident-notification")
        #expect(notification.dueAt == (try S.instant("2026-10-27T22:00:00Z")))
        #expect(DeadlineDisplay.format(try #require(notification.dueAt), timeZone: "Europe/Brussels") == "2026-10-27 23:00 (UTC+01:00, Europe/Brussels)")
    }

    @Test("SOCI 12 h across Australia's April change (first Sunday, Australia/Sydney)")
    func australiaApril() throws {
        // Sunday 5 April 2026, 03:00 AEDT (16:00 UTC on the 4th): Sydney goes from UTC+11 to UTC+10.
        let aware = try S.instant("2026-04-04T15:30:00Z")  // 02:30 AEDT

        let list = try deadlines(designations: ["au-critical-infrastructure-asset"], becameAware: aware, now: aware)

        let notification = try S.find(list, "au-soci-significant", "notification")
        #expect(notification.dueAt == (try S.instant("2026-04-05T03:30:00Z")))
        #expect(DeadlineDisplay.format(aware, timeZone: "Australia/Sydney") == "2026-04-05 02:30 (UTC+11:00, Australia/Sydney)")
        #expect(DeadlineDisplay.format(try #require(notification.dueAt), timeZone: "Australia/Sydney") == "2026-04-05 13:30 (UTC+10:00, Australia/Sydney)")
    }

    @Test("SOCI 72 h across Australia's October change")
    func australiaOctober() throws {
        // Sunday 4 October 2026, 02:00 AEST (16:00 UTC on the 3rd): Sydney goes from UTC+10 to UTC+11.
        let aware = try S.instant("2026-10-03T14:00:00Z")  // midnight AEST

        let list = try deadlines(designations: ["au-critical-infrastructure-asset"], becameAware: aware, state: .degraded, now: aware)

        #expect(list.contains { $0.regime.id == "au-soci-significant" } == false, "a degraded service is a relevant, not a significant, impact")
        let notification = try S.find(list, "au-soci-relevant", "notification")
        #expect(notification.dueAt == (try S.instant("2026-10-06T14:00:00Z")))
        #expect(DeadlineDisplay.format(try #require(notification.dueAt), timeZone: "Australia/Sydney") == "2026-10-07 01:00 (UTC+11:00, Australia/Sydney)")
    }

    @Test("NIS2 final report: one calendar month after the notification, in Brussels time, clamped to month end",
          arguments: [
            ("2027-01-31T10:00:00Z", "2027-02-28T10:00:00Z"),  // Jan 31 → Feb 28
            ("2028-01-31T10:00:00Z", "2028-02-29T10:00:00Z"),  // leap year: Jan 31 → Feb 29
            ("2028-02-29T10:00:00Z", "2028-03-29T09:00:00Z"),  // Feb 29 11:00 CET → Mar 29 11:00 CEST (after the 26 March change)
            ("2028-03-31T10:00:00Z", "2028-04-30T10:00:00Z"),  // Mar 31 → Apr 30
            ("2028-03-30T23:00:00Z", "2028-04-29T23:00:00Z"),  // 01:00 on Mar 31 in Brussels (still Mar 30 in UTC) → Apr 30 01:00 CEST
            ("2028-01-31T23:30:00Z", "2028-02-29T23:30:00Z"),  // 00:30 on Feb 1 in Brussels → Mar 1 00:30
            ("2028-02-26T01:30:00Z", "2028-03-26T01:30:00Z"),  // 02:30 CET → 02:30 does not exist on Mar 26: 03:30 CEST
          ])
    func nis2FinalMonth(notified: String, expected: String) throws {
        let aware = try S.instant(notified).addingTimeInterval(-48 * 3600)
        let notifiedAt = try S.instant(notified)
        let delivery = SubmissionDelivery(submissionVersion: 1, regimeID: "eu-nis2", stageID: "incident-notification", deliveredAt: notifiedAt)

        let list = try deadlines(designations: ["eu-essential-entity"], becameAware: aware, deliveries: [(.update, delivery)], now: notifiedAt)

        let final = try S.find(list, "eu-nis2", "final-report")
        #expect(final.anchoredAt == notifiedAt)
        #expect(final.dueAt == (try S.instant(expected)))
    }

    @Test("a report filed near midnight in Tokyo runs on the same UTC clock")
    func tokyoMidnight() throws {
        // 08:30 on Sunday 29 March in Tokyo is 23:30 on Saturday 28 March in UTC.
        let aware = try S.instant("2026-03-29T08:30:00+09:00")

        let list = try deadlines(designations: ["eu-essential-entity", "jp-critical-infrastructure-operator"], becameAware: aware, now: aware)

        let early = try S.find(list, "eu-nis2", "early-warning")
        let japan = try S.find(list, "jp-ci-action-plan", "initial")
        #expect(early.dueAt == (try S.instant("2026-03-29T23:30:00Z")))
        #expect(japan.dueAt == early.dueAt)
        let due = try #require(early.dueAt)
        #expect(DeadlineDisplay.format(due, timeZone: "Asia/Tokyo", language: .ja) == "2026年03月30日 08:30（UTC+09:00、Asia/Tokyo）")
        #expect(DeadlineDisplay.format(due, timeZone: "Europe/Brussels") == "2026-03-30 01:30 (UTC+02:00, Europe/Brussels)")
        #expect(DeadlineDisplay.format(due, timeZone: "America/New_York") == "2026-03-29 19:30 (UTC-04:00, America/New_York)")
    }

    @Test("a report filed just before midnight in Sydney keeps its instant in UTC")
    func sydneyMidnight() throws {
        let aware = try S.instant("2026-07-01T23:50:00+10:00")

        let list = try deadlines(designations: ["au-critical-infrastructure-asset"], becameAware: aware, now: aware)

        let notification = try S.find(list, "au-soci-significant", "notification")
        // 23:50 AEST on 1 July is 13:50 UTC; twelve hours later is 11:50 the next day in Sydney.
        #expect(notification.dueAt == (try S.instant("2026-07-02T01:50:00Z")))
        #expect(DeadlineDisplay.format(try #require(notification.dueAt), timeZone: "Australia/Sydney") == "2026-07-02 11:50 (UTC+10:00, Australia/Sydney)")
    }

    @Test("spans are shown in hours and minutes, rounded down, negative as zero, absurd ones clamped")
    func spans() {
        #expect(DeadlineDisplay.format(span: 3 * 3600 + 7 * 60 + 59) == "3 h 07 min")
        #expect(DeadlineDisplay.format(span: 50 * 3600, language: .ja) == "50時間00分")
        #expect(DeadlineDisplay.format(span: -5) == "0 h 00 min")
        #expect(DeadlineDisplay.format(span: 1e300) == "16666666666666 h 40 min")
    }
}

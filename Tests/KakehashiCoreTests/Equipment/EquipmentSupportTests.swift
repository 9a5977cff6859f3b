import Foundation
import Testing
@testable import KakehashiCore

@Suite("Equipment support end status")
struct EquipmentSupportTests {
    private let tokyo = TimeZone(secondsFromGMT: 9 * 3600) ?? .current
    // 2026-11-26 10:00 JST
    private let now = Date(timeIntervalSince1970: 1_795_654_800)

    private func status(_ end: String?, warningDays: Int = 180) -> SupportStatus {
        let item = Equipment(id: "X", vendor: "V", product: "P", supportEnd: end.flatMap(CalendarDay.init))
        return item.supportStatus(now: now, warningDays: warningDays, timeZone: tokyo)
    }

    @Test func todayIsTheAssumedDate() {
        #expect(CalendarDay(now, in: tokyo).description == "2026-11-26")
    }

    @Test func classifiesAgainstNow() {
        #expect(status("2026-11-25") == .ended(daysAgo: 0))
        #expect(status("2025-11-26") == .ended(daysAgo: 364))
        #expect(status("2026-11-26") == .endingSoon(daysLeft: 1))
        #expect(status("2027-05-25") == .endingSoon(daysLeft: 181))  // 180 days after today
        #expect(status("2027-05-26") == .supported(daysLeft: 182))
        #expect(status(nil) == .unknown)
    }

    @Test func warningWindowIsConfigurable() {
        #expect(status("2027-01-10", warningDays: 30) == .supported(daysLeft: 46))
        #expect(status("2027-01-10", warningDays: 60) == .endingSoon(daysLeft: 46))
    }

    @Test func dayBoundaryFollowsTheTimeZone() {
        // 2026-11-25 23:30 UTC is already 2026-11-26 in Japan.
        let lateUTC = Date(timeIntervalSince1970: 1_795_649_400)
        #expect(CalendarDay(lateUTC, in: TimeZone(secondsFromGMT: 0) ?? .current).description == "2026-11-25")
        #expect(CalendarDay(lateUTC, in: tokyo).description == "2026-11-26")
    }

    @Test func dayNumbersMatchTheEpoch() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
        #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2028, month: 2, day: 29) != nil)
    }
}

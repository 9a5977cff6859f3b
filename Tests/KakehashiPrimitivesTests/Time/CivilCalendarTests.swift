import Testing
import KakehashiPrimitives

@Suite("Civil calendar arithmetic")
struct CivilCalendarTests {
    /// Day numbers from Python's `datetime.date` (`(d - date(1970, 1, 1)).days`).
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 3, 1, 11_017), (1, 1, 1, -719_162),
        (1600, 2, 29, -135_081), (9999, 12, 31, 2_932_896),
    ])
    func dayNumbersMatchPython(year: Int, month: Int, day: Int, expected: Int) {
        #expect(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) == expected)
        #expect(CivilCalendar.date(daysSinceEpoch: expected) == (year, month, day))
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var days = CivilCalendar.daysSinceEpoch(year: 1800, month: 1, day: 1)
        for year in 1800..<2200 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysIn(month: month, year: year) {
                    #expect(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) == days)
                    guard CivilCalendar.date(daysSinceEpoch: days) == (year, month, day) else {
                        Issue.record("day \(days) is not \(year)-\(month)-\(day)")
                        return
                    }
                    days += 1
                }
            }
        }
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CivilCalendar.isLeapYear(2024))
        #expect(CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(1900))
        #expect(!CivilCalendar.isLeapYear(2023))
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 2100) == 28)
        #expect(CivilCalendar.daysIn(month: 4, year: 2024) == 30)
    }

    @Test func splittingSecondsRoundsTowardThePast() {
        #expect(CivilCalendar.split(secondsSinceEpoch: 0) == (0, 0))
        #expect(CivilCalendar.split(secondsSinceEpoch: 86_399) == (0, 86_399))
        #expect(CivilCalendar.split(secondsSinceEpoch: -1) == (-1, 86_399))
        #expect(CivilCalendar.split(secondsSinceEpoch: -86_400) == (-1, 0))
    }
}

@Suite("MicrosTimestamp")
struct MicrosTimestampTests {
    @Test func writesSixFractionalDigitsByDefault() {
        #expect(MicrosTimestamp.format(0) == "1970-01-01T00:00:00.000000Z")
        #expect(MicrosTimestamp.format(1_764_171_875_123_456) == "2025-11-26T15:44:35.123456Z")
        #expect(MicrosTimestamp.format(-1) == "1969-12-31T23:59:59.999999Z")
    }

    @Test func cutsToFewerDigitsWithoutRounding() {
        #expect(MicrosTimestamp.format(1_764_171_875_123_956, fractionDigits: 3) == "2025-11-26T15:44:35.123Z")
        #expect(MicrosTimestamp.format(-1, fractionDigits: 3) == "1969-12-31T23:59:59.999Z")
        #expect(MicrosTimestamp.format(951_782_400_000_000, fractionDigits: 1) == "2000-02-29T00:00:00.0Z")
    }

    /// Instants from Python's `datetime` (`datetime(1970, 1, 1) + timedelta(microseconds=…)`).
    @Test(arguments: [
        (-62_135_596_800_000_000 as Int64, "0001-01-01T00:00:00.000000Z"),
        (253_402_300_799_999_999, "9999-12-31T23:59:59.999999Z"),
        (-2_208_988_800_000_001, "1899-12-31T23:59:59.999999Z"),
        (4_102_444_800_123_000, "2100-01-01T00:00:00.123000Z"),
    ])
    func agreesWithPython(micros: Int64, expected: String) {
        #expect(MicrosTimestamp.format(micros) == expected)
    }
}

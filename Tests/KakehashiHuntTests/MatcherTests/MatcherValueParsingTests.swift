import Testing
@testable import KakehashiHunt

@Suite("Matcher value parsing")
struct MatcherValueParsingTests {
    @Test func timestampsAcceptStrptimeWidthsAndRejectImpossibleDates() {
        #expect(PatternTimestamp.parse("1970-01-01T00:00:00Z") == 0)
        #expect(PatternTimestamp.parse("2024-03-02T10:00:00.5Z") == 1_709_373_600_500_000)
        #expect(PatternTimestamp.parse("2024-3-2T10:0:0Z") == 1_709_373_600_000_000)
        #expect(PatternTimestamp.parse("2024-03-02T10:00:00.1234567Z") == 1_709_373_600_123_456)
        #expect(PatternTimestamp.parse("2024-02-29T00:00:00Z") != nil)
        #expect(PatternTimestamp.parse("2023-02-29T00:00:00Z") == nil)
        #expect(PatternTimestamp.parse("2024-03-02T10:00:60Z") == nil)
        #expect(PatternTimestamp.parse("2024-03-02t10:00:00z") == nil)
        #expect(PatternTimestamp.parse("2024-03-02T10:00:00") == nil)
        #expect(PatternTimestamp.parse("0000-01-01T00:00:00Z") == nil)
    }

    @Test func ipv4ParsingFollowsInetAton() {
        #expect(IPv4Parser.inetAton("10.0.0.1") == 0x0A00_0001)
        #expect(IPv4Parser.inetAton("10.1") == 0x0A00_0001)
        #expect(IPv4Parser.inetAton("0x0a.0.0.1") == 0x0A00_0001)
        #expect(IPv4Parser.inetAton("010.0.0.1") == 0x0800_0001)
        #expect(IPv4Parser.inetAton("10.0.0.1 anything") == 0x0A00_0001)
        #expect(IPv4Parser.inetAton("256.1.1.1") == nil)
        #expect(IPv4Parser.inetAton("1.2.3.4.5") == nil)
        #expect(IPv4Parser.inetAton("09.1.1.1") == nil)
        #expect(IPv4Parser.inetAton("") == nil)
    }

    @Test func addressRangesContainment() throws {
        let block = try #require(AddressRange.parse("198.51.100.0/24", requirePrefix: true))
        #expect(AddressRange.parse("198.51.100.7", requirePrefix: false)?.isInside(block) == true)
        #expect(AddressRange.parse("198.51.101.7", requirePrefix: false)?.isInside(block) == false)
        #expect(AddressRange.parse("198.51.0.0/16", requirePrefix: false)?.isInside(block) == false)
        #expect(AddressRange.parse("0.0.0.0/0", requirePrefix: true) == nil)
        #expect(AddressRange.parse("10.0.0.1", requirePrefix: true) == nil)

        let v6 = try #require(AddressRange.parse("2001:db8::/32", requirePrefix: true))
        #expect(AddressRange.parse("2001:db8:ffff::1", requirePrefix: false)?.isInside(v6) == true)
        #expect(AddressRange.parse("::ffff:192.0.2.1", requirePrefix: false) != nil)
        #expect(AddressRange.parse("2001:db8:::1", requirePrefix: false) == nil)
        #expect(AddressRange.parse("1::2::3", requirePrefix: false) == nil)
    }

    @Test func likeWildcardsStopAtNewlines() {
        #expect(LikeMatcher("set%.exe").matches("setup.exe"))
        #expect(LikeMatcher("_etup.exe").matches("setup.exe"))
        #expect(!LikeMatcher("%").matches("two\nlines"))
        #expect(LikeMatcher("name").matches("name\n"))
        #expect(LikeMatcher("résumé%").matches("re\u{301}sume\u{301}.pdf"))
        #expect(!LikeMatcher("a.c").matches("abc"))
    }
}

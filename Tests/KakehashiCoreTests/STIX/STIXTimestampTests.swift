import Foundation
import Testing
@testable import KakehashiCore

@Suite("STIX timestamps and identifiers")
struct STIXTimestampTests {
    @Test(arguments: [
        "1970-01-01T00:00:00Z", "2026-04-01T09:30:00.000Z", "2024-02-29T23:59:59.999Z", "1969-12-31T23:59:59Z",
        "2000-03-01T00:00:00.5Z", "1600-03-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ])
    func agreesWithFoundation(text: String) throws {
        let timestamp = try #require(STIXTimestamp(text))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let date = try #require(formatter.date(from: text))
        #expect(timestamp.microsecondsSinceEpoch == Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        #expect(timestamp.text == text)
    }

    @Test(arguments: [
        ("2026-02-29T00:00:00Z", STIXTimestamp.Problem.calendar), ("2100-02-29T00:00:00Z", .calendar),
        ("2016-12-31T23:59:60Z", .calendar), ("0000-01-01T00:00:00Z", .calendar), ("2026-04-31T00:00:00Z", .calendar),
        ("2026-04-01T09:00:00+09:00", .format), ("2026-04-01 09:00:00Z", .format), ("2026-04-01T09:00:00.Z", .format),
        ("2026-04-01T24:00:00Z", .format), ("2026-13-01T00:00:00Z", .format), ("2026-04-01T09:00:00z", .format), ("", .format),
    ])
    func rejectsWithTheRightReason(text: String, problem: STIXTimestamp.Problem) {
        guard case .failure(let found) = STIXTimestamp.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(found == problem)
    }

    /// Foundation switches to the Julian calendar before 1582; STIX (RFC 3339) and Python use the proleptic Gregorian one.
    @Test func usesTheProlepticGregorianCalendar() throws {
        #expect(try #require(STIXTimestamp("0001-01-01T00:00:00Z")).microsecondsSinceEpoch == -62_135_596_800_000_000)
    }

    @Test func keepsPrecisionAndOrders() throws {
        let nanos = try #require(STIXTimestamp("2026-04-01T09:30:00.123456789Z"))
        #expect(nanos.fractionDigits == 9)
        #expect(nanos.microsecondsSinceEpoch % 1_000_000 == 123_456)
        let a = try #require(STIXTimestamp("2026-04-01T09:30:00Z"))
        let b = try #require(STIXTimestamp("2026-04-01T09:30:00.000Z"))
        #expect(a.microsecondsSinceEpoch == b.microsecondsSinceEpoch && a != b)
        #expect(a < b || b < a)
        #expect(try #require(STIXTimestamp("2026-04-01T09:30:00.001Z")) > b)
    }

    @Test func splitsIdentifiers() throws {
        let id = try #require(STIXIdentifier("x-acme-widget--3B1F7CD4-5A3C-4F0E-9D47-B1C3E9D0A111"))
        #expect(id.type == "x-acme-widget")
        #expect(id.uuidVersion == 4)
        #expect(id.uuidText == "3B1F7CD4-5A3C-4F0E-9D47-B1C3E9D0A111")
        for bad in ["indicator--00000000-0000-0000-0000-000000000000", "ab--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111",
                    "indicator-3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111", "Indicator--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111",
                    "indicator--3b1f7cd4-5a3c-4f0e-1d47-b1c3e9d0a111", "indicator--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a11g",
                    "indicator--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a11", "indicator-x--3b1f7cd4-5a3c-4f0e-9d47-b1c3e9d0a111-"] {
            #expect(STIXIdentifier(bad) == nil, "\(bad)")
        }
    }
}

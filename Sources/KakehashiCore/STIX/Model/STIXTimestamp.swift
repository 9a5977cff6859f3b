import KakehashiPrimitives

/// A STIX timestamp (`YYYY-MM-DDTHH:MM:SS[.s+]Z`), kept as written and as microseconds since 1970.
///
/// Parsing accepts exactly what stix2-validator accepts: the `timestamp.json` pattern plus a real
/// calendar date (no February 30th, no year 0) and seconds 00–59. Digits beyond the sixth
/// fractional digit are kept in ``text`` but truncated in ``microsecondsSinceEpoch``.
public struct STIXTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The timestamp exactly as written.
    public let text: String
    /// Microseconds since 1970-01-01T00:00:00Z (negative before 1970); sorts like the timestamp.
    public let microsecondsSinceEpoch: Int64
    /// How many digits follow the decimal point (0 when there is none).
    public let fractionDigits: Int

    /// Why a string is not a STIX timestamp.
    public enum Problem: Error, Sendable, Hashable {
        /// Not of the form `YYYY-MM-DDTHH:MM:SS[.s+]Z`.
        case format
        /// Well formed, but not a real instant (e.g. `2021-02-30`, second 60, year 0).
        case calendar
    }

    /// Parses `text`, or says what is wrong with it.
    public static func parse(_ text: String) -> Result<STIXTimestamp, Problem> {
        var copy = text
        return copy.withUTF8 { bytes -> Result<STIXTimestamp, Problem> in
            guard bytes.count >= 20, bytes[bytes.count - 1] == UInt8(ascii: "Z"),
                  bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
                  let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2)
            else { return .failure(.format) }
            var fractionDigits = 0
            var micros: Int64 = 0
            if bytes.count > 20 {
                guard bytes[19] == UInt8(ascii: "."), bytes.count > 21 else { return .failure(.format) }
                fractionDigits = bytes.count - 21
                for index in 20..<(bytes.count - 1) {
                    let byte = bytes[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.format) }
                    if index - 20 < 6 { micros = micros * 10 + Int64(byte - UInt8(ascii: "0")) }
                }
                for _ in min(fractionDigits, 6)..<6 { micros *= 10 }
            }
            guard (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59, second <= 60 else {
                return .failure(.format)
            }
            guard year >= 1, second <= 59, day <= CivilCalendar.daysIn(month: month, year: year) else { return .failure(.calendar) }
            let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = Int64(days) * CivilCalendar.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
            return .success(STIXTimestamp(text: text, microsecondsSinceEpoch: seconds * 1_000_000 + micros,
                                          fractionDigits: fractionDigits))
        }
    }

    /// Parses `text`; `nil` if it is not a valid STIX timestamp.
    public init?(_ text: String) {
        guard case .success(let value) = STIXTimestamp.parse(text) else { return nil }
        self = value
    }

    private init(text: String, microsecondsSinceEpoch: Int64, fractionDigits: Int) {
        self.text = text
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
        self.fractionDigits = fractionDigits
    }

    public var description: String { text }

    /// Orders by instant, then by text (so `…00Z` and `…00.000Z` have a fixed order).
    public static func < (lhs: STIXTimestamp, rhs: STIXTimestamp) -> Bool {
        (lhs.microsecondsSinceEpoch, lhs.text) < (rhs.microsecondsSinceEpoch, rhs.text)
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

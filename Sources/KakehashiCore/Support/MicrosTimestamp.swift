/// Writes instants (microseconds since 1970, UTC) as STIX/TAXII timestamps, e.g. `2026-11-26T15:44:35.123456Z`.
///
/// Hand-rolled because it runs once per object on the TAXII paging path, where Foundation's
/// formatters would cost more than the rest of the work.
public enum MicrosTimestamp {
    /// The RFC 3339 text with exactly six fractional digits.
    public static func format(_ micros: Int64) -> String {
        var seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = Int(micros - seconds * 1_000_000)
        var days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        seconds -= days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthPrime + 2) / 5 + 1)
        let month = Int(monthPrime < 10 ? monthPrime + 3 : monthPrime - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        let clock = Int(seconds)
        var bytes = [UInt8]()
        bytes.reserveCapacity(27)
        append(year, width: 4, to: &bytes); bytes.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &bytes); bytes.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &bytes); bytes.append(UInt8(ascii: "T"))
        append(clock / 3600, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        append(clock / 60 % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        append(clock % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: "."))
        append(fraction, width: 6, to: &bytes); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        bytes.append(contentsOf: digits)
    }
}

/// Writes instants (microseconds since 1970, UTC) as RFC 3339 / STIX timestamps, e.g. `2026-11-26T15:44:35.123456Z`.
///
/// Hand-rolled because it runs once per object on the TAXII paging path, where Foundation's
/// formatters would cost more than the rest of the work.
public enum MicrosTimestamp {
    /// The RFC 3339 text of `micros`, with `fractionDigits` fractional digits (1–6; the default six
    /// keeps every microsecond, three gives milliseconds). Digits beyond `fractionDigits` are cut, not rounded.
    public static func format(_ micros: Int64, fractionDigits: Int = 6) -> String {
        precondition((1...6).contains(fractionDigits), "a timestamp has one to six fractional digits")
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        var fraction = Int(micros - seconds * 1_000_000)
        for _ in fractionDigits..<6 { fraction /= 10 }
        let (days, secondOfDay) = CivilCalendar.split(secondsSinceEpoch: seconds)
        let (year, month, day) = CivilCalendar.date(daysSinceEpoch: Int(days))
        let clock = Int(secondOfDay)
        var bytes = [UInt8]()
        bytes.reserveCapacity(27)
        append(year, width: 4, to: &bytes); bytes.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &bytes); bytes.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &bytes); bytes.append(UInt8(ascii: "T"))
        append(clock / 3600, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        append(clock / 60 % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: ":"))
        append(clock % 60, width: 2, to: &bytes); bytes.append(UInt8(ascii: "."))
        append(fraction, width: fractionDigits, to: &bytes); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as exactly `width` decimal digits (leading zeros; higher digits dropped).
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}

/// Converts STIX timestamps to microseconds since the Unix epoch (UTC).
///
/// Accepts what the reference matcher's `_str_to_datetime` accepts: `YYYY-MM-DDTHH:MM:SS[.f]Z`
/// with Python `strptime` field widths (a month, day, hour, minute or second may be one digit),
/// upper-case `T`/`Z` only, fractions truncated to microseconds, and real calendar dates only.
public enum STIXTimestamp {
    /// Microseconds since 1970-01-01T00:00:00Z, or `nil` if `text` is not a valid timestamp.
    public static func parse(_ text: String) -> Int64? {
        var scalars = Array(text.unicodeScalars)
        guard !scalars.contains(where: { $0.properties.isLowercase }) else { return nil }
        if let dot = scalars.firstIndex(of: ".") {
            let fraction = scalars[(dot + 1)...]
            if !fraction.contains("."), fraction.count > 7, fraction.last == "Z" {
                scalars = Array(scalars[...(dot + 6)]) + ["Z"]
            }
        }
        var cursor = Cursor(scalars: scalars)
        guard let year = cursor.digits(exactly: 4), cursor.skip("-"),
              let month = cursor.field(upTo: 2), cursor.skip("-"),
              let day = cursor.dayField(), cursor.skip("T"),
              let hour = cursor.field(upTo: 2), cursor.skip(":"),
              let minute = cursor.field(upTo: 2), cursor.skip(":"),
              let second = cursor.field(upTo: 2)
        else { return nil }
        var micros = 0
        if cursor.skip(".") {
            guard let (value, count) = cursor.fraction() else { return nil }
            micros = value * Self.powersOfTen[6 - count]
        }
        guard cursor.skip("Z"), cursor.atEnd,
              (1...9999).contains(year), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1_000_000 + Int64(micros)
    }

    private static let powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Cursor {
        var scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index == scalars.count }

        private func digit(at offset: Int) -> Int? {
            guard index + offset < scalars.count else { return nil }
            let value = scalars[index + offset].value
            return (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
        }

        mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        mutating func digits(exactly count: Int) -> Int? {
            var value = 0
            for offset in 0..<count {
                guard let d = digit(at: offset) else { return nil }
                value = value * 10 + d
            }
            index += count
            return value
        }

        /// One or two digits, as `strptime`'s `%m`, `%H`, `%M`, `%S` take them.
        mutating func field(upTo count: Int) -> Int? {
            guard let first = digit(at: 0) else { return nil }
            if let second = digit(at: 1) {
                index += 2
                return first * 10 + second
            }
            index += 1
            return first
        }

        /// `%d` also admits a space before a single digit.
        mutating func dayField() -> Int? {
            if index < scalars.count, scalars[index] == " " {
                guard let d = digit(at: 1), d > 0, digit(at: 2) == nil else { return nil }
                index += 2
                return d
            }
            return field(upTo: 2)
        }

        /// One to six digits.
        mutating func fraction() -> (Int, Int)? {
            var value = 0
            var count = 0
            while count < 6, let d = digit(at: 0) {
                value = value * 10 + d
                count += 1
                index += 1
            }
            return count == 0 ? nil : (value, count)
        }
    }
}

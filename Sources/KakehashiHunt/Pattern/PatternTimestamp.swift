import KakehashiPrimitives

/// The text of a `t'…'` timestamp literal, e.g. `2024-01-01T00:00:00.5Z`.
///
/// The grammar only checks the shape; whether the date exists (February 30th, second 60) is
/// decided when the value is used (``microsecondsSinceEpoch``).
public struct PatternTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// The text between the quotes.
    public var text: String

    /// Wraps timestamp text.
    public init(text: String) {
        self.text = text
    }

    /// The UTC instant in microseconds since 1970, or `nil` when the date does not exist.
    public var microsecondsSinceEpoch: Int64? {
        PatternTimestamp.parse(text)
    }

    /// The literal as written in a pattern, `t'…'`.
    public var description: String { "t'\(text)'" }
}

extension PatternTimestamp {
    /// Microseconds since 1970-01-01T00:00:00Z for a pattern literal's or an observation's timestamp
    /// text, or `nil` if it is not a valid timestamp (the calendar arithmetic is ``CivilCalendar``'s).
    ///
    /// Accepts what the reference matcher's `_str_to_datetime` accepts: `YYYY-MM-DDTHH:MM:SS[.f]Z`
    /// with Python `strptime` field widths (a month, day, hour, minute or second may be one digit),
    /// upper-case `T`/`Z` only, fractions truncated to microseconds, and real calendar dates only.
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
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Int64(days) * CivilCalendar.secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1_000_000 + Int64(micros)
    }

    private static let powersOfTen = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

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

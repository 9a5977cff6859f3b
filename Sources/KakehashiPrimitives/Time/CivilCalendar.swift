/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, the one place the hub converts
/// between calendar dates and day numbers (Howard Hinnant's `days_from_civil` and `civil_from_days`).
///
/// ```swift
/// CivilCalendar.daysSinceEpoch(year: 2000, month: 3, day: 1)   // 11_017
/// CivilCalendar.date(daysSinceEpoch: 11_017)                   // (2000, 3, 1)
/// ```
public enum CivilCalendar {
    /// Seconds in a civil day (UTC has no leap seconds in this arithmetic).
    public static let secondsPerDay: Int64 = 86_400

    /// Days from 1970-01-01 to the given date (negative before 1970); the date is not validated.
    @inlinable
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date `days` after 1970-01-01 (before it when negative).
    @inlinable
    public static func date(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a February 29th.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1–12) of `year`.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The whole days before `seconds` since 1970 and the seconds left in that day (0..<86 400),
    /// rounding toward the past for instants before 1970.
    @inlinable
    public static func split(secondsSinceEpoch seconds: Int64) -> (days: Int64, secondOfDay: Int64) {
        let days = seconds >= 0 ? seconds / secondsPerDay : (seconds - (secondsPerDay - 1)) / secondsPerDay
        return (days, seconds - days * secondsPerDay)
    }
}

import Foundation

/// Where an item stands against its vendor support end date.
public enum SupportStatus: Sendable, Hashable {
    /// Support ended this many days ago (0 means the end date was yesterday).
    case ended(daysAgo: Int)
    /// Support ends within the warning window; this many days remain, counting the end day.
    case endingSoon(daysLeft: Int)
    /// Support continues beyond the warning window.
    case supported(daysLeft: Int)
    /// No support end date is registered.
    case unknown
}

extension Equipment {
    /// The support status on the day `now` falls on in `timeZone` (Japan by default).
    ///
    /// The end date is the last supported day. `warningDays` (180 by default) is the window in which
    /// support counts as ending soon.
    public func supportStatus(
        now: Date, warningDays: Int = 180,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .current
    ) -> SupportStatus {
        guard let supportEnd else { return .unknown }
        let today = CalendarDay(now, in: timeZone)
        let remaining = supportEnd.dayNumber - today.dayNumber
        if remaining < 0 { return .ended(daysAgo: -remaining - 1) }
        if remaining <= warningDays { return .endingSoon(daysLeft: remaining + 1) }
        return .supported(daysLeft: remaining + 1)
    }
}

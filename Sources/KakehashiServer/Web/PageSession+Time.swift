import Foundation

extension PageSession {
    /// `date` in the viewer's time zone (Asia/Tokyo unless the user chose another), to the minute.
    func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: principal.user.timeZone) ?? TimeZone(identifier: "Asia/Tokyo") ?? .gmt
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return formatter.string(from: date)
    }
}

import Foundation

/// Shows deadlines to people: instants in a chosen IANA zone, spans in hours and minutes, in Japanese or English.
public enum DeadlineDisplay {
    /// Formats an instant in `timeZone`, e.g. `2026-03-29 03:30 (UTC+02:00, Europe/Brussels)`;
    /// in Japanese `2026年03月29日 03:30（UTC+02:00、Europe/Brussels）`. Unknown zones fall back to UTC.
    public static func format(_ date: Date, timeZone identifier: String, language: ReportLanguage = .en) -> String {
        let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC") ?? TimeZone.current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let offsetText = "UTC\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
        let year = c.year ?? 0, month = pad(c.month ?? 0), day = pad(c.day ?? 0), time = "\(pad(c.hour ?? 0)):\(pad(c.minute ?? 0))"
        switch language {
        case .en: return "\(year)-\(month)-\(day) \(time) (\(offsetText), \(zone.identifier))"
        case .ja: return "\(year)年\(month)月\(day)日 \(time)（\(offsetText)、\(zone.identifier)）"
        }
    }

    /// Formats a span as hours and minutes, rounding down to the minute: `5 h 07 min`, `5時間07分`.
    public static func format(span seconds: TimeInterval, language: ReportLanguage = .en) -> String {
        // Clamped so that absurd spans (e.g. from a corrupt clock) cannot overflow Int.
        let minutes = Int(min((max(seconds, 0) / 60).rounded(.down), 1e15))
        switch language {
        case .en: return "\(minutes / 60) h \(pad(minutes % 60)) min"
        case .ja: return "\(minutes / 60)時間\(pad(minutes % 60))分"
        }
    }

    /// A one-line description of a deadline's state, with times shown in `timeZone`.
    public static func describe(_ deadline: StageDeadline, timeZone: String, language: ReportLanguage = .en) -> String {
        let provisional = deadline.isProvisional ? (language == .ja ? "（政省令待ちの暫定期限）" : " (provisional: awaiting ordinance)") : ""
        let due = deadline.dueAt.map { format($0, timeZone: timeZone, language: language) } ?? "—"
        switch (deadline.state, language) {
        case (.done(let at, let onTime), .en):
            return "done at \(format(at, timeZone: timeZone, language: .en))" + (onTime ? "" : " (late)")
        case (.done(let at, let onTime), .ja):
            return "\(format(at, timeZone: timeZone, language: .ja)) 提出済み" + (onTime ? "" : "（期限超過）")
        case (.due(let left), .en): return "due \(due), \(format(span: left)) left" + provisional
        case (.due(let left), .ja): return "期限 \(due)、残り \(format(span: left, language: .ja))" + provisional
        case (.overdue(let by), .en): return "overdue since \(due), by \(format(span: by))" + provisional
        case (.overdue(let by), .ja): return "期限 \(due) を \(format(span: by, language: .ja)) 超過" + provisional
        case (.notAnchored(let anchor), .en): return "not started: waiting for \(anchor.label.en)"
        case (.notAnchored(let anchor), .ja): return "未起算（\(anchor.label.ja)待ち）"
        case (.notRequired, .en): return "not required: the previous report was written"
        case (.notRequired, .ja): return "不要（前段の報告が書面で提出済み）"
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension StageAnchor {
    /// The event's name in Japanese and English.
    public var label: BilingualText {
        switch self {
        case .becameAware: BilingualText(ja: "認知", en: "becoming aware")
        case .detected: BilingualText(ja: "検知", en: "detection")
        case .ransomPaid: BilingualText(ja: "身代金の支払", en: "ransom payment")
        case .previousStageSubmitted: BilingualText(ja: "前段の報告の提出", en: "submission of the previous report")
        }
    }
}

import Foundation
import KakehashiCore

/// Deadlines as the pages show them: due times in the viewer's zone and a countdown in the page's language.
enum DeadlineRows {
    /// One stage's deadline as a row reads it.
    struct Row: Encodable, Sendable, Equatable {
        let regime: String
        let stage: String
        let due: String
        let countdown: String
        let state: String
        let overdue: Bool
        let provisional: Bool
        let authorities: String
    }

    /// One stage's row.
    static func row(_ deadline: StageDeadline, zone: String, language: String) -> Row {
        let lang: ReportLanguage = language == "en" ? .en : .ja
        let state = deadline.summary(timeZone: zone).state
        return Row(
            regime: deadline.regime.name[lang], stage: deadline.stage.name[lang],
            due: deadline.dueAt.map { DeadlineDisplay.format($0, timeZone: zone, language: lang) } ?? "—",
            countdown: countdown(deadline, language: language), state: state,
            overdue: state == "overdue", provisional: deadline.isProvisional,
            authorities: deadline.regime.authorities.joined(separator: ", "))
    }

    /// "due in 11 h 07 min", "overdue by 2 h 00 min", "delivered", … in `language`.
    static func countdown(_ deadline: StageDeadline, language: String) -> String {
        let text = Messages.catalogue(language)
        let lang: ReportLanguage = language == "en" ? .en : .ja
        switch deadline.state {
        case .due(let left): return (text["due_in"] ?? "%@").replacingOccurrences(of: "%@", with: DeadlineDisplay.format(span: left, language: lang))
        case .overdue(let by): return (text["overdue_by"] ?? "%@").replacingOccurrences(of: "%@", with: DeadlineDisplay.format(span: by, language: lang))
        case .done(_, let onTime): return text[onTime ? "deadline_done" : "deadline_done_late"] ?? ""
        case .notAnchored(let anchor): return (text["deadline_waiting"] ?? "%@").replacingOccurrences(of: "%@", with: anchor.label[lang])
        case .notRequired: return text["deadline_not_required"] ?? ""
        }
    }

    /// The stage that is due soonest (or most overdue) among those not yet delivered, if any.
    static func next(_ deadlines: [StageDeadline]) -> StageDeadline? {
        deadlines.filter { deadline in
            switch deadline.state {
            case .due, .overdue: true
            default: false
            }
        }
        .min { ($0.dueAt ?? .distantFuture) < ($1.dueAt ?? .distantFuture) }
    }
}

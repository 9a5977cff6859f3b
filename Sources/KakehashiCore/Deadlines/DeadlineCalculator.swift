import Foundation

/// Works out which regimes apply to an incident and where each of their stages stands.
///
/// Pure: it reads only its arguments, and `now` is one of them.
public enum DeadlineCalculator {
    /// Every stage of every regime that applies to the incident (those of its latest report and those already reported to),
    /// in configuration order.
    ///
    /// Hours are exact elapsed time; calendar months are counted in the regime's time zone.
    public static func deadlines(for incident: Incident, regimes: RegimeCatalog, now: Date) -> [StageDeadline] {
        guard let report = incident.latestReport else { return [] }
        return regimes.applicableRegimes(to: incident).flatMap { regime in
            regime.stages.map { stage in deadline(of: stage, in: regime, incident: incident, report: report, now: now) }
        }
    }

    /// The due time of a stage whose clock started at `anchor`.
    public static func dueTime(after anchor: Date, period: StagePeriod, timeZone: String) -> Date? {
        switch period {
        case .hours(let hours):
            return anchor.addingTimeInterval(TimeInterval(hours) * 3600)
        case .calendarMonths(let months):
            guard let zone = TimeZone(identifier: timeZone) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            // Foundation clamps to the month's end (Jan 31 + 1 month = Feb 28/29) and moves a wall-clock
            // time that falls in a daylight-saving gap forward by the gap.
            return calendar.date(byAdding: .month, value: months, to: anchor)
        }
    }

    static func deadline(of stage: RegimeStage, in regime: Regime, incident: Incident, report: IncidentReport, now: Date) -> StageDeadline {
        let anchor = anchorTime(of: stage, in: regime, incident: incident, report: report)
        let delivered = firstFulfilment(of: stage, in: regime, incident: incident)?.deliveredAt
        func result(_ due: Date?, _ state: DeadlineState) -> StageDeadline {
            StageDeadline(regime: regime, stage: stage, anchoredAt: anchor, dueAt: due, state: state)
        }
        if stage.condition == .previousStageOral {
            let previous = stage.resolvedAnchorStage(in: regime).flatMap(regime.stage).flatMap { firstFulfilment(of: $0, in: regime, incident: incident) }
            if let previous, previous.channel != .oral {
                return result(nil, .notRequired(.previousStageOral))
            }
        }
        guard let anchor, let due = dueTime(after: anchor, period: stage.period, timeZone: regime.timeZone) else {
            if let delivered { return result(nil, .done(deliveredAt: delivered, onTime: true)) }
            return result(nil, .notAnchored(stage.anchor))
        }
        if let delivered { return result(due, .done(deliveredAt: delivered, onTime: delivered <= due)) }
        return result(due, now <= due ? .due(remaining: due.timeIntervalSince(now)) : .overdue(by: now.timeIntervalSince(due)))
    }

    static func anchorTime(of stage: RegimeStage, in regime: Regime, incident: Incident, report: IncidentReport) -> Date? {
        switch stage.anchor {
        case .becameAware:
            return report.times.becameAware ?? report.times.detected
        case .detected:
            return report.times.detected
        case .ransomPaid:
            guard report.ransomPaid else { return nil }
            // Paid but the time is not yet known: the earliest submission that recorded the payment is
            // the latest the clock can have started.
            return report.ransom?.paidAt ?? incident.submissions.first(where: { $0.report.ransomPaid })?.submittedAt
        case .previousStageSubmitted:
            guard let previous = stage.resolvedAnchorStage(in: regime).flatMap(regime.stage) else { return nil }
            return firstFulfilment(of: previous, in: regime, incident: incident)?.deliveredAt
        }
    }

    /// The earliest delivery to the regime that fulfils `stage`: one naming it, or one of a submission of
    /// the stage's kind (for a ransom-paid stage, only a submission that records the payment).
    static func firstFulfilment(of stage: RegimeStage, in regime: Regime, incident: Incident) -> SubmissionDelivery? {
        incident.deliveries
            .filter { delivery in
                guard delivery.regimeID == regime.id, let submission = incident.submission(version: delivery.submissionVersion) else { return false }
                if let named = delivery.stageID { return named == stage.id }
                guard stage.submissionKinds.contains(submission.kind) else { return false }
                return stage.anchor != .ransomPaid || submission.report.ransomPaid
            }
            .min { $0.deliveredAt < $1.deliveredAt }
    }
}

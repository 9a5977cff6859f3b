import Foundation

extension IncidentReport {
    enum CodingKeys: String, CodingKey {
        case reporter, contacts, times, category, attackTechniques, narrative, serviceImpact, affectedSystems
        case entryVector, exploitedCVEs, indicators, ransom, ddos, actionsTaken, status, alreadyNotified, sharing
    }

    /// Decodes a report, treating absent lists as empty and absent optional sections as not given.
    ///
    /// With a reporter under ``ReportCoding/attributedReporter`` in the decoder's `userInfo` (see
    /// ``ReportCoding/makeDecoder(attributedTo:)``), `reporter` may be absent or null and is then that reporter.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let reporter: Reporter
        if let attributed = decoder.userInfo[ReportCoding.attributedReporter] as? Reporter, try !c.contains(.reporter) || c.decodeNil(forKey: .reporter) {
            reporter = attributed
        } else {
            reporter = try c.decode(Reporter.self, forKey: .reporter)
        }
        self.init(
            reporter: reporter,
            contacts: try c.decodeIfPresent([IncidentContact].self, forKey: .contacts) ?? [],
            times: try c.decode(IncidentTimes.self, forKey: .times),
            category: try c.decode(IncidentCategory.self, forKey: .category),
            attackTechniques: try c.decodeIfPresent([AttackTechniqueID].self, forKey: .attackTechniques) ?? [],
            narrative: try c.decodeIfPresent(IncidentNarrative.self, forKey: .narrative) ?? IncidentNarrative(),
            serviceImpact: try c.decodeIfPresent([ServiceImpact].self, forKey: .serviceImpact) ?? [],
            affectedSystems: try c.decodeIfPresent([AffectedSystem].self, forKey: .affectedSystems) ?? [],
            entryVector: try c.decodeIfPresent(EntryVector.self, forKey: .entryVector),
            exploitedCVEs: try c.decodeIfPresent([CVEID].self, forKey: .exploitedCVEs) ?? [],
            indicators: try c.decodeIfPresent([IncidentIndicator].self, forKey: .indicators) ?? [],
            ransom: try c.decodeIfPresent(RansomDetails.self, forKey: .ransom),
            ddos: try c.decodeIfPresent(DDoSDetails.self, forKey: .ddos),
            actionsTaken: try c.decodeIfPresent([String].self, forKey: .actionsTaken) ?? [],
            status: try c.decodeIfPresent(IncidentStatus.self, forKey: .status) ?? .ongoing,
            alreadyNotified: try c.decodeIfPresent([String].self, forKey: .alreadyNotified) ?? [],
            sharing: try c.decodeIfPresent(SharingWishes.self, forKey: .sharing) ?? SharingWishes()
        )
    }
}

/// The JSON coders the hub uses for reports: ISO 8601 instants (with or without fractional seconds).
public enum ReportCoding {
    /// The `userInfo` key of the ``Reporter`` that files the reports being decoded: the hub reading a member's
    /// report. The reporter's `organizationID` is then always that reporter's, whatever the JSON says, and an
    /// absent `reporter`, `organizationName` or `sectors` is taken from it.
    public static let attributedReporter = CodingUserInfoKey(rawValue: "kakehashi.report.attributedReporter")!

    /// A decoder for reports filed by `reporter`: see ``attributedReporter``.
    /// ```swift
    /// let decoder = ReportCoding.makeDecoder(attributedTo: Reporter(organizationID: "org-tokai-rail", sectors: ["railway"]))
    /// let report = try decoder.decode(IncidentReport.self, from: Data(#"{"category": "ransomware", "times": {…}}"#.utf8))
    /// ```
    public static func makeDecoder(attributedTo reporter: Reporter) -> JSONDecoder {
        let decoder = makeDecoder()
        decoder.userInfo[attributedReporter] = reporter
        return decoder
    }

    /// A decoder for reports, incidents and submissions.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInstant(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 instant with a zone, e.g. 2026-03-29T01:30:00Z")
            }
            return date
        }
        return decoder
    }

    /// An encoder that writes instants as ISO 8601 UTC, with sorted keys so output is stable.
    public static func makeEncoder() -> JSONEncoder {
        JSONEncoder.hub(dates: .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatInstant(date))
        })
    }

    /// Parses `2026-03-29T01:30:00Z`, `2026-03-29T10:30:00+09:00` or the same with fractional seconds.
    public static func parseInstant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Formats an instant as ISO 8601 UTC with milliseconds, e.g. `2026-03-29T01:30:00.000Z`, as STIX wants.
    public static func formatInstant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

import Foundation

/// When things happened, stored as UTC instants, with the reporter's time zone for display.
public struct IncidentTimes: Sendable, Codable, Hashable {
    /// When the incident began, if known.
    public var occurred: Date?
    /// When it was first detected.
    public var detected: Date?
    /// When the organisation became aware that it is a reportable incident (most legal clocks start here).
    public var becameAware: Date?
    /// When it was resolved.
    public var resolved: Date?
    /// The reporter's IANA time zone, e.g. `Asia/Tokyo`, used only to show these times.
    public var timeZone: String

    /// Creates the times; throws ``ReportValidationError`` if `timeZone` is not an IANA zone.
    public init(occurred: Date? = nil, detected: Date? = nil, becameAware: Date? = nil, resolved: Date? = nil, timeZone: String = "Asia/Tokyo") throws {
        guard TimeZone(identifier: timeZone) != nil else {
            throw ReportValidationError(field: "times.timeZone", value: timeZone, reason: "is not an IANA time zone id such as Asia/Tokyo")
        }
        self.occurred = occurred
        self.detected = detected
        self.becameAware = becameAware
        self.resolved = resolved
        self.timeZone = timeZone
    }

    enum CodingKeys: String, CodingKey { case occurred, detected, becameAware, resolved, timeZone }

    /// Decodes the times, checking the time zone id.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let zone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? "Asia/Tokyo"
        guard TimeZone(identifier: zone) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .timeZone, in: c, debugDescription: "'\(zone)' is not an IANA time zone id such as Asia/Tokyo")
        }
        try self.init(
            occurred: c.decodeIfPresent(Date.self, forKey: .occurred),
            detected: c.decodeIfPresent(Date.self, forKey: .detected),
            becameAware: c.decodeIfPresent(Date.self, forKey: .becameAware),
            resolved: c.decodeIfPresent(Date.self, forKey: .resolved),
            timeZone: zone
        )
    }
}

import KakehashiPrimitives

/// Formats epoch seconds as STIX timestamps (`2023-11-14T22:13:20.123Z`, millisecond precision).
public enum STIXTime {
    /// The STIX timestamp text for `seconds` since 1970 UTC, rounded to the millisecond.
    public static func format(_ seconds: Double) -> String {
        let millis = Int64((seconds * 1000).rounded())
        return MicrosTimestamp.format(millis * 1000, fractionDigits: 3)
    }
}

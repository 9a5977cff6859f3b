/// Formats epoch seconds as STIX timestamps (`2023-11-14T22:13:20.123Z`, millisecond precision).
public enum STIXTime {
    /// The STIX timestamp text for `seconds` since 1970 UTC.
    public static func format(_ seconds: Double) -> String {
        var millis = Int64((seconds * 1000).rounded())
        var days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        millis -= days * 86_400_000
        let (y, m, d) = civil(fromDays: Int(days))
        days = 0
        let ms = Int(millis % 1000)
        let totalSeconds = Int(millis / 1000)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(totalSeconds / 3600, 2) + ":"
            + pad(totalSeconds / 60 % 60, 2) + ":" + pad(totalSeconds % 60, 2) + "." + pad(ms, 3) + "Z"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

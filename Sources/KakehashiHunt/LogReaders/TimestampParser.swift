import KakehashiPrimitives

/// Parses log timestamps from bytes: epoch seconds (`1700000000.123456`) or ISO 8601 / RFC 3339
/// (`2023-11-14T22:13:20.123456+0000`, `...Z`, a space instead of `T`, no zone meaning UTC).
public enum TimestampParser {
    /// Seconds since 1970 UTC, or nil when `bytes` is neither form.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") { return parseISO(bytes) }
        return parseEpoch(bytes)
    }

    /// Whether `parse(bytes)` would return a time, without computing it (the epoch form is only
    /// scanned; the hunt converts the time only for events that hit an indicator).
    @inline(__always)
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") { return parseISO(bytes) != nil }
        return isEpoch(bytes)
    }

    /// Whether `b` has the syntax `parseEpoch` accepts: `[-]`1–15 digits`[.digits]`.
    @inline(__always)
    static func isEpoch(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if b.count == 17, b[10] == UInt8(ascii: "."), let base = b.baseAddress {
            // Zeek's own form, `1700000000.123456`: three overlapping 8-byte digit checks.
            let raw = UnsafeRawPointer(base)
            let tail = raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self)
            if allDigits(raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
                && allDigits(raw.loadUnaligned(fromByteOffset: 2, as: UInt64.self))
                && allDigits(UInt64(littleEndian: tail) & ~0xFFFF | 0x3030) { return true }
            // Otherwise (a sign, say) the general scan below decides.
        }
        var i = b[0] == UInt8(ascii: "-") ? 1 : 0
        let wholeStart = i
        while i < b.count, b[i] &- 48 < 10 { i += 1 }
        let digits = i - wholeStart
        guard digits > 0, digits <= 15 else { return false }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] &- 48 < 10 { i += 1 }
        }
        return i == b.count
    }

    /// Whether all eight bytes of `w` (little-endian order irrelevant) are ASCII digits. A byte below
    /// `0` sets its high bit in `w - 0x30…` (the lowest such byte borrows nothing), one above `9` in
    /// `w + 0x46…`, one of 0x80 or more in `w` itself; with all bytes below 0x80 nothing carries.
    @inline(__always)
    static func allDigits(_ w: UInt64) -> Bool {
        (w | (w &- 0x3030_3030_3030_3030) | (w &+ 0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080 == 0
    }

    /// Parses `[-]digits[.digits]` seconds since 1970.
    public static func parseEpoch(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if b.count > 0 && b[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var whole: Int64 = 0
        var digits = 0
        while i < b.count, b[i] &- 48 < 10 {
            guard digits < 15 else { return nil }
            whole = whole * 10 + Int64(b[i] &- 48); i += 1; digits += 1
        }
        guard digits > 0 else { return nil }
        var fraction = 0.0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            while i < b.count, b[i] &- 48 < 10 { fraction += Double(b[i] &- 48) * scale; scale /= 10; i += 1 }
        }
        guard i == b.count else { return nil }
        let value = Double(whole) + fraction
        return negative ? -value : value
    }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ width: Int) -> Int? {
        guard at + width <= b.count else { return nil }
        var v = 0
        for k in at..<(at + width) {
            let d = b[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Parses ISO 8601 date-time text.
    public static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let year = number(b, 0, 4), b[4] == UInt8(ascii: "-"), let month = number(b, 5, 2),
              b.count > 7, b[7] == UInt8(ascii: "-"), let day = number(b, 8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(Int64(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)) * CivilCalendar.secondsPerDay)
        var i = 10
        if i == b.count { return seconds }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " "),
              let hour = number(b, 11, 2), b.count > 13, b[13] == UInt8(ascii: ":"),
              let minute = number(b, 14, 2), hour < 24, minute < 60 else { return nil }
        i = 16
        var second = 0.0
        if i < b.count && b[i] == UInt8(ascii: ":") {
            guard let s = number(b, 17, 2), s <= 60 else { return nil }
            second = Double(s)
            i = 19
            if i < b.count && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
                i += 1
                var scale = 0.1
                while i < b.count, b[i] &- 48 < 10 { second += Double(b[i] &- 48) * scale; scale /= 10; i += 1 }
            }
        }
        seconds += Double(hour * 3600 + minute * 60) + second
        if i == b.count { return seconds }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count ? seconds : nil }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let zh = number(b, i + 1, 2) else { return nil }
        var j = i + 3
        if j < b.count && b[j] == UInt8(ascii: ":") { j += 1 }
        var zm = 0
        if j < b.count { guard let m = number(b, j, 2) else { return nil }; zm = m; j += 2 }
        guard j == b.count else { return nil }
        let offset = Double(zh * 3600 + zm * 60)
        return b[i] == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }
}

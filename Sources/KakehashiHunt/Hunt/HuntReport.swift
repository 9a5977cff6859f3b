/// Human-readable summaries of a hunt, for the command line.
public enum HuntReport {
    /// A few lines: indicators used/skipped (with reasons), lines/events/malformed, matches, speed.
    public static func text(_ s: HuntSummary, listLimit: Int = 20) -> String {
        var lines: [String] = []
        lines.append("indicators: \(s.indicatorsRead) read, \(s.indicatorsIndexed) indexed, \(s.skippedIndicators.count) skipped, "
                     + "\(s.unmatchableIndicators) cannot match log data (\(format(s.compileSeconds))s)")
        for skip in s.skippedIndicators.prefix(listLimit) { lines.append("  skipped \(skip)") }
        if s.skippedIndicators.count > listLimit { lines.append("  … \(s.skippedIndicators.count - listLimit) more skipped") }
        lines.append("logs: \(s.files.count) files, \(s.lines) lines, \(s.events) events, \(s.malformedCount) malformed lines skipped")
        for bad in s.malformed.prefix(listLimit) { lines.append("  malformed \(bad)") }
        if s.malformedCount > min(listLimit, s.malformed.count) {
            lines.append("  … \(s.malformedCount - min(listLimit, s.malformed.count)) more malformed lines")
        }
        lines.append("matches: \(s.matches) on \(s.matchedIndicators) indicators; scanned in \(format(s.scanSeconds))s "
                     + "(\(Int(s.eventsPerSecond)) events/s)")
        if s.matcherErrors > 0 {
            lines.append("warning: the pattern matcher failed on \(s.matcherErrors) candidates (counted as no match)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}

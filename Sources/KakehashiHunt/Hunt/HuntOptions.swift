import KakehashiPrimitives

/// Everything a hunt run needs, as the CLI and the benchmark pass it.
public struct HuntOptions: Sendable {
    /// The STIX bundle or JSON array of indicators.
    public var indicatorsPath: String
    /// Log files or directories (directories are read recursively, in name order).
    public var logPaths: [String]
    /// Forced format; nil detects per file.
    public var format: LogFormat?
    /// Mapping for `jsonl`/`csv` logs.
    public var mapping: FieldMapping?
    /// Where to write the sightings bundle; nil writes nothing.
    public var outputPath: String?
    /// Matching events kept as evidence per sighting.
    public var maxSamples: Int
    /// Window for sequence patterns without `WITHIN`, in seconds.
    public var defaultWindow: Double
    /// Malformed lines listed individually in the summary (all are counted).
    public var maxReportedMalformed: Int

    /// Options with defaults for everything but the inputs.
    public init(indicatorsPath: String, logPaths: [String], format: LogFormat? = nil, mapping: FieldMapping? = nil,
                outputPath: String? = nil, maxSamples: Int = 5, defaultWindow: Double = 3600, maxReportedMalformed: Int = 100) {
        self.indicatorsPath = indicatorsPath
        self.logPaths = logPaths
        self.format = format
        self.mapping = mapping
        self.outputPath = outputPath
        self.maxSamples = maxSamples
        self.defaultWindow = defaultWindow
        self.maxReportedMalformed = maxReportedMalformed
    }
}

/// A snapshot of a running hunt, for progress displays.
public struct HuntProgress: Sendable {
    /// Bytes read from log files so far (compressed bytes for gzip).
    public var bytesRead: Int
    /// Total size of all log files.
    public var totalBytes: Int
    /// Events parsed so far.
    public var events: Int
    /// Matches so far.
    public var matches: Int
    /// Seconds since scanning began.
    public var elapsed: Double

    /// Events per second so far.
    public var eventsPerSecond: Double { elapsed > 0 ? Double(events) / elapsed : 0 }
    /// Estimated seconds left, from the byte rate.
    public var secondsLeft: Double? {
        guard bytesRead > 0, elapsed > 0, totalBytes >= bytesRead else { return nil }
        return Double(totalBytes - bytesRead) / (Double(bytesRead) / elapsed)
    }
}

/// What a hunt did.
public struct HuntSummary: Sendable {
    /// Indicators read from the file.
    public var indicatorsRead = 0
    /// Indicators compiled into the index.
    public var indicatorsIndexed = 0
    /// Indicators skipped, with reasons (invalid pattern, non-STIX…).
    public var skippedIndicators: [SkippedIndicator] = []
    /// Valid indicators whose object types never occur in logs.
    public var unmatchableIndicators = 0
    /// Log files read.
    public var files: [String] = []
    /// Lines read.
    public var lines = 0
    /// Records parsed into events.
    public var events = 0
    /// Malformed lines, counted.
    public var malformedCount = 0
    /// The first malformed lines, with file and line number.
    public var malformed: [MalformedLine] = []
    /// Total matches.
    public var matches = 0
    /// Indicators matched at least once.
    public var matchedIndicators = 0
    /// Candidates the pattern matcher failed on (counted as no match).
    public var matcherErrors = 0
    /// Seconds spent loading and indexing indicators.
    public var compileSeconds = 0.0
    /// Seconds spent scanning logs.
    public var scanSeconds = 0.0
    /// CPU seconds (user + system) spent scanning; on a busy machine a fairer speed measure.
    public var scanCPUSeconds = 0.0
    /// Bytes of log read.
    public var bytesRead = 0
    /// Approximate index size in bytes.
    public var indexBytes = 0
    /// The sightings bundle.
    public var bundle: JSONValue = .object([:])

    /// Events per CPU second over the scan.
    public var eventsPerCPUSecond: Double { scanCPUSeconds > 0 ? Double(events) / scanCPUSeconds : 0 }
    /// Events per second over the scan.
    public var eventsPerSecond: Double { scanSeconds > 0 ? Double(events) / scanSeconds : 0 }
}

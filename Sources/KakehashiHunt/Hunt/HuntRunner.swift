import Foundation

/// The hunt as one function: load and index indicators, scan logs, build sightings. The `hunt`
/// command, the tests and the benchmark all call `run`.
public enum HuntRunner {
    /// Runs a hunt.
    /// - Parameters:
    ///   - options: inputs and limits.
    ///   - progress: called about four times a second while scanning.
    /// - Throws: `IndicatorFileError`, `LogReadError` (naming the file) or a file-write error.
    public static func run(
        options: HuntOptions,
        progress: ((HuntProgress) -> Void)? = nil
    ) async throws -> HuntSummary {
        var summary = HuntSummary()
        let compileStart = DispatchTime.now()
        var compiler = HuntCompiler(defaultWindow: options.defaultWindow)
        var loaderSkips: [SkippedIndicator] = []
        try IndicatorLoader.forEachIndicator(path: options.indicatorsPath, skipped: { loaderSkips.append($0) }) { record in
            summary.indicatorsRead += 1
            compiler.add(record)
        }
        compiler.finish()
        summary.skippedIndicators = loaderSkips + compiler.skipped
        summary.unmatchableIndicators = compiler.unmatchable
        summary.indicatorsIndexed = compiler.indicators.count
        summary.indexBytes = compiler.index.memoryBytes
        summary.compileSeconds = seconds(since: compileStart)

        let engine = HuntEngine(compiler: compiler, maxSamples: options.maxSamples)
        let files = try expand(options.logPaths)
        summary.files = files
        let totalBytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let scanStart = DispatchTime.now()
        let scanCPUStart = cpuSeconds()
        var doneBytes = 0
        var lastReport = scanStart.uptimeNanoseconds
        for path in files {
            let reader = try LogFileReader(path: path, format: options.format, mapping: options.mapping)
            var eventsInFile = 0
            summary.lines += try reader.forEachEvent(onEvent: { event, line in
                engine.process(event, path: path, line: line)
                eventsInFile += 1
                if let progress, eventsInFile & 0xFFFF == 0 {
                    let now = DispatchTime.now().uptimeNanoseconds
                    if now - lastReport > 250_000_000 {
                        lastReport = now
                        progress(HuntProgress(bytesRead: doneBytes + reader.bytesConsumed, totalBytes: totalBytes,
                                              events: summary.events + eventsInFile, matches: engine.sightings.totalMatches,
                                              elapsed: seconds(since: scanStart)))
                    }
                }
                return true
            }, onMalformed: { line in
                summary.malformedCount += 1
                if summary.malformed.count < options.maxReportedMalformed { summary.malformed.append(line) }
            })
            summary.events += eventsInFile
            doneBytes += reader.bytesConsumed
        }
        summary.scanSeconds = seconds(since: scanStart)
        summary.scanCPUSeconds = cpuSeconds() - scanCPUStart
        summary.bytesRead = doneBytes
        summary.matches = engine.sightings.totalMatches
        summary.matchedIndicators = engine.sightings.stats.count
        summary.matcherErrors = engine.matcherErrors
        progress?(HuntProgress(bytesRead: doneBytes, totalBytes: totalBytes, events: summary.events,
                               matches: summary.matches, elapsed: summary.scanSeconds))
        summary.bundle = SightingWriter.bundle(engine.sightings, indicators: engine.indicators,
                                               scope: files.map { ($0 as NSString).lastPathComponent })
        if let out = options.outputPath {
            do { try Data((summary.bundle.prettySerialized() + "\n").utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw HuntOutputError(path: out, reason: error.localizedDescription)
            }
        }
        return summary
    }

    /// CPU time (user + system) used by the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Files under the given paths (directories recursively, sorted); a missing path is an error.
    static func expand(_ paths: [String]) throws(LogReadError) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw .unreadable(path: path, reason: "no such file or directory") }
            if !isDir.boolValue { files.append(path); continue }
            guard let walker = fm.enumerator(atPath: path) else { throw .unreadable(path: path, reason: "cannot list directory") }
            var found: [String] = []
            for case let rel as String in walker {
                let full = (path as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, !rel.hasPrefix(".") { found.append(full) }
            }
            files += found.sorted()
        }
        return files
    }
}

/// The sightings file could not be written.
public struct HuntOutputError: Error, Sendable, CustomStringConvertible {
    /// The output path.
    public var path: String
    /// Why.
    public var reason: String
    /// `cannot write sightings to '…': reason`.
    public var description: String { "cannot write sightings to '\(path)': \(reason)" }
}

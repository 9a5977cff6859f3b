import Foundation
import KakehashiHunt

// hunt-bench generate-indicators N FILE | generate-logs LINES DIR | run INDICATORS LOG...
let args = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hunt-bench: \(message)\n".utf8))
    exit(2)
}
guard args.count >= 2 else { fail("usage: hunt-bench generate-indicators N FILE | generate-logs LINES DIR | run INDICATORS LOG...") }

switch args[1] {
case "generate-indicators":
    guard args.count == 4, let n = Int(args[2]) else { fail("generate-indicators N FILE") }
    let w = try BufferedWriter(path: args[3])
    w.write("{\"type\":\"bundle\",\"id\":\"bundle--7c1f4a53-0d9e-4b7e-9a55-000000000001\",\"objects\":[\n")
    for i in 0..<n {
        let pattern = IndicatorValues.pattern(i).replacingOccurrences(of: "\\", with: "\\\\")
        w.write("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"\(IndicatorValues.id(i))\",\"created\":\"2026-11-26T00:00:00.000Z\",\"modified\":\"2026-11-26T00:00:00.000Z\",\"pattern\":\"\(pattern)\",\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-26T00:00:00Z\"}\(i + 1 < n ? "," : "")\n")
    }
    w.write("]}\n")
    w.close()
case "generate-logs":
    guard args.count == 4, let lines = Int(args[2]) else { fail("generate-logs LINES DIR") }
    var generator = LogGenerator(lines: lines)
    try generator.write(dir: args[3])
case "run":
    guard args.count >= 4 else { fail("run INDICATORS LOG...") }
    let options = HuntOptions(indicatorsPath: args[2], logPaths: Array(args[3...]))
    let s = try await HuntRunner.run(options: options)
    print("{\"indicators\":\(s.indicatorsIndexed),\"skipped\":\(s.skippedIndicators.count),\"events\":\(s.events),"
          + "\"malformed\":\(s.malformedCount),\"matches\":\(s.matches),\"matched_indicators\":\(s.matchedIndicators),"
          + "\"compile_seconds\":\(s.compileSeconds),\"scan_seconds\":\(s.scanSeconds),"
          + "\"scan_cpu_seconds\":\(s.scanCPUSeconds),\"events_per_second\":\(Int(s.eventsPerSecond)),\"events_per_cpu_second\":\(Int(s.eventsPerCPUSecond)),\"index_bytes\":\(s.indexBytes)}")
default:
    fail("unknown command \(args[1])")
}

import Foundation
import KakehashiCore

/// Times matching a generated registry against generated CVE-like records (release build).
/// Prints a line straight away (stdout to a pipe is otherwise buffered until exit).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let itemCount = arguments.first ?? 100_000
let recordCount = arguments.dropFirst().first ?? 250_000

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// CPU time used by this process so far; on a shared machine it shows the work apart from waiting.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

var generator = try DataGenerator()
var start = ContinuousClock.now
let items = try generator.equipment(count: itemCount)
let records = generator.records(count: recordCount, knownExploited: 1_500)
say("generated \(items.count) items and \(records.count) records (incl. 1500 KEV entries) in \(format(seconds(start))) s")

start = ContinuousClock.now
var cpu = cpuSeconds()
let index = AdvisoryIndex(records: records)
let indexTime = seconds(start)
let indexCPU = cpuSeconds() - cpu

start = ContinuousClock.now
cpu = cpuSeconds()
let findings = await AdvisoryMatcher.matchConcurrently(items, index: index)
let matchTime = seconds(start)
let matchCPU = cpuSeconds() - cpu

let affected = findings.filter { $0.status == .affected }.count
let exploited = findings.filter { $0.knownExploited != nil }.count
let itemsHit = Set(findings.map(\.equipment.id)).count
say("index build: \(format(indexTime)) s wall, \(format(indexCPU)) s CPU")
say("match + rank (\(ProcessInfo.processInfo.activeProcessorCount) workers): \(format(matchTime)) s wall, \(format(matchCPU)) s CPU")
say("total (index + match + rank): \(format(indexTime + matchTime)) s wall, \(format(indexCPU + matchCPU)) s CPU")
say("findings: \(findings.count) (affected \(affected), unknown \(findings.count - affected), known exploited \(exploited)) on \(itemsHit) items")

start = ContinuousClock.now
var checksum = 0.0
for vector in ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:L/SC:N/SI:L/SA:N/E:P"] {
    for _ in 0..<50_000 { checksum += (try CVSSScore(vector: vector)).baseScore }
}
say("CVSS 4.0 parse + score: 100000 vectors in \(format(seconds(start))) s (checksum \(format(checksum)))")

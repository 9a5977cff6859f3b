import KakehashiHunt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// hunt-profile INDICATORS LOG...: the scan of `hunt-bench run` without Swift concurrency, so it runs
// under valgrind (which fails on an async main's dispatch_main). Count only the scan with
//   valgrind --tool=callgrind '--toggle-collect=*measuredScan*' hunt-profile IND LOG...
let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: hunt-profile INDICATORS LOG...")
    exit(2)
}

@inline(never)
func indicatorLoad(_ path: String) throws -> HuntCompiler {
    var compiler = HuntCompiler()
    try IndicatorLoader.forEachIndicator(path: path, skipped: { _ in }) { compiler.add($0) }
    compiler.finish()
    return compiler
}

@inline(never)
func measuredScan(_ engine: HuntEngine, _ paths: [String]) throws -> (events: Int, malformed: Int) {
    var events = 0, malformed = 0
    for path in paths {
        let reader = try LogFileReader(path: path)
        try reader.forEachEvent(onEvent: { event, line in
            engine.process(event, path: path, line: line)
            events += 1
            return true
        }, onMalformed: { _ in malformed += 1 })
    }
    return (events, malformed)
}

let compiler = try indicatorLoad(args[1])
let engine = HuntEngine(compiler: compiler)
let result = try measuredScan(engine, Array(args[2...]))
print("{\"indicators\":\(compiler.indicators.count),\"events\":\(result.events),\"malformed\":\(result.malformed),"
      + "\"matches\":\(engine.sightings.totalMatches),\"matched_indicators\":\(engine.sightings.stats.count)}")

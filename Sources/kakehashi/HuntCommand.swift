import ArgumentParser
import Foundation
import KakehashiHunt
import KakehashiServer

/// `kakehashi hunt`: match STIX indicators against Zeek/EVE/JSON-lines/CSV logs and write sightings.
struct HuntCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hunt",
        abstract: "Hunt for STIX indicators in network logs and produce STIX sightings.",
        discussion: """
            Reads Zeek (TSV or JSON), Suricata EVE, JSON lines or CSV logs, plain or gzip, and matches \
            every record against the indicators' STIX patterns through an index, so the cost per event \
            does not grow with the number of indicators.
            Example: kakehashi hunt --indicators intel.json --logs /var/log/zeek/2026-11-26 --out sightings.json
            """
    )

    @Option(name: .long, help: "STIX bundle or JSON array of indicators (or take them from --hub).")
    var indicators: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Log files or directories (read recursively).")
    var logs: [String]

    @Option(name: .long, help: "Log format: zeek, eve, jsonl or csv (default: detect per file).")
    var format: LogFormat?

    @Option(name: .long, help: "Field mapping (JSON) for jsonl/csv logs.")
    var mapping: String?

    @Option(name: .long, help: "Write the sightings bundle to this file.")
    var out: String?

    @Option(name: .long, help: "Hub base URL: indicators come from its collection when --indicators is not given; --report posts the sightings there.")
    var hub: String?

    @Option(name: .long, help: "TAXII collection id on the hub.")
    var collection: String?

    @Option(name: .customLong("token-file"), help: "File holding the hub API token.")
    var tokenFile: String?

    @Flag(name: .long, help: "Post the sightings (never a log line) to the hub's collection.")
    var report = false

    func validate() throws {
        if logs.isEmpty { throw ValidationError("--logs needs at least one file or directory") }
        if (format == .jsonl || format == .csv) && mapping == nil {
            throw ValidationError("--format \(format?.rawValue ?? "") needs --mapping FILE naming which columns hold which observables")
        }
        if indicators == nil && hub == nil {
            throw ValidationError("give --indicators FILE, or --hub URL --collection ID --token-file FILE")
        }
        if hub != nil && (collection == nil || tokenFile == nil) {
            throw ValidationError("--hub needs --collection ID and --token-file FILE")
        }
        if (report || collection != nil || tokenFile != nil) && hub == nil {
            throw ValidationError("--report, --collection and --token-file need --hub URL")
        }
    }

    func run() async throws {
        var fieldMapping: FieldMapping?
        if let mapping { fieldMapping = try FieldMapping(contentsOf: mapping) }
        var client: HubTAXIIClient?
        if let hub, let collection, let tokenFile {
            client = try HubTAXIIClient(hub: hub, collection: collection, tokenFile: tokenFile)
        }
        var indicatorsPath = indicators ?? ""
        if indicators == nil, let client {
            indicatorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("kakehashi-indicators-\(UUID().uuidString).json").path
            try Data(try await client.downloadIndicators().utf8).write(to: URL(fileURLWithPath: indicatorsPath))
        }
        defer { if indicators == nil { try? FileManager.default.removeItem(atPath: indicatorsPath) } }
        let options = HuntOptions(indicatorsPath: indicatorsPath, logPaths: logs, format: format,
                                  mapping: fieldMapping, outputPath: out)
        let display = HuntProgressDisplay()
        var progress: ((HuntProgress) -> Void)?
        if display.isEnabled { progress = { display.show($0) } }
        let summary = try await HuntRunner.run(options: options, progress: progress)
        display.finish()
        FileHandle.standardError.write(Data((HuntReport.text(summary) + "\n").utf8))
        if out == nil { print(summary.bundle.prettySerialized()) }
        if report, let client {
            let stored = try await client.postBundle(summary.bundle.serialized())
            FileHandle.standardError.write(Data("posted \(stored) sighting objects to \(client.baseURL)\n".utf8))
        }
    }
}

extension LogFormat: ExpressibleByArgument {}

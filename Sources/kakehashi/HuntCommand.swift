import ArgumentParser
import Foundation
import KakehashiHunt

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

    @Option(name: .long, help: "STIX bundle or JSON array of indicators.")
    var indicators: String

    @Option(name: .long, parsing: .upToNextOption, help: "Log files or directories (read recursively).")
    var logs: [String]

    @Option(name: .long, help: "Log format: zeek, eve, jsonl or csv (default: detect per file).")
    var format: LogFormat?

    @Option(name: .long, help: "Field mapping (JSON) for jsonl/csv logs.")
    var mapping: String?

    @Option(name: .long, help: "Write the sightings bundle to this file.")
    var out: String?

    @Option(name: .long, help: "Hub base URL to upload sightings to.")
    var hub: String?

    @Option(name: .long, help: "TAXII collection id on the hub.")
    var collection: String?

    @Option(name: .customLong("token-file"), help: "File holding the hub API token.")
    var tokenFile: String?

    @Flag(name: .long, help: "Also file an incident report on the hub for the sightings.")
    var report = false

    func validate() throws {
        if logs.isEmpty { throw ValidationError("--logs needs at least one file or directory") }
        if (format == .jsonl || format == .csv) && mapping == nil {
            throw ValidationError("--format \(format?.rawValue ?? "") needs --mapping FILE naming which columns hold which observables")
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
        let options = HuntOptions(indicatorsPath: indicators, logPaths: logs, format: format,
                                  mapping: fieldMapping, outputPath: out)
        let display = HuntProgressDisplay()
        var progress: ((HuntProgress) -> Void)?
        if display.isEnabled { progress = { display.show($0) } }
        let summary = try await HuntRunner.run(options: options, progress: progress)
        display.finish()
        FileHandle.standardError.write(Data((HuntReport.text(summary) + "\n").utf8))
        if out == nil { print(summary.bundle.pretty) }
        if let hub, let collection, let tokenFile {
            try await HubUpload.upload(summary.bundle, hub: hub, collection: collection, tokenFile: tokenFile, report: report)
        }
    }
}

extension LogFormat: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiHunt
import KakehashiServer

/// `kakehashi detections`: detection packs for sensors.
struct DetectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detections",
        abstract: "Detection packs: a collection's indicators as Zeek, Suricata and firewall files.",
        subcommands: [Pull.self]
    )

    /// `kakehashi detections pull`: fetches the pack (a delta after the first pull) and writes its files.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Fetch a collection's detection pack and write it for Zeek, Suricata or a firewall.",
            discussion: """
                Writes each file atomically (a temporary file renamed over the old one), keeps its cursor in \
                --out so that the next pull asks only for what changed, and runs --reload only when a file \
                changed, so it can run from cron or a systemd timer. A pack that comes back empty does not \
                replace a non-empty one unless --allow-empty is given. Values on --allowlist are never written.
                Example: kakehashi detections pull --hub https://hub.example --collection 3f1c… --token-file /etc/kakehashi/token \
                --out /etc/suricata/kakehashi --format suricata,iprep --sid-base 9000000 --reload 'suricatasc -c reload-rules'
                """
        )

        @Option(name: .long, help: "Hub base URL.")
        var hub: String

        @Option(name: .long, help: "Collection id on the hub.")
        var collection: String

        @Option(name: .customLong("token-file"), help: "File holding the hub API token (scope read).")
        var tokenFile: String

        @Option(name: .long, help: "Directory the pack's files and cursor are kept in.")
        var out: String

        @Option(name: .long, help: "Comma-separated formats: zeek, suricata, suricata-dataset, iprep, plain, csv, report.")
        var format: String

        @Option(name: .customLong("sid-base"), help: "First SID of your range for the hub's rules (default 1000000).")
        var sidBase: Int64?

        @Option(name: .customLong("sid-count"), help: "How many SIDs the range holds (default 1000000).")
        var sidCount: Int64?

        @Option(name: .long, help: "File of addresses, CIDR blocks and domains never to block (one a line, # comments).")
        var allowlist: String?

        @Option(name: .long, help: "Shell command to run when a file changed (e.g. 'zeekctl deploy').")
        var reload: String?

        @Flag(name: .customLong("allow-empty"), help: "Let an empty pack replace a non-empty one.")
        var allowEmpty = false

        func validate() throws {
            _ = try Self.formats(format)
            if sidCount != nil && sidBase == nil { throw ValidationError("--sid-count needs --sid-base") }
        }

        static func formats(_ text: String) throws -> [DetectionFormat] {
            let formats = try text.split(separator: ",").map { name in
                guard let format = DetectionFormat(rawValue: String(name)) else {
                    throw ValidationError("--format: '\(name)' is not one of \(DetectionFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return format
            }
            guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
            return formats
        }

        func run() async throws {
            let client = try HubDetectionsClient(hub: hub, collection: collection, tokenFile: tokenFile)
            let result = try await perform(fetch: { try await client.fetch(query: $0) }, output: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
            if result.reloadFailed { throw ExitCode(3) }
        }

        /// What one run did, and whether the reload command failed.
        struct Result {
            var outcome: DetectionPuller.Outcome
            var reloaded: Bool
            var reloadFailed: Bool
        }

        /// The command's work, with the hub's answer from `fetch`: pulls, reports, and reloads when a file changed.
        @discardableResult
        func perform(fetch: @escaping @Sendable (String) async throws -> String, output: (String) -> Void) async throws -> Result {
            let formats = try Self.formats(format)
            var range: SIDRange?
            if sidBase != nil || formats.contains(.suricata) {
                do {
                    range = try SIDRange(base: sidBase ?? SIDRange.local.base, count: sidCount ?? SIDRange.local.count)
                } catch {
                    throw ValidationError("--sid-base/--sid-count: \(error.description)")
                }
            }
            var list = DetectionAllowlist()
            if let allowlist {
                guard let text = try? String(contentsOfFile: allowlist, encoding: .utf8) else { throw ValidationError("cannot read the allowlist \(allowlist)") }
                list = try DetectionAllowlist(text: text, source: allowlist)
            }
            let puller = DetectionPuller(options: .init(outputDirectory: out, formats: formats, sidRange: range, allowlist: list, allowEmpty: allowEmpty), fetch: fetch)
            let outcome = try await puller.pull()
            output("\(outcome.delta ? "delta" : "full pack"): \(outcome.entries) entries, \(outcome.changed.count) file(s) changed\(outcome.changed.isEmpty ? "" : ": " + outcome.changed.joined(separator: ", "))")
            for entry in outcome.allowlisted {
                output("allowlisted, not written: \(entry.kind.rawValue) \(entry.value) (\(entry.indicator))")
            }
            if !outcome.untranslatable.isEmpty {
                output("\(outcome.untranslatable.count) indicator(s) not translatable (see format=report):")
                for item in outcome.untranslatable.prefix(20) { output("  \(item.indicator): \(item.reason)") }
            }
            var result = Result(outcome: outcome, reloaded: false, reloadFailed: false)
            if let reload, !outcome.changed.isEmpty {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", reload]
                process.currentDirectoryURL = URL(fileURLWithPath: out)
                try process.run()
                process.waitUntilExit()
                result.reloaded = true
                result.reloadFailed = process.terminationStatus != 0
                output(result.reloadFailed ? "reload command exited with \(process.terminationStatus)" : "reloaded")
            }
            return result
        }
    }
}

import ArgumentParser
import Foundation
import KakehashiCore
import KakehashiServer
import KakehashiStorage
import Logging

/// `kakehashi advisories`: import CSAF 2.0, CVE JSON 5 and CISA KEV documents, and configure the
/// URLs the hub fetches on a schedule.
struct AdvisoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisories", abstract: "Import vulnerability advisories and configure advisory feeds.",
        subcommands: [Import.self, FeedAdd.self, FeedList.self, FeedRemove.self])

    struct Import: HubCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import advisory files (CSAF 2.0, CVE JSON 5 records, the CISA KEV catalog) and re-match every registry.",
            discussion: "All files are read before anything is stored: one bad file stores nothing. Progress goes to standard error.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "csaf, cve or kev; omitted, each file's format is recognised from its content.") var format: String?
        @Argument(help: "Files, or folders whose .json files are read.") var paths: [String]

        func validate() throws {
            if let format, AdvisoryDocument.Format(rawValue: format) == nil {
                throw ValidationError("--format must be csaf, cve or kev")
            }
            guard !paths.isEmpty else { throw ValidationError("name at least one file") }
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let files = try Self.expand(paths)
            var uploads: [AdvisoryService.Upload] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(file)")
                }
                uploads.append(.init(name: file, data: data))
            }
            let progress = ImportProgress(total: files.count, console: console)
            let result: AdvisoryService.ImportResult
            do {
                result = try await hub.advisories.importDocuments(
                    uploads, format: format.flatMap(AdvisoryDocument.Format.init(rawValue:)),
                    audit: AuditRecord(actorUser: "cli", action: "advisory.import", objectType: "advisory", clientAddress: "local"),
                    logger: logger) { done, upload, advisory in progress.show(done: done, name: upload.name, vulnerabilities: advisory.vulnerabilities.count) }
            } catch let error as AdvisoryFormatError {
                progress.finish()
                throw ValidationError("rejected, nothing imported: \(error.description)")
            }
            progress.finish()
            let vulnerabilities = result.documents.reduce(0) { $0 + $1.vulnerabilities }
            console.print("imported \(result.documents.count) documents (\(vulnerabilities) vulnerabilities); \(result.newFindings) new findings")
        }

        /// Files as given, and the `.json` files of folders, sorted.
        static func expand(_ paths: [String]) throws -> [String] {
            var files: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw ValidationError("\(path) does not exist")
                }
                guard isDirectory.boolValue else {
                    files.append(path)
                    continue
                }
                guard let walker = FileManager.default.enumerator(atPath: path) else { throw ValidationError("cannot list \(path)") }
                var found: [String] = []
                while let name = walker.nextObject() as? String {
                    if name.hasSuffix(".json") { found.append((path as NSString).appendingPathComponent(name)) }
                }
                files += found.sorted()
            }
            return files
        }
    }

    struct FeedAdd: HubCommand {
        static let configuration = CommandConfiguration(commandName: "feed-add", abstract: "Fetch advisories from a URL on a schedule.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "An http(s) URL serving one CSAF document, CVE record or the KEV catalog.") var url: String
        @Option(help: "csaf, cve or kev; omitted, recognised from the content.") var format: String?
        @Option(help: "Hours between fetches.") var everyHours: Int = 24

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            let feed = try Self.feed(url: url, format: format, hours: everyHours)
            try await hub.advisories.feeds.add(feed, audit: AuditRecord(actorUser: "cli", action: "advisory-feed.add", objectType: "advisory-feed",
                                                                       objectID: feed.id.uuidString.lowercased(), clientAddress: "local", details: ["url": url]))
            console.print(feed.id.uuidString.lowercased())
        }

        static func feed(url: String, format: String?, hours: Int) throws -> AdvisoryFeedRepository.Feed {
            do {
                return try AdvisoryFeedCLI.validate(url: url, format: format, hours: hours)
            } catch let error as MemberValidationError {
                throw ValidationError("\(error.field): \(error.message)")
            }
        }
    }

    struct FeedList: HubCommand {
        static let configuration = CommandConfiguration(commandName: "feed-list", abstract: "List advisory feeds and their last outcome.")
        @OptionGroup var options: DatabaseOptions

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            for feed in try await hub.advisories.feeds.list() {
                console.print("\(feed.id.uuidString.lowercased())\t\(feed.url)\tevery \(feed.intervalSeconds / 3600) h\t\(feed.lastOutcome ?? "not fetched yet")")
            }
        }
    }

    struct FeedRemove: HubCommand {
        static let configuration = CommandConfiguration(commandName: "feed-remove", abstract: "Stop fetching a feed.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The feed id.") var id: String

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("'\(id)' is not a feed id") }
        }

        func work(on hub: Hub, console: any CommandConsole, logger: Logger) async throws {
            guard let feedID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a feed id") }
            try await hub.advisories.feeds.remove(feedID, audit: AuditRecord(actorUser: "cli", action: "advisory-feed.remove", objectType: "advisory-feed", objectID: id, clientAddress: "local"))
        }
    }
}

/// A one-line progress display on standard error: documents read, the current file, vulnerabilities.
final class ImportProgress: @unchecked Sendable {
    private let total: Int
    private let console: any CommandConsole
    /// Redraws one line only on the real terminal; a test's console gets plain lines.
    private let terminal: Bool
    private var vulnerabilities = 0
    private let started = Date()

    init(total: Int, console: any CommandConsole) {
        self.total = total
        self.console = console
        self.terminal = console is StandardConsole && isatty(STDERR_FILENO) != 0
    }

    func show(done: Int, name: String, vulnerabilities count: Int) {
        vulnerabilities += count
        let line = "[\(done)/\(total)] \(vulnerabilities) vulnerabilities read; \((name as NSString).lastPathComponent)"
        if terminal {
            console.note("\r\u{1B}[2K" + line)
        } else if done == total || done % 1000 == 0 {
            console.note(line + "\n")
        }
    }

    func finish() {
        if terminal { console.note("\n") }
        let seconds = Date().timeIntervalSince(started)
        console.note(String(format: "read %d documents in %.1f s; matching done\n", total, seconds))
    }
}

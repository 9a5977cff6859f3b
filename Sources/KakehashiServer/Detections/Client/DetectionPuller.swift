import Foundation
import KakehashiCore
import KakehashiHunt

/// The work of `kakehashi detections pull`: fetch a pack (a delta once it has a cursor), apply it to
/// the pack kept in the output directory, leave out allowlisted values, write each format's files
/// atomically (a temporary file renamed over the old one) and say whether anything changed.
///
/// A pack that comes back empty never replaces a non-empty one unless the operator says so
/// (`allowEmpty`): a feed that fails open would otherwise unblock everything (opencti#8293).
public struct DetectionPuller: Sendable {
    public struct Options: Sendable {
        public var outputDirectory: String
        public var formats: [DetectionFormat]
        public var sidRange: SIDRange?
        public var allowlist: DetectionAllowlist
        public var allowEmpty: Bool

        public init(outputDirectory: String, formats: [DetectionFormat], sidRange: SIDRange? = nil,
                    allowlist: DetectionAllowlist = DetectionAllowlist(), allowEmpty: Bool = false) {
            self.outputDirectory = outputDirectory
            self.formats = formats
            self.sidRange = sidRange
            self.allowlist = allowlist
            self.allowEmpty = allowEmpty
        }
    }

    /// What one pull did.
    public struct Outcome: Sendable, Equatable {
        /// Whether the hub sent a delta (the directory had a cursor).
        public var delta: Bool
        /// How many entries the local pack holds now (allowlisted ones included).
        public var entries: Int
        /// The files whose content changed, by name.
        public var changed: [String]
        /// Entries left out because the allowlist covers them.
        public var allowlisted: [DetectionEntry]
        /// Indicators the hub could not translate (the report's list, for the last full pack and deltas since).
        public var untranslatable: [UntranslatableIndicator]
    }

    /// What the directory keeps between pulls (`.kakehashi-detections.json`).
    struct State: Codable {
        var cursor: DetectionCursor
        var sidBase: Int64?
        var sidCount: Int64?
        var entries: [DetectionEntry]
        var untranslatable: [UntranslatableIndicator]
    }

    static let stateFile = ".kakehashi-detections.json"

    let options: Options
    /// GETs the hub's detections path with a query (`format=report&…`) and returns the body.
    let fetch: @Sendable (String) async throws -> String

    public init(options: Options, fetch: @escaping @Sendable (String) async throws -> String) {
        self.options = options
        self.fetch = fetch
    }

    /// Pulls once.
    /// - Throws: ``DetectionPullError`` when the pack would empty a non-empty one, or a file cannot be written.
    public func pull() async throws -> Outcome {
        let directory = URL(fileURLWithPath: options.outputDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var state = readState(directory)
        if let known = state, known.sidBase != options.sidRange?.base || known.sidCount != options.sidRange?.count {
            state = nil  // another SID range: start again from a full pack
        }
        var query = "format=report"
        if let range = options.sidRange { query += "&sid_base=\(range.base)&sid_count=\(range.count)" }
        if let state { query += "&since=\(state.cursor)" }
        let pack: DetectionPack
        do {
            pack = try JSONDecoder().decode(DetectionPack.self, from: Data(try await fetch(query).utf8))
        } catch let error as DecodingError {
            throw DetectionPullError("the hub's answer is not a detection report: \(error)")
        }

        var entries: [DetectionEntry]
        var untranslatable: [UntranslatableIndicator]
        if let state, pack.isDelta {
            let gone = Set(pack.removed.map(\.key))
            let fresh = Dictionary(pack.entries.map { ($0.key, $0) }, uniquingKeysWith: { $1 })
            entries = state.entries.filter { !gone.contains($0.key) && fresh[$0.key] == nil } + pack.entries
            let translated = Set(pack.entries.map(\.indicator))
            let relisted = Set(pack.untranslatable.map(\.indicator))
            untranslatable = state.untranslatable.filter { !translated.contains($0.indicator) && !relisted.contains($0.indicator) } + pack.untranslatable
        } else {
            entries = pack.entries
            untranslatable = pack.untranslatable
        }
        entries.sort { ($0.kind, $0.value, $0.indicator) < ($1.kind, $1.value, $1.indicator) }

        let allowlisted = entries.filter { options.allowlist.covers($0) }
        let kept = entries.filter { !options.allowlist.covers($0) }
        let previousKept = state?.entries.filter { !options.allowlist.covers($0) } ?? []
        if kept.isEmpty, !options.allowEmpty, !previousKept.isEmpty || hasNonEmptyFiles(directory) {
            throw DetectionPullError("the hub sent an empty pack; the files in \(options.outputDirectory) are kept. Pass --allow-empty if the collection is meant to be empty")
        }

        let local = DetectionPack(cursor: pack.cursor, entries: kept)
        var changed: [String] = []
        for format in options.formats {
            for (name, text) in Self.files(local.restricted(to: format), format: format) where try write(text, to: directory.appendingPathComponent(name)) {
                // The report carries the cursor, so it changes on every pull; only sensor files count.
                if format != .report { changed.append(name) }
            }
        }
        let newState = State(cursor: pack.cursor, sidBase: options.sidRange?.base, sidCount: options.sidRange?.count, entries: entries, untranslatable: untranslatable)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        _ = try write(String(decoding: try encoder.encode(newState), as: UTF8.self), to: directory.appendingPathComponent(Self.stateFile))
        return Outcome(delta: pack.isDelta && state != nil, entries: entries.count, changed: changed, allowlisted: allowlisted, untranslatable: untranslatable)
    }

    /// The files one format is written as, by name.
    static func files(_ pack: DetectionPack, format: DetectionFormat) -> [(String, String)] {
        switch format {
        case .zeek: [("kakehashi.intel", DetectionPackWriter.render(pack, format: .zeek))]
        case .suricata: [("kakehashi.rules", DetectionPackWriter.render(pack, format: .suricata))]
        case .suricataDataset:
            [DetectionKind.address, .domain, .url, .md5, .sha256].map { kind in
                ("kakehashi-\(kind.rawValue).lst", DetectionPackWriter.render(pack, format: .suricataDataset, kinds: [kind]))
            }
        case .iprep: [("kakehashi.iprep", DetectionPackWriter.render(pack, format: .iprep)), ("kakehashi-categories.txt", DetectionPackWriter.iprepCategories)]
        case .plain:
            [("kakehashi-addresses.txt", DetectionPackWriter.render(pack, format: .plain, kinds: [.address, .subnet])),
             ("kakehashi-domains.txt", DetectionPackWriter.render(pack, format: .plain, kinds: [.domain])),
             ("kakehashi-urls.txt", DetectionPackWriter.render(pack, format: .plain, kinds: [.url]))]
        case .csv: [("kakehashi.csv", DetectionPackWriter.render(pack, format: .csv))]
        case .report: [("kakehashi-report.json", DetectionPackWriter.render(pack, format: .report))]
        }
    }

    private func readState(_ directory: URL) -> State? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(Self.stateFile)) else { return nil }
        return try? JSONDecoder().decode(State.self, from: data)
    }

    /// Whether the directory already holds a pack file with entries (a state file lost, the files kept).
    private func hasNonEmptyFiles(_ directory: URL) -> Bool {
        for format in options.formats {
            for (name, _) in Self.files(DetectionPack(cursor: DetectionCursor(dateAdded: 0, asOf: 0), entries: []), format: format) {
                guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { continue }
                if text.split(separator: "\n").contains(where: { !$0.hasPrefix("#") && !$0.hasPrefix("action,") && !$0.hasPrefix("1,kakehashi") && !$0.isEmpty }) { return true }
            }
        }
        return false
    }

    /// Writes `text` to `url` through a temporary file in the same directory and a rename, so a
    /// sensor never reads half a file. Returns whether the content changed.
    private func write(_ text: String, to url: URL) throws -> Bool {
        let data = Data(text.utf8)
        if let old = try? Data(contentsOf: url), old == data { return false }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw DetectionPullError("cannot rename \(temporary.path) to \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? DetectionPullError { throw error }
            throw DetectionPullError("cannot write \(url.path): \(error.localizedDescription)")
        }
        return true
    }
}

/// A pull that did not replace the pack, and why.
public struct DetectionPullError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

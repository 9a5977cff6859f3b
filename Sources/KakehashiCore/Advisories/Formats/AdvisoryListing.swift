import Foundation

/// What a CSAF provider publishes to say where its advisories are (CSAF 2.0 §7.1.7 and §7.1.15–7.1.20):
/// a provider's `provider-metadata.json` names ROLIE feeds and directories; a ROLIE feed lists documents
/// with the time each was last updated; a directory's `changes.csv` lists paths with times.
///
/// A URL an administrator configures may serve any of these or a single advisory; ``recognise(_:url:)``
/// tells which, so the hub can follow a provider's listings down to its documents.
public enum AdvisoryListing: Sendable, Equatable {
    /// Provider metadata: the feeds and directories to read next, and those left out (they need
    /// credentials the hub does not hold, such as TLP:AMBER feeds).
    case provider(sources: [Source], skipped: [String])
    /// A ROLIE feed: the documents it lists.
    case entries([Entry])
    /// Not a listing: an advisory document itself.
    case document

    /// Where a provider keeps documents.
    public struct Source: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// A ROLIE feed (JSON).
            case rolie
            /// A directory with `changes.csv`.
            case directory
        }

        public let kind: Kind
        public let url: String
    }

    /// One listed document.
    public struct Entry: Sendable, Hashable {
        /// The document's absolute URL.
        public let url: String
        /// When the provider last changed it, if the listing says.
        public let updated: Date?
    }

    /// TLP labels of feeds anyone may read (CSAF 2.0 uses TLP 1.0's WHITE; TLP 2.0's CLEAR is accepted too).
    static let openLabels: Set<String> = ["WHITE", "CLEAR", "GREEN"]

    /// Recognises `data` fetched from `url`.
    /// - Throws: ``AdvisoryFormatError`` (document = `url`) when it looks like a listing but breaks its rules.
    public static func recognise(_ data: Data, url: String) throws(AdvisoryFormatError) -> AdvisoryListing {
        guard let root = try? JSONValue.parse(data), case .object(let members) = root else { return .document }
        let cursor = JSONCursor(root: root, document: url)
        if members["feed"] != nil { return .entries(try rolieEntries(cursor.required("feed"), base: url)) }
        if members["metadata_version"] != nil, members["distributions"] != nil || members["canonical_url"] != nil {
            return try providerSources(cursor, base: url)
        }
        return .document
    }

    private static func providerSources(_ root: JSONCursor, base: String) throws(AdvisoryFormatError) -> AdvisoryListing {
        var sources: [Source] = []
        var skipped: [String] = []
        for distribution in try root.array("distributions") {
            if let directory = try distribution.string("directory_url") {
                sources.append(Source(kind: .directory, url: try absolute(directory, base: base, at: distribution.required("directory_url"))))
            }
            guard let rolie = try distribution.optional("rolie") else { continue }
            for feed in try rolie.array("feeds") {
                let address = try absolute(try feed.requiredString("url"), base: base, at: feed.required("url"))
                let label = try feed.string("tlp_label")?.uppercased() ?? "UNLABELED"
                if openLabels.contains(label) {
                    sources.append(Source(kind: .rolie, url: address))
                } else {
                    skipped.append("\(address) (TLP:\(label))")
                }
            }
        }
        if sources.isEmpty && skipped.isEmpty {
            throw root.fail("provider metadata names no ROLIE feed and no directory (distributions)")
        }
        return .provider(sources: sources, skipped: skipped)
    }

    private static func rolieEntries(_ feed: JSONCursor, base: String) throws(AdvisoryFormatError) -> [Entry] {
        var entries: [Entry] = []
        for entry in try feed.array("entry") {
            var target: String?
            if let content = try entry.optional("content") { target = try content.string("src") }
            if target == nil {
                for link in try entry.array("link") where try link.string("rel") == "self" {
                    target = try link.string("href")
                }
            }
            guard let target else { throw entry.fail("an entry needs content.src or a link with rel \"self\" naming its document") }
            let updated = try entry.string("updated")
            entries.append(Entry(url: try absolute(target, base: base, at: entry), updated: try updated.map { text throws(AdvisoryFormatError) in
                guard let date = ReportCoding.parseInstant(text) else { throw try entry.required("updated").fail("must be an RFC 3339 date-time, found '\(text)'") }
                return date
            }))
        }
        return entries
    }

    /// The documents a directory's `changes.csv` lists: `"path","time"` per line, paths relative to the directory.
    /// - Throws: ``AdvisoryFormatError`` naming the line (as `line N`) and what is wrong with it.
    public static func changes(_ data: Data, directory: String) throws(AdvisoryFormatError) -> [Entry] {
        let name = changesURL(directory: directory)
        var entries: [Entry] = []
        let text = String(decoding: data, as: UTF8.self)
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            guard fields.count == 2, !fields[0].isEmpty else {
                throw AdvisoryFormatError(document: name, path: "line \(number + 1)", rule: "must be \"path\",\"time\"")
            }
            guard let updated = ReportCoding.parseInstant(fields[1]) else {
                throw AdvisoryFormatError(document: name, path: "line \(number + 1)", rule: "the time must be an RFC 3339 date-time, found '\(fields[1])'")
            }
            guard let url = URL(string: fields[0], relativeTo: URL(string: directoryBase(directory)))?.absoluteURL.absoluteString else {
                throw AdvisoryFormatError(document: name, path: "line \(number + 1)", rule: "'\(fields[0])' is not a relative path")
            }
            entries.append(Entry(url: url, updated: updated))
        }
        return entries
    }

    /// The URL of a directory's `changes.csv`.
    public static func changesURL(directory: String) -> String { directoryBase(directory) + "changes.csv" }

    private static func directoryBase(_ directory: String) -> String { directory.hasSuffix("/") ? directory : directory + "/" }

    private static func absolute(_ reference: String, base: String, at cursor: JSONCursor) throws(AdvisoryFormatError) -> String {
        guard let url = URL(string: reference, relativeTo: URL(string: base))?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw cursor.fail("'\(reference)' is not an http(s) URL")
        }
        return url.absoluteString
    }
}

import Foundation
import Hummingbird
import HummingbirdCore
import KakehashiCore
import KakehashiStorage

/// Reads TAXII URL filters (`added_after`, `limit`, `next`, `match[...]`) into a storage query.
/// Each bad value is refused with a 400 that names the parameter.
struct TAXIIQueryParser {
    /// The most records a page holds, whatever `limit` asks.
    static let maximumPageSize = 10_000
    static let defaultPageSize = 1_000

    let parameters: [String: [String]]

    init(_ uri: URI) {
        var parameters: [String: [String]] = [:]
        for (name, value) in uri.queryParameters {
            // Hummingbird decodes values but not names, and clients encode the brackets of match[…].
            let decoded = String(name).removingPercentEncoding ?? String(name)
            parameters[decoded, default: []].append(String(value))
        }
        self.parameters = parameters
    }

    /// The query for an endpoint; `defaultVersions` is `last` for objects and manifest, `all` for versions.
    func query(defaultVersions: VersionSelection, allowed: Set<String>) throws -> STIXObjectQuery {
        for name in parameters.keys where !allowed.contains(name) && name != "next" {
            throw TAXIIError(.badRequest, "Unknown filter", details: "the parameter '\(name)' is not supported here; use \(allowed.sorted().joined(separator: ", "))")
        }
        var query = STIXObjectQuery(versions: defaultVersions, limit: Self.defaultPageSize)
        if let text = single("added_after") {
            guard let timestamp = STIXTimestamp(text) else {
                throw TAXIIError(.badRequest, "Invalid added_after", details: "'\(text)' is not an RFC 3339 UTC timestamp such as 2026-11-26T00:00:00.000Z")
            }
            query.addedAfter = timestamp.microsecondsSinceEpoch
        }
        if let text = single("limit") {
            guard let limit = Int(text), limit > 0 else {
                throw TAXIIError(.badRequest, "Invalid limit", details: "limit must be a positive integer, not '\(text)'")
            }
            query.limit = min(limit, Self.maximumPageSize)
        }
        query.ids = list("match[id]")
        query.types = list("match[type]")
        query.specVersions = list("match[spec_version]")
        for type in query.types where type.isEmpty || type.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw TAXIIError(.badRequest, "Invalid match[type]", details: "'\(type)' is not a STIX type name")
        }
        let versions = list("match[version]")
        if !versions.isEmpty { query.versions = try Self.versionSelection(versions) }
        return query
    }

    /// The `next` cursor, if given.
    var next: String? { single("next") }

    private func single(_ name: String) -> String? { parameters[name]?.last }

    private func list(_ name: String) -> [String] {
        (parameters[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    static func versionSelection(_ values: [String]) throws -> VersionSelection {
        var selection = VersionSelection()
        for value in values {
            switch value {
            case "all": selection.all = true
            case "first": selection.first = true
            case "last": selection.last = true
            default:
                guard let timestamp = STIXTimestamp(value) else {
                    throw TAXIIError(.badRequest, "Invalid match[version]", details: "'\(value)' is neither first, last, all nor an RFC 3339 timestamp")
                }
                selection.exact.append(timestamp.microsecondsSinceEpoch)
            }
        }
        return selection
    }
}

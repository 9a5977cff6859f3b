import Foundation
import KakehashiCore
import KakehashiHunt
import KakehashiStorage

/// Reads the indicators a reader may see and builds a full pack or a delta from them.
///
/// Every pack reads the newest version of every visible indicator: expiry needs no new version to
/// take an entry away, so a delta cannot look at changed indicators only. For those changed since the
/// cursor, it also reads the version that was newest then, to know what the earlier pack held.
struct DetectionPackReader {
    let reader: CollectionReader
    /// The hub page of an indicator id.
    let link: @Sendable (String) -> String

    func pack(format: DetectionFormat, since: DetectionCursor?, now: Int64 = Date().micros) async throws -> DetectionPack {
        var current: [DetectionIndicator] = []
        var changed = Set<String>()
        var lastAdded = since?.dateAdded ?? 0
        var after: Int64?
        while true {
            let page = try await reader.page(after: after, types: ["indicator"], limit: 1000)
            for stored in page.objects {
                lastAdded = max(lastAdded, stored.dateAdded)
                guard let json = stored.json, let object = try? JSONValue.parse(json),
                      let indicator = DetectionIndicator(object: object, link: link(stored.objectID)) else { continue }
                current.append(indicator)
                if let since, stored.dateAdded > since.dateAdded { changed.insert(indicator.id) }
            }
            guard page.more, let last = page.objects.last else { break }
            after = last.dateAdded
        }
        let cursor = DetectionCursor(dateAdded: lastAdded, asOf: now)
        guard let since else { return DetectionPackBuilder.full(current, format: format, cursor: cursor) }
        let previous = try await versions(of: changed, atOrBefore: since.dateAdded)
        return DetectionPackBuilder.delta(current: current, changed: changed, previous: previous, format: format, since: since, cursor: cursor)
    }

    /// For each of `ids`, the version the reader could see that was newest at `dateAdded`.
    private func versions(of ids: Set<String>, atOrBefore dateAdded: Int64) async throws -> [String: DetectionIndicator] {
        var newest: [String: (Int64, DetectionIndicator)] = [:]
        let sorted = ids.sorted()
        for start in stride(from: 0, to: sorted.count, by: 200) {
            let chunk = Array(sorted[start..<min(start + 200, sorted.count)])
            var after: Int64?
            while true {
                let query = STIXObjectQuery(addedAfter: after, ids: chunk, types: ["indicator"], versions: .every, limit: 1000)
                let page = try await reader.hub.objects.page(query, in: reader.collection.id, viewer: reader.viewer, withJSON: true)
                for stored in page.objects where stored.dateAdded <= dateAdded {
                    guard newest[stored.objectID].map({ $0.0 < stored.dateAdded }) ?? true,
                          let json = stored.json, let object = try? JSONValue.parse(json),
                          let indicator = DetectionIndicator(object: object, link: link(stored.objectID)) else { continue }
                    newest[stored.objectID] = (stored.dateAdded, indicator)
                }
                guard page.more, let last = page.objects.last else { break }
                after = last.dateAdded
            }
        }
        return newest.mapValues(\.1)
    }
}

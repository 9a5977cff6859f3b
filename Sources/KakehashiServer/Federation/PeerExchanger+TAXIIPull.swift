import Foundation
import KakehashiCore
import KakehashiStorage
import NIOCore
import NIOHTTP1

extension PeerExchanger {
    /// Pulls from a TAXII 2.1 server: every version added after the stored cursor (less the overlap), page by
    /// page following `next`, each page stored with the cursor its `X-TAXII-Date-Added-Last` gives.
    func pullTAXII(into collection: SharingCollection) async throws -> Outcome {
        let state = try await hub.peers.state(of: peer.id)
        var cursor = state.pullCursor
        var query = "match%5Bversion%5D=all&limit=\(settings.pullPageSize)"
        if let askFrom = Self.overlapped(cursor, by: settings.pullOverlap) { query += "&added_after=" + Self.escape(askFrom) }
        var next: String?
        var outcome = Outcome()
        while true {
            let before = cursor
            let url = peer.objectsURL + "?" + query + (next.map { "&next=" + Self.escape($0) } ?? "")
            let answer = try await http.send(.GET, url, accept: TAXIIMediaType.taxii)
            // A TAXII server may answer an empty page as 200 `{}` or, from an older server, 204/404 without a body.
            guard answer.status == 200 else {
                if answer.status == 204 { break }
                throw PeerExchangeError.status(.GET, url, answer, expected: "200")
            }
            let envelope: JSONValue
            do {
                envelope = try answer.body.withUnsafeReadableBytes { try JSONValue.parse($0) }
            } catch {
                throw PeerExchangeError("GET \(url) answered HTTP 200 with a body that is not JSON: \(error)")
            }
            guard envelope.objectValue != nil else { throw PeerExchangeError("GET \(url) answered HTTP 200 with JSON that is not a TAXII envelope") }
            let items = (envelope["objects"]?.arrayValue ?? []).map { (json: $0, chain: [String]()) }
            let more = envelope["more"]?.boolValue ?? false
            next = more ? envelope["next"]?.stringValue : nil
            let last = answer.headers.first(name: "X-TAXII-Date-Added-Last")
            let moved = Self.later(last, than: cursor)
            if items.isEmpty && moved == cursor { break }
            let (versions, refusals) = await admit(items, into: collection)
            let audit = (versions.isEmpty && refusals.isEmpty) ? nil
                : self.audit("federation.pull", ["offered": items.count, "accepted": versions.count, "refused": refusals.count])
            let stored = try await hub.federation.receive(versions, refusals: refusals, from: peer, into: collection,
                                                          cursors: .init(objects: moved), audit: audit)
            cursor = moved
            outcome.received += stored.fresh.count
            outcome.duplicates += stored.duplicates
            outcome.refusedIn += refusals.count
            if next != nil { continue }
            // A server that says `more` without a `next` is asked again after what this page ended with.
            guard more, !items.isEmpty, let moved, moved != before else { break }
            query = "match%5Bversion%5D=all&limit=\(settings.pullPageSize)&added_after=" + Self.escape(moved)
        }
        if outcome.received + outcome.refusedIn > 0 {
            logger.info("pulled from peer", metadata: ["federation.received": "\(outcome.received)", "federation.refused": "\(outcome.refusedIn)"])
        }
        return outcome
    }

    /// `cursor` moved back by `overlap`, as RFC 3339 text with microseconds; nil without a cursor.
    static func overlapped(_ cursor: String?, by overlap: Duration) -> String? {
        guard let cursor, case .success(let timestamp) = STIXTimestamp.parse(cursor) else { return cursor }
        let micros = Int64((overlap / .microseconds(1)).rounded())
        return MicrosTimestamp.format(max(0, timestamp.microsecondsSinceEpoch - micros))
    }

    /// The later of two date-added texts (a cursor never moves back); a text that does not parse is ignored.
    static func later(_ candidate: String?, than cursor: String?) -> String? {
        guard let candidate, case .success(let new) = STIXTimestamp.parse(candidate) else { return cursor }
        guard let cursor, case .success(let old) = STIXTimestamp.parse(cursor) else { return candidate }
        return new.microsecondsSinceEpoch > old.microsecondsSinceEpoch ? candidate : cursor
    }

    /// Percent-escapes a query value.
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=:")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

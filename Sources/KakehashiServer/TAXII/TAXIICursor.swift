import Crypto
import Foundation
import KakehashiStorage

/// The opaque `next` value: where the last page ended, bound to the query that produced it.
struct TAXIICursor: Equatable {
    /// Date added of the last record returned.
    let after: Int64
    /// A digest of the query's filters; the cursor is refused with any other filters.
    let binding: String

    var token: String {
        Data("v1.\(after).\(binding)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(after: Int64, binding: String) {
        self.after = after
        self.binding = binding
    }

    /// Reads a `next` value, or `nil` when it is not one of ours.
    init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[0] == "v1", let after = Int64(parts[1]) else { return nil }
        self.init(after: after, binding: String(parts[2]))
    }

    /// The binding of a query: every filter but the page position and size.
    static func binding(endpoint: String, collection: UUID, query: STIXObjectQuery) -> String {
        var text = "\(endpoint)|\(collection.uuidString.lowercased())|\(query.addedAfter.map(String.init) ?? "-")"
        text += "|\(query.ids.joined(separator: ","))|\(query.types.joined(separator: ","))|\(query.specVersions.joined(separator: ","))"
        let versions = query.versions
        text += "|\(versions.all)|\(versions.first)|\(versions.last)|\(versions.exact.map(String.init).joined(separator: ","))"
        return SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage

/// One row of a collection's list: what a person scans for.
struct ObjectSummary: Encodable, Sendable, Equatable {
    let id: String
    let collectionID: String
    let type: String
    let name: String
    let pattern: String
    let tlpLabel: String
    let tlpClass: String
    let dateAdded: String

    init(stored: StoredSTIXObject, collectionID: UUID) {
        let json = stored.json.flatMap { try? JSONValue.parse($0) }
        id = stored.objectID
        self.collectionID = collectionID.uuidString.lowercased()
        type = stored.type
        name = json?["name"]?.stringValue ?? stored.objectID
        pattern = json?["pattern"]?.stringValue ?? ""
        tlpLabel = stored.tlp.displayName
        tlpClass = stored.tlp.cssClass
        dateAdded = String(MicrosTimestamp.format(stored.dateAdded).prefix(19)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage

/// An object's page: its facts, its background in the reader's language (from a visible
/// `language-content` object when there is one), and the visible objects related to it.
struct ObjectDetail: Encodable, Sendable {
    /// A related object: the relation's arrow and name, and the object.
    struct Related: Encodable, Sendable, Equatable {
        let relation: String
        let id: String
        let label: String
    }

    let id: String
    let collectionID: String
    let type: String
    let name: String
    let description: String
    let pattern: String
    let version: String
    let dateAdded: String
    let tlpLabel: String
    let tlpClass: String
    let related: [Related]
    /// The object as pretty-printed JSON.
    let json: String

    static func load(_ stored: StoredSTIXObject, json text: String, collection: SharingCollection, viewer: STIXViewer, language: String, hub: Hub) async throws -> ObjectDetail {
        let json = try JSONValue.parse(text)
        var name = json["name"]?.stringValue ?? stored.objectID
        var description = json["description"]?.stringValue
        if language == "ja" {
            let translations = try await hub.objects.search("\"object_ref\":\"\(stored.objectID)\"", types: ["language-content"], in: collection.id, viewer: viewer, limit: 5)
            for translation in translations {
                guard let contents = translation.json.flatMap({ try? JSONValue.parse($0) })?["contents"]?["ja"] else { continue }
                name = contents["name"]?.stringValue ?? name
                description = contents["description"]?.stringValue ?? description
            }
        }
        var related: [Related] = []
        for relationship in try await hub.objects.search(stored.objectID, types: ["relationship"], in: collection.id, viewer: viewer, limit: 50) {
            guard let object = relationship.json.flatMap({ try? JSONValue.parse($0) }),
                  let source = object["source_ref"]?.stringValue, let target = object["target_ref"]?.stringValue else { continue }
            let kind = object["relationship_type"]?.stringValue ?? "related-to"
            if source == stored.objectID { related.append(Related(relation: "\(kind) →", id: target, label: target)) }
            if target == stored.objectID { related.append(Related(relation: "← \(kind)", id: source, label: source)) }
        }
        for report in try await hub.objects.search(stored.objectID, types: ["report", "grouping"], in: collection.id, viewer: viewer, limit: 20) where report.objectID != stored.objectID {
            let title = report.json.flatMap { try? JSONValue.parse($0) }?["name"]?.stringValue ?? report.objectID
            related.append(Related(relation: "∈", id: report.objectID, label: title))
        }
        for ref in json["object_refs"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            related.append(Related(relation: "→", id: ref, label: ref))
        }
        let pretty = json.prettySerialized()
        return ObjectDetail(
            id: stored.objectID, collectionID: collection.id.uuidString.lowercased(), type: stored.type, name: name,
            description: description ?? "", pattern: json["pattern"]?.stringValue ?? "", version: stored.taxiiVersion,
            dateAdded: MicrosTimestamp.format(stored.dateAdded), tlpLabel: stored.tlp.displayName, tlpClass: stored.tlp.cssClass,
            related: related, json: pretty)
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage

/// Publishes an incident's shareable STIX bundle into its sector's TAXII collections, when the reporter consented.
///
/// The sector's collections are those the reporting organisation may write to and an ISAC of one of
/// its sectors may read. Objects keep their STIX ids across versions, so a later submission adds new
/// versions of the same objects.
struct IncidentSharing: Sendable {
    let hub: Hub

    /// One collection the bundle went into.
    struct Published: Encodable, Sendable {
        let collectionID: UUID
        let title: String
        /// Object versions stored (new or already there).
        let objects: Int
    }

    /// Publishes the latest submitted version; nothing when the reporter did not consent to ISAC
    /// sharing or labelled the report TLP:RED.
    /// - Returns: the collections written to, and objects the hub's validator refused (by id), if any.
    func publish(_ incident: Incident, reporter: Organisation, audit: AuditRecord) async throws -> (published: [Published], refused: [String]) {
        let view: ShareableReport
        do {
            view = try ShareableReport.make(from: incident, for: .isac)
        } catch {
            return ([], [])
        }
        let targets = try await sectorCollections(of: reporter)
        guard !targets.isEmpty else { return ([], []) }
        let validator = STIXValidator.forHub
        var objects: [STIXObject] = []
        var refused: [String] = []
        for item in view.stixBundle()["objects"]?.arrayValue ?? [] {
            do {
                objects.append(try validator.object(from: item))
            } catch {
                refused.append(item["id"]?.stringValue ?? "?")
            }
        }
        var published: [Published] = []
        for collection in targets {
            var record = audit
            record.action = "incident.share"
            record.details["collection"] = collection.id.uuidString.lowercased()
            record.details["tlp"] = view.label.rawValue
            let outcome = try await hub.objects.add(objects, to: collection, producer: reporter.id, audit: record)
            published.append(Published(collectionID: collection.id, title: collection.title, objects: outcome.added.count))
        }
        return (published, refused)
    }

    /// Collections `reporter` may write to that an ISAC sharing one of its sectors may read.
    func sectorCollections(of reporter: Organisation) async throws -> [SharingCollection] {
        let isacs = try await hub.organisations.list().filter { $0.kind == .isac && !Set($0.sectors).isDisjoint(with: reporter.sectors) }
        return try await hub.collections.list().filter { collection in
            collection.canWrite(reporter.id) && isacs.contains { collection.canRead($0.id) }
        }
    }
}

import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

extension DemoWorld {
    /// Equipment registries for the port and the railway, and the bundled advisories (a CSAF
    /// advisory, a CVE record and a KEV catalog), imported once so that findings appear at once.
    static func seedAdvisories(hub: Hub, organisations: [String: Organisation], logger: Logger) async throws {
        guard let demo = ServerResources.directory("demo") else { return }
        let registries = [("Chubu Port Terminal Operations", "equipment-port.csv"), ("Sakura Passenger Railway", "equipment-rail.csv")]
        for (name, file) in registries {
            guard let organisation = organisations[name], try await hub.advisories.equipment.list(organisation: organisation.id).isEmpty else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: demo).appendingPathComponent(file))
            try await hub.advisories.equipment.replace(
                organisation: organisation.id, items: try EquipmentCSV.parse(data),
                audit: AuditRecord(actorUser: "cli", action: "demo.equipment", objectType: "equipment-registry", objectID: organisation.id.uuidString.lowercased(), clientAddress: "local"))
        }
        guard try await hub.advisories.documents.list(limit: 1).isEmpty else { return }
        let folder = URL(fileURLWithPath: demo).appendingPathComponent("advisories")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let uploads = try names.map { AdvisoryService.Upload(name: $0, data: try Data(contentsOf: folder.appendingPathComponent($0))) }
        let result = try await hub.advisories.importDocuments(
            uploads, audit: AuditRecord(actorUser: "cli", action: "demo.advisories", objectType: "advisory", clientAddress: "local"), logger: logger)
        logger.info("demo advisories imported", metadata: ["documents": "\(result.documents.count)", "findings": "\(result.newFindings)"])
    }
}

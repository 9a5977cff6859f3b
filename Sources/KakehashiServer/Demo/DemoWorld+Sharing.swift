import Foundation
import KakehashiCore
import KakehashiStorage
import Logging

extension DemoWorld {
    /// Creates the transport-sector and national collections (once) and shares a sample campaign
    /// report with its indicators, in English with a Japanese translation, into the transport collection.
    static func seedSharing(hub: Hub, organisations byName: [String: Organisation], logger: Logger) async throws {
        let existing = try await hub.collections.list()
        guard !existing.contains(where: { $0.alias == "transport" }) else { return }
        let everyone = Set(byName.values.map(\.id))
        let transport = Set(byName.values.filter { !$0.sectors.isEmpty || $0.kind == .nationalCenter }.map(\.id))
        let government = Set(byName.values.filter { [.regulator, .nationalCenter, .isac].contains($0.kind) }.map(\.id))
        let sector = SharingCollection(title: "交通セクター共有 Transport sector sharing", description: "Indicators and reports among transport operators, the ministry, the ISAC and the national office",
                                       alias: "transport", defaultTLP: .amber, readers: transport, writers: transport)
        let national = SharingCollection(title: "国家共有 National sharing", description: "Alerts from the national cyber office and regulators to every member",
                                         alias: "national", defaultTLP: .green, readers: everyone, writers: government)
        try await hub.collections.create(sector)
        try await hub.collections.create(national)
        guard let directory = ServerResources.directory("demo"), let isac = byName["Transport ISAC"] else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("port-ransomware-bundle.json"))
        let validation = STIXValidator.forHub.validateBundle(try JSONValue.parse(data))
        _ = try await hub.objects.add(validation.validObjects, to: sector, producer: isac.id,
                                      audit: AuditRecord(actorUser: "cli", action: "demo.share", objectType: "collection", objectID: sector.id.uuidString.lowercased(), clientAddress: "local"))
        logger.info("demo collections created", metadata: ["taxii.collection": "\(sector.id)", "stix.objects": "\(validation.validObjects.count)"])
    }
}

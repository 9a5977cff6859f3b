import Foundation
import Hummingbird
import HummingbirdTesting
import KakehashiCore
@testable import KakehashiServer
import Testing

/// TestHub's railway and national center, plus a rail regulator, a port regulator and a port operator
/// with one analyst each, and the bundled demo advisories.
struct AdvisoryWorld: Sendable {
    let base: TestHub
    let railRegulator = Organisation(nameJa: "国土交通省 鉄道局", nameEn: "MLIT Railway Bureau", kind: .regulator, sectors: [.railways])
    let portRegulator = Organisation(nameJa: "国土交通省 港湾局", nameEn: "MLIT Ports Bureau", kind: .regulator, sectors: [.ports])
    let port = Organisation(nameJa: "中部港湾ターミナル", nameEn: "Chubu Port Terminal Operations", kind: .operator, sectors: [.ports])

    /// A registry with an affected PX-200 PLC (V3.1.0 < V3.2.1, and in the KEV catalog), a fixed one,
    /// and an item whose support ended.
    static let registryCSV = """
        id,name,vendor,product,version,model_numbers,cpe,site,function,domain,designated_critical_equipment,critical_computer,support_end
        PLC-OLD,Line 2 PLC,Example Industrial,PX-200 firmware,V3.1.0,PX-201-CPU,cpe:2.3:o:example_industrial:px-200_firmware:3.1.0:*:*:*:*:*:*:*,川崎変電所,feeder control,OT,true,false,2030-03-31
        PLC-NEW,Line 3 PLC,Example Industrial,PX-200 firmware,V3.2.1,,cpe:2.3:o:example_industrial:px-200_firmware:3.2.1:*:*:*:*:*:*:*,川崎変電所,feeder control,OT,false,false,2030-03-31
        SRV-9,運行管理サーバ,Example Systems,Traffic Server,7.1,,,東京総合指令所,traffic management,IT,true,true,2020-01-31

        """

    static func run(on engine: TestEngine, _ body: @escaping @Sendable (AdvisoryWorld, any TestClientProtocol) async throws -> Void) async throws {
        try await TestHub.run(on: engine) { base, client in
            let world = AdvisoryWorld(base: base)
            for organisation in [world.railRegulator, world.portRegulator, world.port] { try await base.hub.organisations.create(organisation) }
            let hash = try await base.hub.passwords.hash(TestHub.password)
            for (name, organisation) in [("rail-regulator", world.railRegulator), ("port-regulator", world.portRegulator), ("port-analyst", world.port)] {
                try await base.hub.users.create(User(organisationID: organisation.id, username: name, displayName: name, role: .analyst), passwordHash: hash)
            }
            try await body(world, client)
        }
    }

    static func demoDocument(_ name: String) throws -> Data {
        let folder = try #require(ServerResources.directory("demo"))
        return try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("advisories/\(name)"))
    }

    /// Registers the railway's equipment as rail-admin.
    func registerRailEquipment(_ client: some TestClientProtocol, csv: String = registryCSV) async throws {
        let admin = try await base.signIn(client, as: "rail-admin")
        var headers = admin.headersWithCSRF
        headers[.contentType] = "text/csv"
        try await client.execute(uri: "/api/v1/equipment", method: .put, headers: headers, body: ByteBuffer(string: csv)) { response in
            #expect(response.status == .ok, "\(String(buffer: response.body))")
        }
    }

    /// Imports the three bundled demo documents as the national center's administrator.
    func importDemoAdvisories(_ client: some TestClientProtocol) async throws {
        let admin = try await base.signIn(client, as: "center-admin")
        for name in ["csaf-ics-plc-firmware.json", "cve-2026-41234.json", "kev-catalog.json"] {
            try await client.execute(uri: "/api/v1/advisories?name=\(name)", method: .post, headers: admin.headersWithCSRF, body: ByteBuffer(data: try Self.demoDocument(name))) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
        }
    }

    /// GETs `uri` as `username` and hands back the response to decode.
    func get(_ client: some TestClientProtocol, _ uri: String, as username: String) async throws -> APIResponse {
        let browser = try await base.signIn(client, as: username)
        return try await client.execute(uri: uri, method: .get, headers: browser.headers) { APIResponse($0) }
    }
}

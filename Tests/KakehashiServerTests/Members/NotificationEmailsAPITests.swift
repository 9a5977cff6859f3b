import Foundation
import KakehashiCore
@testable import KakehashiServer
import KakehashiStorage
import Testing

@Suite struct NotificationEmailsAPITests {
    static func path(_ organisation: Organisation) -> String {
        "/api/v1/organisations/\(organisation.id.uuidString.lowercased())/notification-emails"
    }

    @Test(arguments: TestEngine.allCases) func anOrganisationAdministratorSetsAndReadsItsAddresses(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let set = try await world.call(.put, Self.path(world.test.railway), as: "rail-admin", json: ["addresses": ["soc@sakura-rail.example.jp", " CSIRT@Sakura-Rail.example.jp"]])
            let read = try await world.call(.get, Self.path(world.test.railway), as: "rail-admin")

            #expect(set.status == .ok)
            #expect(try read.decode(NotificationEmailsResponse.self).addresses == ["soc@sakura-rail.example.jp", "CSIRT@sakura-rail.example.jp"])
            let entry = try #require(try await world.hub.audit.entries().last { $0.action == "organisation.notification-emails.set" })
            #expect(entry.details.contains("\"count\"") && !entry.details.contains("soc@"))
        }
    }

    @Test(arguments: TestEngine.allCases) func aBadAddressIsRefusedByName(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let refused = try await world.call(.put, Self.path(world.test.railway), as: "rail-admin", json: ["addresses": ["soc@sakura-rail.example.jp", "csirt at sakura"]])

            #expect(refused.status == .badRequest)
            let error = try refused.decode(ErrorResponse.self).error
            #expect(error.field == "addresses[1]")
            #expect(error.message.contains("'csirt at sakura'"))
            #expect(try await world.hub.notificationAddresses.addresses(of: world.test.railway.id).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func onlyTheOrganisationsOwnOrTheHubsAdministratorsMayChangeIt(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let foreign = try await world.call(.put, Self.path(world.ministry), as: "rail-admin", json: ["addresses": ["x@example.jp"]])
            let analyst = try await world.call(.get, Self.path(world.test.railway), as: "rail-analyst")
            let hubAdmin = try await world.call(.put, Self.path(world.ministry), as: "center-admin", json: ["addresses": ["soc@mlit.example.jp"]])
            let unknown = try await world.call(.get, "/api/v1/organisations/\(UUID().uuidString)/notification-emails", as: "center-admin")

            #expect(foreign.status == .forbidden)
            #expect(analyst.status == .forbidden)
            #expect(hubAdmin.status == .ok)
            #expect(unknown.status == .notFound)
        }
    }

    @Test(arguments: TestEngine.allCases) func theCommandLineSetsAddressesToo(engine: TestEngine) async throws {
        try await ReportingWorld.run(on: engine) { world in
            let result = try await AdminOperations(hub: world.hub).setNotificationEmails(organisation: "MLIT", addresses: ["soc@mlit.example.jp", "soc@mlit.example.jp"])

            #expect(result.organisation.id == world.ministry.id)
            #expect(try await world.hub.notificationAddresses.addresses(of: world.ministry.id).map(\.value) == ["soc@mlit.example.jp"])
            await #expect(throws: MemberValidationError.self) {
                try await AdminOperations(hub: world.hub).setNotificationEmails(organisation: "MLIT", addresses: ["nope"])
            }
        }
    }
}

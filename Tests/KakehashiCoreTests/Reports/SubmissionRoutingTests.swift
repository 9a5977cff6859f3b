import Foundation
import Testing
import KakehashiCore

/// Turning a submission's routes into one delivery per recipient organisation.
@Suite("Submission routing")
struct SubmissionRoutingTests {
    typealias S = ReportTestSupport

    /// A paid ransom by a Japanese railway that is also a US covered entity: routed to jp-mlit and jp-nisc
    /// (jp-ci-action-plan) and to us-cisa (us-circia).
    static func ransomRoutes() throws -> [SubmissionRoute] {
        let aware = try S.instant("2026-05-01T00:00:00Z")
        var report = try S.report(designations: ["us-covered-entity", "jp-critical-infrastructure-operator"], becameAware: aware)
        report.ransom = RansomDetails(demanded: true, paid: true, amount: "40", currency: "BTC", paidAt: aware)
        return SubmissionRoute.routes(for: report, kind: .initial, regimes: try S.catalog())
    }

    static let ministry = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let center = UUID(uuidString: "00000000-0000-0000-0000-00000000000b")!

    @Test("an organisation that receives for two authorities gets one delivery; an authority nobody receives for is unassigned")
    func oneDeliveryPerOrganisation() throws {
        let routes = try Self.ransomRoutes()

        let routing = SubmissionRouting(routes: routes, directory: ["jp-mlit": [Self.ministry], "jp-nisc": [Self.ministry, Self.center], "us-cisa": []])

        #expect(routing.recipients == [
            .init(organisation: Self.ministry, authorities: ["jp-mlit", "jp-nisc"], regimes: ["jp-ci-action-plan"]),
            .init(organisation: Self.center, authorities: ["jp-nisc"], regimes: ["jp-ci-action-plan"]),
        ])
        #expect(routing.unassigned == ["us-cisa"])
        #expect(routing.undeliveredRegimes == ["us-circia"])
    }

    @Test("one organisation receiving under two regimes gets both in one delivery, each authority once")
    func regimesMergeIntoOneDelivery() throws {
        let routes = try Self.ransomRoutes()

        let routing = SubmissionRouting(routes: routes, directory: ["jp-mlit": [Self.ministry], "us-cisa": [Self.ministry]])

        #expect(routing.recipients == [.init(organisation: Self.ministry, authorities: ["jp-mlit", "us-cisa"], regimes: ["jp-ci-action-plan", "us-circia"])])
        #expect(routing.unassigned == ["jp-nisc"])
        #expect(routing.undeliveredRegimes.isEmpty)
    }

    @Test("with an empty authority map every authority is unassigned and no regime is delivered")
    func emptyDirectory() throws {
        let routes = try Self.ransomRoutes()

        let routing = SubmissionRouting(routes: routes, directory: [:])

        #expect(routing.recipients.isEmpty)
        #expect(routing.unassigned == ["jp-mlit", "jp-nisc", "us-cisa"])
        #expect(routing.undeliveredRegimes == ["jp-ci-action-plan", "us-circia"])
    }

    @Test("no routes (a draft) reach nobody")
    func noRoutes() {
        let routing = SubmissionRouting(routes: [], directory: ["jp-nisc": [Self.center]])

        #expect(routing == SubmissionRouting(routes: [], directory: [:]))
        #expect(routing.recipients.isEmpty && routing.unassigned.isEmpty && routing.undeliveredRegimes.isEmpty)
    }
}

import Foundation
import Testing
@testable import KakehashiCore

/// Refusing incomplete submissions, in Japanese and English.
@Suite("Report submission validation")
struct ReportSubmissionTests {
    typealias S = ReportTestSupport

    @Test("the fixture report is complete for an initial submission to every regime that applies")
    func completeFixture() throws {
        let report = try S.fixtureReport("ransomware-railway")
        let catalog = try S.catalog()

        let regimes = catalog.applicableRegimes(to: report).map(\.id)
        try SubmissionValidator.validate(report, kind: .initial, regimes: catalog)

        #expect(regimes == ["jp-ci-action-plan", "jp-active-cyber-defense", "eu-nis2"])
    }

    @Test("an initial submission missing fields is refused, naming every one in Japanese and English")
    func missingFieldsNamed() throws {
        var report = try S.fixtureReport("ransomware-railway")
        report.contacts = report.contacts.map { var c = $0; c.available24x7 = false; return c }
        report.times.becameAware = nil
        report.narrative = IncidentNarrative()

        let refusal = #expect(throws: SubmissionRefusal.self) {
            try SubmissionValidator.validate(report, kind: .initial, regimes: try S.catalog())
        }

        let missing = try #require(refusal).missing
        #expect(Set(missing.map(\.field)) == [.contact24x7, .timesBecameAware, .narrative])
        let contactStages = try #require(missing.first { $0.field == .contact24x7 }).requiredBy.map(\.regimeID)
        #expect(Set(contactStages) == ["jp-ci-action-plan", "jp-active-cyber-defense", "eu-nis2"])
        let ja = try #require(refusal).message(in: .ja)
        let en = try #require(refusal).message(in: .en)
        for label in ["24時間365日対応の連絡先", "認知日時", "事案の概要"] { #expect(ja.contains(label), "\(ja)") }
        for label in ["24×7 contact", "Time of becoming aware", "Description of the incident"] { #expect(en.contains(label), "\(en)") }
        #expect(ja.contains("早期警報") && en.contains("Early warning"))
        #expect(ja.hasPrefix("第一報を提出できません"))
    }

    @Test("a draft is never refused, however incomplete")
    func draftAccepted() throws {
        let empty = IncidentReport(
            reporter: Reporter(organizationID: "", designations: ["eu-essential-entity", "jp-critical-infrastructure-operator"]),
            times: try IncidentTimes(),
            category: .other
        )

        try SubmissionValidator.validate(empty, kind: .draft, regimes: try S.catalog())

        #expect(throws: SubmissionRefusal.self) { try SubmissionValidator.validate(empty, kind: .initial, regimes: try S.catalog()) }
    }

    @Test("ransom fields are required once a ransom is paid (CIRCIA 24 h report)")
    func ransomFields() throws {
        let aware = try S.instant("2026-05-01T00:00:00Z")
        var report = try S.report(designations: ["us-covered-entity"], becameAware: aware, ransom: RansomDetails(demanded: true))
        report.exploitedCVEs = []
        try SubmissionValidator.validate(report, kind: .initial, regimes: try S.catalog())
        report.ransom = RansomDetails(demanded: true, paid: true)

        let refusal = #expect(throws: SubmissionRefusal.self) { try SubmissionValidator.validate(report, kind: .update, regimes: try S.catalog()) }

        #expect(Set(refusal?.missing.map(\.field) ?? []) == [.ransomAmount, .ransomCurrency, .ransomPaidAt])
        #expect(refusal?.missing.first?.requiredBy.first?.stageID == "ransom-payment")
    }

    @Test("an update that follows an oral SOCI notification must give the written record's fields")
    func writtenRecordFields() throws {
        let aware = try S.instant("2026-08-01T00:00:00Z")
        let report = try S.report(designations: ["au-critical-infrastructure-asset"], becameAware: aware)
        var incident = try Incident(id: "inc-soci").appending(report, kind: .initial, at: aware)
        try incident.record(SubmissionDelivery(submissionVersion: 1, regimeID: "au-soci-significant", deliveredAt: aware, channel: .oral))
        var update = report
        update.serviceImpact = []

        let stages = SubmissionValidator.stagesToSatisfy(report: update, kind: .update, incident: incident, regimes: try S.catalog())
        let refusal = #expect(throws: SubmissionRefusal.self) { try SubmissionValidator.validate(update, kind: .update, incident: incident, regimes: try S.catalog()) }

        #expect(stages.map(\.stage.id) == ["written-record"])
        #expect(refusal?.missing.map(\.field) == [.serviceImpact])
    }

    @Test("a paid ransom routes one submission to CIRCIA for both its stages, and to Japan's ministries")
    func routes() throws {
        let aware = try S.instant("2026-05-01T00:00:00Z")
        var report = try S.report(designations: ["us-covered-entity", "jp-critical-infrastructure-operator"], becameAware: aware)
        report.ransom = RansomDetails(demanded: true, paid: true, amount: "40", currency: "BTC", paidAt: aware)

        let routes = SubmissionRoute.routes(for: report, kind: .initial, regimes: try S.catalog())
        let drafts = SubmissionRoute.routes(for: report, kind: .draft, regimes: try S.catalog())

        #expect(routes.map(\.regime.id) == ["jp-ci-action-plan", "us-circia"])
        #expect(routes.last?.stages.map(\.id) == ["covered-cyber-incident", "ransom-payment"])
        #expect(routes.first?.recipients == ["jp-mlit", "jp-nisc"])
        #expect(routes.last?.recipients == ["us-cisa"])
        #expect(drafts.isEmpty)
    }
}

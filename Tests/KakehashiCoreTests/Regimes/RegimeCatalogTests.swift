import Foundation
import Testing
@testable import KakehashiCore

@Suite("Regime catalogue")
struct RegimeCatalogTests {
    @Test("the shipped config/regimes.json decodes with the periods the laws set")
    func shippedCatalogue() throws {
        let catalog = try ReportTestSupport.catalog()

        let ids = Set(catalog.regimes.map(\.id))
        #expect(ids.isSuperset(of: ["jp-ci-action-plan", "jp-active-cyber-defense", "us-circia", "eu-nis2", "au-soci-significant", "au-soci-relevant", "uk-nis"]))
        let nis2 = try #require(catalog.regime("eu-nis2"))
        #expect(nis2.stages.map(\.id) == ["early-warning", "incident-notification", "final-report"])
        #expect(nis2.stage("early-warning")?.period == .hours(24))
        #expect(nis2.stage("incident-notification")?.period == .hours(72))
        #expect(nis2.stage("final-report")?.period == .calendarMonths(1))
        #expect(nis2.timeZone == "Europe/Brussels")
        #expect(catalog.regime("us-circia")?.stage("ransom-payment")?.anchor == .ransomPaid)
        #expect(catalog.regime("us-circia")?.stage("ransom-payment")?.period == .hours(24))
        #expect(catalog.regime("au-soci-significant")?.stage("notification")?.period == .hours(12))
        #expect(catalog.regime("au-soci-significant")?.stage("written-record")?.period == .hours(84))
        #expect(catalog.regime("uk-nis")?.stage("notification")?.period == .hours(72))
        let acd = try #require(catalog.regime("jp-active-cyber-defense"))
        #expect(acd.stages.allSatisfy { $0.pendingOrdinance })
        #expect(acd.authorities.contains("jp-prime-minister"))
        #expect(catalog.regimes.allSatisfy { !$0.notes.isEmpty } == true, "every regime names its source")
    }

    @Test("an unknown anchor is an error naming the regime and the stage")
    func unknownAnchor() throws {
        let json = try Self.catalogue(stage: #"{"id": "s1", "name": {"ja": "一", "en": "one"}, "submissionKind": "initial", "anchor": "notified", "period": {"hours": 24}}"#)

        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: json) }

        #expect(error?.regime == "test-regime")
        #expect(error?.stage == "s1")
        #expect(error?.description.contains("unknown anchor 'notified'") == true)
    }

    @Test("an unknown required field is an error naming the regime, the stage and the field")
    func unknownField() throws {
        let json = try Self.catalogue(stage: #"{"id": "s2", "name": {"ja": "二", "en": "two"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"hours": 24}, "requiredFields": ["times.becameAware", "reporter.shoeSize"]}"#)

        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: json) }

        #expect(error?.regime == "test-regime")
        #expect(error?.stage == "s2")
        #expect(error?.message.contains("'reporter.shoeSize'") == true)
    }

    @Test("a JSON type error inside a stage names the regime and stage by id")
    func typeErrorNamed() throws {
        let json = try Self.catalogue(stage: #"{"id": "s3", "name": {"ja": "三", "en": "three"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"hours": "soon"}}"#)

        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: json) }

        #expect(error?.regime == "test-regime")
        #expect(error?.stage == "s3")
        #expect(error?.message.contains("period.hours") == true)
    }

    @Test("bad configurations are refused with the reason", arguments: [
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware"}"#, "has no period"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "pendingOrdinance": true, "period": {"hours": 1}}"#, "placeholderPeriod"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"hours": 0}}"#, "positive"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"weeks": 1}}"#, "weeks"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"calendarMonths": 720}}"#, "ten years"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "previous-stage-submitted", "period": {"hours": 1}}"#, "earlier stage"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "draft", "anchor": "became-aware", "period": {"hours": 1}}"#, "draft"),
        (#"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"hours": 1}, "deadline": 3}"#, "unknown key(s) deadline"),
    ])
    func refusals(stage: String, expected: String) throws {
        let json = try Self.catalogue(stage: stage)

        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: json) }

        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.regime == "test-regime")
    }

    @Test("a bad time zone or an unknown replacing regime is refused")
    func regimeLevelErrors() throws {
        let stage = #"{"id": "a", "name": {"ja": "a", "en": "a"}, "submissionKind": "initial", "anchor": "became-aware", "period": {"hours": 1}}"#
        let zone = try Self.catalogue(stage: stage, extra: #""timeZone": "Mars/Olympus","#)
        let unless = try Self.catalogue(stage: stage, extra: #""appliesWhen": {"unlessRegimeApplies": ["nope"]},"#)

        #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: zone) }
        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: unless) }
        #expect(error?.message.contains("'nope'") == true)
    }

    @Test("roles resolve by the reporter's sectors; unresolved roles stay visible")
    func recipients() throws {
        let catalog = try ReportTestSupport.catalog()
        let actionPlan = try #require(catalog.regime("jp-ci-action-plan"))
        let activeDefense = try #require(catalog.regime("jp-active-cyber-defense"))
        let nis2 = try #require(catalog.regime("eu-nis2"))

        let railway = Reporter(organizationID: "r", sectors: ["railway"])
        let airline = Reporter(organizationID: "a", sectors: ["aviation", "logistics"])
        let unknown = Reporter(organizationID: "s", sectors: ["space"])

        #expect(catalog.recipients(of: actionPlan, for: railway) == ["jp-mlit", "jp-nisc"])
        #expect(catalog.recipients(of: actionPlan, for: airline) == ["jp-mlit", "jp-nisc"])
        #expect(catalog.recipients(of: actionPlan, for: unknown) == ["sector-ministry", "jp-nisc"])
        #expect(catalog.recipients(of: activeDefense, for: railway) == ["jp-mlit", "jp-prime-minister"])
        #expect(catalog.recipients(of: nis2, for: railway) == ["eu-csirt"])
    }

    @Test("an unknown top-level key is refused")
    func unknownTopLevel() throws {
        let json = Data(#"{"regimes": [], "regime": []}"#.utf8)

        let error = #expect(throws: RegimeConfigurationError.self) { try RegimeCatalog.decode(from: json) }

        #expect(error?.message.contains("regime") == true)
        #expect(error?.regime == nil)
    }

    static func catalogue(stage: String, extra: String = "") throws -> Data {
        let text = """
        {"regimes": [{"id": "test-regime", "name": {"ja": "試験", "en": "Test"}, "authorities": ["x"], \(extra)
          "stages": [\(stage)]}]}
        """
        return Data(text.utf8)
    }
}

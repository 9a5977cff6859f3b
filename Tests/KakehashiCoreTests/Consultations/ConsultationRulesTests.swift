import Foundation
import KakehashiCore
import Testing

@Suite struct ConsultationRulesTests {
    let rail = Organisation(nameJa: "鉄道", nameEn: "Rail", kind: .operator, sectors: [.railways])
    let center = Organisation(nameJa: "統括室", nameEn: "Center", kind: .nationalCenter)
    let railISAC = Organisation(nameJa: "交通 ISAC", nameEn: "Transport ISAC", kind: .isac, sectors: [.railways, .ports])
    let financeISAC = Organisation(nameJa: "金融 ISAC", nameEn: "Financial ISAC", kind: .isac, sectors: [.finance])
    let regulator = Organisation(nameJa: "国交省", nameEn: "MLIT", kind: .regulator, sectors: [.railways])
    let vendor = Organisation(nameJa: "ベンダー", nameEn: "Vendor", kind: .vendor)

    @Test func aMemberAsksTheCenterItsISACAndRegulatorOrTheProducer() throws {
        #expect(try ConsultationAddressee.resolve(opener: rail, addressee: center, producer: nil) == .nationalCenter)
        #expect(try ConsultationAddressee.resolve(opener: rail, addressee: railISAC, producer: nil) == .isac)
        #expect(try ConsultationAddressee.resolve(opener: rail, addressee: regulator, producer: nil) == .regulator)
        #expect(try ConsultationAddressee.resolve(opener: rail, addressee: vendor, producer: vendor.id) == .producer)
        #expect(try ConsultationAddressee.resolve(opener: rail, addressee: financeISAC, producer: financeISAC.id) == .producer)
        #expect(throws: MemberValidationError.self) { try ConsultationAddressee.resolve(opener: rail, addressee: financeISAC, producer: nil) }
        #expect(throws: MemberValidationError.self) { try ConsultationAddressee.resolve(opener: rail, addressee: vendor, producer: nil) }
        #expect(throws: MemberValidationError.self) { try ConsultationAddressee.resolve(opener: rail, addressee: rail, producer: rail.id) }
    }

    @Test func theFirstAnswerIsDueAndOverdueIsSeenBothWays() {
        let opened = Date(timeIntervalSince1970: 1_800_000_000)
        var thread = Consultation(openedBy: rail.id, openedByUser: "r", addressee: center.id, addresseeKind: .nationalCenter,
                                  subject: .incident(UUID()), title: "t", tlp: .amber, openedAt: opened)
        #expect(thread.firstAnswerDue == opened.addingTimeInterval(86_400))
        #expect(!thread.isOverdue(at: opened.addingTimeInterval(86_000)) && thread.isOverdue(at: opened.addingTimeInterval(86_401)))
        thread.firstAnsweredAt = opened.addingTimeInterval(3600)
        #expect(!thread.isOverdue(at: .distantFuture), "answered in time stays in time")
        thread.firstAnsweredAt = opened.addingTimeInterval(90_000)
        #expect(thread.isOverdue(at: opened.addingTimeInterval(90_000)), "a late answer stays late")
        #expect(Consultation(openedBy: rail.id, openedByUser: "r", addressee: railISAC.id, addresseeKind: .isac, subject: .incident(UUID()), title: "t", tlp: .amber,
                             openedAt: opened).firstAnswerDue == opened.addingTimeInterval(3 * 86_400))
    }

    @Test func anOpinionIsAValidSTIXOpinion() throws {
        let created = Date(timeIntervalSince1970: 1_800_000_000.123)
        let opinion = Opinion(collectionID: UUID(), objectID: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", producer: center.id, organisation: rail.id,
                              author: "rail-reporter", verdict: .falsePositive, note: "社内の監視サーバ", created: created)
        let stix = opinion.stix(tlp: .green)
        let issues = STIXValidator().issues(in: stix)
        #expect(issues.isEmpty, "\(issues)")
        #expect(stix["opinion"]?.stringValue == "strongly-disagree" && stix["explanation"]?.stringValue == "社内の監視サーバ")
        #expect(stix["created_by_ref"]?.stringValue == rail.stixIdentityID)
        #expect(OpinionVerdict.allCases.map(\.stixOpinion) == ["agree", "strongly-disagree", "neutral"])
    }
}

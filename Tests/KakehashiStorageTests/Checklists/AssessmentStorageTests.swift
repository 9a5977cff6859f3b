import Foundation
import KakehashiCore
import KakehashiStorage
import Testing

@Suite struct AssessmentStorageTests {
    @Test(arguments: TestEngine.allCases)
    func everySavingIsKeptAndTheNewestIsRead(engine: TestEngine) async throws {
        try await TestDatabases.with(engine) { database async throws in
            let fixture = ReportStorageFixture()
            try await fixture.install(on: database)
            let repository = AssessmentRepository(database: database)
            let first = ChecklistAssessment(organisationID: fixture.port.id, checklistID: "transport-baseline", checklistVersion: "2026.1",
                                            responses: ["res-1": .init(answer: .no, note: "オフライン保管なし")], submittedBy: "port-analyst", submittedAt: fixture.start)
            var second = first
            second.responses = ["res-1": .init(answer: .yes, note: "テープに退避"), "gov-1": .init(answer: .partial)]
            second.submittedAt = fixture.start.addingTimeInterval(86400)
            try await repository.save(second, audit: fixture.audit("checklist.assessment.save"))
            try await repository.save(first, audit: fixture.audit("checklist.assessment.save"))

            #expect(try await repository.latest(checklist: "transport-baseline") == [fixture.port.id: second])
            #expect(try await repository.latest(checklist: "transport-baseline", organisations: [fixture.port.id, fixture.ministry.id]) == [fixture.port.id: second])
            #expect(try await repository.latest(checklist: "transport-baseline", organisations: [fixture.ministry.id]).isEmpty)
            #expect(try await repository.latest(checklist: "transport-baseline", organisations: []).isEmpty)
            #expect(try await repository.latest(checklist: "other").isEmpty)
            #expect(try await AuditLog(database: database).recent(limit: 10, actionPrefix: "checklist.").count == 2)
        }
    }
}

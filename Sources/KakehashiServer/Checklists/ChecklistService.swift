import Foundation
import KakehashiCore
import KakehashiStorage

/// The self-assessment checklists the hub ships (`Resources/checklists/*.json`, read at start) and the
/// rules around answers: an organisation answers for itself (analysts and administrators); its answers are
/// seen by itself, the regulators of its sectors, the national center and ISACs — never by other operators.
struct ChecklistService: Sendable {
    let hub: Hub
    let checklists: [Checklist]
    var assessments: AssessmentRepository { AssessmentRepository(database: hub.database) }

    /// Loads the bundled checklists.
    /// - Throws: ``ChecklistError`` naming the file that does not read.
    init(hub: Hub) throws {
        self.hub = hub
        var loaded: [Checklist] = []
        if let folder = ServerResources.directory("checklists") {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".json") }).sorted() {
                loaded.append(try Checklist.decode(try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)), name: name))
            }
        }
        checklists = loaded
    }

    func checklist(_ id: String) -> Checklist? { checklists.first { $0.id == id } }

    /// Whether `principal` sees other organisations' answers (as an overseer), and whose.
    static func overseen(by principal: Principal, among organisations: [Organisation]) -> [Organisation]? {
        switch principal.organisation.kind {
        case .nationalCenter, .isac:
            return organisations.filter { $0.kind == .operator }
        case .regulator:
            return organisations.filter { $0.kind == .operator && $0.sectors.contains(where: principal.organisation.sectors.contains) }
        case .operator, .vendor:
            return nil
        }
    }

    /// Whether `principal` may save its organisation's answers.
    static func mayAnswer(_ principal: Principal) -> Bool {
        principal.organisation.kind == .operator && principal.allows(.write)
    }

    /// Checks and saves `responses` as `principal`'s organisation's assessment of `checklist`.
    func save(_ responses: [String: ChecklistAssessment.Response], checklist: Checklist, principal: Principal, context: HubRequestContext) async throws -> ChecklistAssessment {
        let assessment = ChecklistAssessment(organisationID: principal.organisation.id, checklistID: checklist.id, checklistVersion: checklist.version,
                                             responses: responses, submittedBy: principal.user.username, submittedAt: Date())
        try assessment.validate(against: checklist)
        try await assessments.save(assessment, audit: .by(context, action: "checklist.assessment.save", objectType: "checklist", objectID: checklist.id,
                                                          details: ["answered": String(responses.count)]))
        return assessment
    }
}

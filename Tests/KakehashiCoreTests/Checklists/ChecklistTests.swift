import Foundation
import KakehashiCore
import Testing

@Suite struct ChecklistTests {
    static let text = """
    {"id": "mini", "version": "1", "titleJa": "小", "titleEn": "Mini", "sectors": ["ports"],
     "categories": [{"id": "a", "nameJa": "甲", "nameEn": "A"}, {"id": "b", "nameJa": "乙", "nameEn": "B"}, {"id": "c", "nameJa": "丙", "nameEn": "C"}],
     "items": [{"id": "a1", "category": "a", "textJa": "一", "textEn": "one"}, {"id": "a2", "category": "a", "textJa": "二", "textEn": "two"},
               {"id": "a3", "category": "a", "textJa": "三", "textEn": "three"}, {"id": "b1", "category": "b", "textJa": "四", "textEn": "four"},
               {"id": "c1", "category": "c", "textJa": "五", "textEn": "five"}]}
    """

    @Test func scoresCountYesPartialAndNoAndLeaveOutWhatDoesNotApply() throws {
        let checklist = try Checklist.decode(Data(Self.text.utf8), name: "mini.json")
        let assessment = ChecklistAssessment(organisationID: UUID(), checklistID: "mini", checklistVersion: "1", responses: [
            "a1": .init(answer: .yes), "a2": .init(answer: .partial), "a3": .init(answer: .no), "b1": .init(answer: .notApplicable),
        ], submittedBy: "port-analyst", submittedAt: Date())

        let score = ChecklistScore(assessment, checklist: checklist)

        #expect(score.categories.map(\.categoryID) == ["a", "b", "c"])
        #expect(score.categories[0].score == 0.5, "(1 + 0.5 + 0) / 3")
        #expect(score.categories[1].score == nil && score.categories[1].answered == 1, "not applicable does not count")
        #expect(score.categories[2].score == nil && score.categories[2].answered == 0)
        #expect(score.overall == 0.5 && score.unanswered == 1)
    }

    @Test func aBadChecklistFileSaysWhereAndWhat() {
        #expect(throws: ChecklistError(file: "bad.json", message: "$.items[1].category: 'z' is not one of the checklist's categories")) {
            try Checklist.decode(Data(Self.text.replacingOccurrences(of: #""id": "a2", "category": "a""#, with: #""id": "a2", "category": "z""#).utf8), name: "bad.json")
        }
        #expect(throws: ChecklistError(file: "bad.json", message: "$.items[1].id: 'a1' appears twice")) {
            try Checklist.decode(Data(Self.text.replacingOccurrences(of: #""id": "a2""#, with: #""id": "a1""#).utf8), name: "bad.json")
        }
        #expect(throws: ChecklistError(file: "bad.json", message: "$.version: required property is missing")) {
            try Checklist.decode(Data(Self.text.replacingOccurrences(of: #""version": "1", "#, with: "").utf8), name: "bad.json")
        }
    }

    @Test func answersMustBeToItemsOfTheChecklist() throws {
        let checklist = try Checklist.decode(Data(Self.text.utf8), name: "mini.json")
        let stray = ChecklistAssessment(organisationID: UUID(), checklistID: "mini", checklistVersion: "1", responses: ["zz": .init(answer: .yes)],
                                        submittedBy: "x", submittedAt: Date())
        #expect(throws: MemberValidationError(field: "zz", message: "'zz' is not an item of the checklist mini")) { try stray.validate(against: checklist) }
        let long = ChecklistAssessment(organisationID: UUID(), checklistID: "mini", checklistVersion: "1",
                                       responses: ["a1": .init(answer: .yes, note: String(repeating: "x", count: 1001))], submittedBy: "x", submittedAt: Date())
        #expect(throws: MemberValidationError.self) { try long.validate(against: checklist) }
    }
}

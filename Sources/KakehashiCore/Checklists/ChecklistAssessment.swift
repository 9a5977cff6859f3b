import Foundation

/// An organisation's answers to one version of a checklist. Each saving is kept; the newest counts.
public struct ChecklistAssessment: Sendable, Equatable, Codable {
    public enum Answer: String, Sendable, Codable, CaseIterable {
        case yes
        case partial
        case no
        /// Does not apply to this organisation; left out of the score.
        case notApplicable = "not-applicable"

        /// Its weight in the score, or nil when it does not count.
        var credit: Double? {
            switch self {
            case .yes: 1
            case .partial: 0.5
            case .no: 0
            case .notApplicable: nil
            }
        }
    }

    public struct Response: Sendable, Equatable, Codable {
        public var answer: Answer
        public var note: String

        public init(answer: Answer, note: String = "") {
            self.answer = answer
            self.note = note
        }

        private enum CodingKeys: String, CodingKey { case answer, note }

        /// The note may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            answer = try container.decode(Answer.self, forKey: .answer)
            note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        }
    }

    public var organisationID: UUID
    public var checklistID: String
    public var checklistVersion: String
    /// By item id; an item without a response is unanswered.
    public var responses: [String: Response]
    public var submittedBy: String
    public var submittedAt: Date

    public init(organisationID: UUID, checklistID: String, checklistVersion: String, responses: [String: Response], submittedBy: String, submittedAt: Date) {
        self.organisationID = organisationID
        self.checklistID = checklistID
        self.checklistVersion = checklistVersion
        self.responses = responses
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
    }

    /// Checks the answers against `checklist`.
    /// - Throws: ``MemberValidationError`` naming the item at fault.
    public func validate(against checklist: Checklist) throws(MemberValidationError) {
        let known = Set(checklist.items.map(\.id))
        for (item, response) in responses.sorted(by: { $0.key < $1.key }) {
            guard known.contains(item) else { throw MemberValidationError(field: item, message: "'\(item)' is not an item of the checklist \(checklist.id)") }
            guard response.note.count <= 1000 else { throw MemberValidationError(field: item, message: "the note on \(item) may have at most 1,000 characters") }
        }
    }
}

/// How far an assessment meets its checklist: per category and overall, yes counting 1, partial ½,
/// no 0; not-applicable and unanswered items left out (unanswered ones are counted apart).
public struct ChecklistScore: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var categoryID: String
        /// 0…1, or nil when no item of the category counts.
        public var score: Double?
        public var answered: Int
        public var items: Int
    }

    public var categories: [Part]
    public var overall: Double?
    public var unanswered: Int

    public init(_ assessment: ChecklistAssessment, checklist: Checklist) {
        var totalCredit = 0.0, totalCounted = 0, missing = 0
        categories = checklist.categories.map { category in
            let items = checklist.items.filter { $0.category == category.id }
            var credit = 0.0, counted = 0, answered = 0
            for item in items {
                guard let response = assessment.responses[item.id] else { missing += 1; continue }
                answered += 1
                if let weight = response.answer.credit { credit += weight; counted += 1 }
            }
            totalCredit += credit
            totalCounted += counted
            return Part(categoryID: category.id, score: counted == 0 ? nil : credit / Double(counted), answered: answered, items: items.count)
        }
        overall = totalCounted == 0 ? nil : totalCredit / Double(totalCounted)
        unanswered = missing
    }
}
